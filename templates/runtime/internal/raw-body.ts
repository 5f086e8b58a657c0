import { toBlob, type Uploadable } from '../uploads.js';
import type { EncodedBody } from './body.js';

/**
 * A raw body (`application/octet-stream`, `image/png`, ...) sent as the declared media type unless the value
 * carries its own. Streams are read whole first, so a retried request sends the same bytes again.
 */
export async function binaryBody(value: Uploadable, contentType: string): Promise<EncodedBody> {
  const blob = await toBlob(value);
  return { body: blob, contentType: blob.type || contentType };
}

/** A `text/*` body: the string as UTF-8, with the declared media type and a charset when it has none. */
export function textBody(value: unknown, contentType: string): EncodedBody {
  return { body: String(value), contentType: /charset=/i.test(contentType) ? contentType : `${contentType}; charset=utf-8` };
}
