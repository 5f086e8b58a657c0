import type { EncodedBody } from './body.js';
import { formPairs, type Serialization } from './styles.js';

/**
 * An `application/x-www-form-urlencoded` body, each field written per its Encoding Object (OpenAPI 3.1 §4.8.15):
 * `form` style exploded unless the document says otherwise, `deepObject` as `metadata[key]=v`, a JSON
 * `contentType` as JSON text. Booleans and numbers are written as text; absent fields are left out.
 */
export function formBody(
  fields: Record<string, unknown>,
  encodings: Readonly<Record<string, Serialization>> = {},
  contentType = 'application/x-www-form-urlencoded',
): EncodedBody {
  const pairs = Object.entries(fields).flatMap(([name, value]) =>
    formPairs(name, value, Object.hasOwn(encodings, name) ? encodings[name]! : {}),
  );
  return { body: pairs.join('&'), contentType };
}
