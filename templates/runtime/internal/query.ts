/** How arrays are written in query strings and form bodies. */
export type ArrayFormat = 'brackets' | 'repeat' | 'comma' | 'indices';

/**
 * Serializes query parameters in insertion order: absent values (below) dropped, also inside arrays, Dates as ISO
 * strings, booleans as `true`/`false`, nested objects as `a[b]=c`. Brackets are left readable (`a[]=1`), which
 * every server framework accepts; everything else is percent-encoded.
 */
export function stringifyQuery(params: Record<string, unknown>, arrays: ArrayFormat): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    collect(pairs, encodeKey(key), value, arrays);
  }
  return pairs.join('&');
}

function collect(pairs: string[], key: string, value: unknown, arrays: ArrayFormat): void {
  if (absent(value)) return;
  if (Array.isArray(value)) {
    const present = value.filter((item) => !absent(item));
    if (arrays === 'comma') {
      if (present.length > 0)
        pairs.push(`${key}=${present.map((item) => encodeValue(primitive(item))).join(',')}`);
      return;
    }
    present.forEach((item, index) => {
      const itemKey = arrays === 'brackets' ? `${key}[]` : arrays === 'indices' ? `${key}[${index}]` : key;
      collect(pairs, itemKey, item, arrays);
    });
    return;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    for (const [child, childValue] of Object.entries(value as object)) {
      collect(pairs, `${key}[${encodeKey(child)}]`, childValue, arrays);
    }
    return;
  }
  pairs.push(`${key}=${encodeValue(primitive(value))}`);
}

/**
 * What `params.constructor` reads when the caller set no param of that name: an inherited method, or for
 * `params.__proto__` the prototype itself. Generated methods read params by name, so these stand for "not set".
 */
export function inherited(value: unknown): boolean {
  return typeof value === 'function' || value === Object.prototype;
}

/** Not sent as a parameter or a header. */
export function absent(value: unknown): boolean {
  return value === undefined || value === null || inherited(value);
}

function primitive(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

function encodeValue(value: string): string {
  return encodeURIComponent(value);
}
