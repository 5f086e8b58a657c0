import { toBlob, type Uploadable } from '../uploads.js';
import type { EncodedBody } from './body.js';

/**
 * A raw body sent as the media type the operation declares (`image/png`): that is what the server accepts. Only
 * where the declaration is generic (`application/octet-stream`) does the value's own type (a File's) say more.
 * Streams are read whole first, so a retried request sends the same bytes again.
 */
export async function binaryBody(value: Uploadable, contentType: string): Promise<EncodedBody> {
  const blob = await toBlob(value);
  const generic = contentType === 'application/octet-stream' || contentType.includes('*');
  return { body: blob, contentType: generic && blob.type ? blob.type : contentType };
}

/** A `text/*` body: the string as UTF-8, with the declared media type and a charset when it has none. */
export function textBody(value: unknown, contentType: string): EncodedBody {
  return {
    body: String(value),
    contentType: /charset=/i.test(contentType) ? contentType : `${contentType}; charset=utf-8`,
  };
}
