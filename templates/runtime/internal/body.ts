import type { RequestSpec } from '../request-options.js';
import { inherited } from './query.js';

export interface EncodedBody {
  body: BodyInit | undefined;
  /** undefined for multipart: fetch must write the boundary itself. */
  contentType: string | undefined;
}

/**
 * Encodes a JSON request body. Every other media type has its own encoder module (form.ts, multipart.ts,
 * raw-body.ts), which the operations that send one import and pass as `RequestSpec.content`, so a bundle carries
 * only the encoders its operations use.
 */
export function encodeBody(spec: RequestSpec): EncodedBody {
  const body = withoutInherited(spec.body);
  if (body === undefined) return { body: undefined, contentType: undefined };
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

/** A flattened body reads each property by name (`{ constructor: p.constructor }`): unset ones read Object's. */
function withoutInherited(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype)
    return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => !inherited(value)));
}
