import type { RequestSpec } from '../request-options.js';
import { absent, inherited, stringifyQuery, type ArrayFormat } from './query.js';

export interface EncodedBody {
  body: BodyInit | undefined;
  /** undefined for multipart: fetch must write the boundary itself. */
  contentType: string | undefined;
}

/**
 * Encodes a request body by the operation's declared type (JSON when undeclared). Bodies are encoded once and
 * reused across retries, so streams are not supported as binary bodies: pass a Blob or bytes.
 */
export function encodeBody(spec: RequestSpec, arrays: ArrayFormat): EncodedBody {
  const body = withoutInherited(spec.body);
  if (body === undefined) return { body: undefined, contentType: undefined };
  switch (spec.bodyType ?? 'json') {
    case 'json':
      return { body: JSON.stringify(body), contentType: 'application/json' };
    case 'form':
      return {
        body: stringifyQuery(asRecord(body), arrays),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'text':
      return { body: String(body), contentType: 'text/plain; charset=utf-8' };
    case 'binary':
      return {
        body: body as BodyInit,
        contentType: body instanceof Blob && body.type ? body.type : 'application/octet-stream',
      };
    case 'multipart':
      return { body: toFormData(asRecord(body)), contentType: undefined };
  }
}

/** A flattened body reads each property by name (`{ constructor: p.constructor }`): unset ones read Object's. */
function withoutInherited(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype)
    return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => !inherited(value)));
}

function asRecord(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : { value: body };
}

/** Files (Blob/File) go as parts; arrays repeat the field; other objects are sent as JSON parts. */
function toFormData(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  const append = (key: string, value: unknown): void => {
    if (absent(value)) return;
    // `File` is not a global on Node 18, so read the name structurally.
    if (value instanceof Blob)
      form.append(key, value, 'name' in value && typeof value.name === 'string' ? value.name : key);
    else if (Array.isArray(value)) value.forEach((item) => append(key, item));
    else if (value instanceof Date) form.append(key, value.toISOString());
    else if (typeof value === 'object') form.append(key, JSON.stringify(value));
    else form.append(key, String(value));
  };
  for (const [key, value] of Object.entries(fields)) append(key, value);
  return form;
}
