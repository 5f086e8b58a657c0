import { isUploadable, toFile } from '../uploads.js';
import type { EncodedBody } from './body.js';
import { absent } from './styles.js';

/** A multipart field's Encoding Object (OpenAPI 3.1 §4.8.15), as far as a part can carry it. */
export interface PartEncoding {
  /** A file part's content type when the value has none (e.g. `image/png`). */
  contentType?: string;
}

/**
 * A `multipart/form-data` body: every Uploadable becomes a file part (name and type kept, see `toFile`), arrays
 * repeat the field, objects are JSON parts, Dates ISO strings, everything else text. fetch writes the Content-Type
 * with its boundary, so none is returned.
 */
export async function multipartBody(
  /** A body schema may allow `null` (a 3.0 `nullable` object): no fields are sent then. */
  fields: object | null,
  encodings: Readonly<Record<string, PartEncoding>> = {},
  /** Another multipart type the document declares (`multipart/mixed`), sent with the same parts. */
  contentType?: string,
): Promise<EncodedBody> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields ?? {})) {
    const encoding = Object.hasOwn(encodings, name) ? encodings[name]! : {};
    for (const item of Array.isArray(value) ? value : [value]) await appendPart(form, name, item, encoding);
  }
  if (contentType === undefined) return { body: form, contentType: undefined };
  // fetch names a FormData body multipart/form-data: serialized here instead, its boundary kept under the declared type.
  const encoded = new Response(form);
  const boundary = /boundary=([^;]+)/.exec(encoded.headers.get('content-type') ?? '')?.[1] ?? '';
  return { body: await encoded.blob(), contentType: `${contentType}; boundary=${boundary}` };
}

async function appendPart(
  form: FormData,
  name: string,
  value: unknown,
  encoding: PartEncoding,
): Promise<void> {
  if (absent(value)) return;
  if (isUploadable(value)) {
    const file = await toFile(value, undefined, {});
    const typed =
      file.type === '' && encoding.contentType && !encoding.contentType.includes('*')
        ? await toFile(file, file.name, { type: encoding.contentType })
        : file;
    form.append(name, typed, typed.name);
  } else if (value instanceof Date) form.append(name, value.toISOString());
  else if (typeof value === 'object') form.append(name, JSON.stringify(value));
  else form.append(name, String(value));
}
