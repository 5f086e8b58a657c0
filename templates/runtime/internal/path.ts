import { SDKError } from '../errors.js';

/**
 * Tagged template for request paths: path`/widgets/${id}`. Every interpolated value is percent-encoded, so no
 * value can add a segment (`a/b`), a query (`?x`) or a fragment (`#`). Values that URL resolution would treat
 * as dot segments (`.`, `..`, also once decoded) or that are empty would silently address another resource,
 * so they throw instead.
 */
export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += encodeSegmentValue(value, index) + (strings[index + 1] ?? '');
  });
  return out;
}

/** Set by styledPath (styles.ts) on a value it has already written in its style; looked up by name, not imported. */
const PRE_ENCODED = Symbol.for('sdkgen.path.preEncoded');

function encodeSegmentValue(value: unknown, index: number): string {
  if (typeof value === 'object' && value !== null && PRE_ENCODED in value) {
    return String((value as Record<symbol, unknown>)[PRE_ENCODED]);
  }
  if (value === null || value === undefined) {
    throw new SDKError(`Path parameter #${index + 1} is ${String(value)}; a value is required.`);
  }
  // An object would be sent as `%5Bobject%20Object%5D`: a wrong request, silently. Fail before sending.
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
    throw new SDKError(
      `Path parameter #${index + 1} must be a string or a number, got ${Array.isArray(value) ? 'an array' : typeof value}.`,
    );
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new SDKError(`Path parameter #${index + 1} must not be ${JSON.stringify(text)}.`);
  }
  return encodeURIComponent(text);
}
