/**
 * OpenAPI parameter serialization (OpenAPI 3.1 §4.8.12.4 "Style Values", §4.8.15 Encoding Object): how one query,
 * header or cookie parameter, or one field of a form body, is written from its `style`, `explode`, `allowReserved`
 * and `content`. Imported only by operations that declare a style the plain query writer (query.ts) does not cover,
 * so a JSON-only bundle does not carry it.
 */
export interface Serialization {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'simple';
  /** Defaults as OpenAPI says: true for `form`, false otherwise. */
  explode?: boolean;
  /** Leave reserved characters readable; those that would change the string's structure (`& = # + %`) stay encoded. */
  allowReserved?: boolean;
  /** A `content`-encoded parameter, or a form field whose `encoding.contentType` is JSON: the value as JSON text. */
  json?: boolean;
  /** Arrays inside a deepObject, which OpenAPI leaves undefined: `a[]=x` (brackets, default) or `a[0]=x` (indices). */
  arrays?: 'brackets' | 'indices';
}

/** One parameter to serialize: its wire name, the caller's value, and how the document says to write it. */
export type StyledParam = readonly [name: string, value: unknown, serialization: Serialization];

/** Query string pairs (`a=1&b=2`, already percent-encoded) for the styled parameters; absent values are skipped. */
export function styledQuery(params: readonly StyledParam[]): string {
  return params.flatMap(([name, value, s]) => formPairs(name, value, s)).join('&');
}

/** A header value in `simple` style: `a,b` for arrays, `k,v` (or `k=v` exploded) for objects; JSON for content. */
export function styledHeader(value: unknown, s: Serialization = {}): string | undefined {
  if (absent(value)) return undefined;
  if (s.json) return JSON.stringify(value);
  if (Array.isArray(value)) return present(value).map(text).join(',');
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => !absent(v));
    return entries.map(([k, v]) => (s.explode ? `${k}=${text(v)}` : `${k},${text(v)}`)).join(',');
  }
  return text(value);
}

/** A Cookie header (`a=1; b=2`) for cookie parameters in `form` style (exploded by default); values percent-encoded. */
export function styledCookies(params: readonly StyledParam[]): string | undefined {
  const pairs = params.flatMap(([name, value, s]) => formPairs(name, value, { ...s, style: 'form' }));
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}

/**
 * `name=value` pairs for one query parameter or form field. Delimiters (`,`, `%20`, `|`) are written by the style,
 * so values are encoded one by one before joining.
 */
export function formPairs(name: string, value: unknown, s: Serialization): string[] {
  if (absent(value)) return [];
  const encode = (v: string) => encodeValue(v, s.allowReserved === true);
  const key = encodeName(name);
  if (s.json) return [`${key}=${encode(JSON.stringify(value))}`];
  const style = s.style ?? 'form';
  if (style === 'deepObject') return deepPairs(key, value, s.arrays ?? 'brackets', encode);
  const explode = s.explode ?? style === 'form';
  const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
  if (Array.isArray(value)) {
    const items = present(value).map((item) => encode(text(item)));
    if (explode) return items.map((item) => `${key}=${item}`);
    return items.length > 0 ? [`${key}=${items.join(delimiter)}`] : [];
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => !absent(v));
    if (explode) return entries.map(([k, v]) => `${encodeName(k)}=${encode(text(v))}`);
    return entries.length > 0
      ? [`${key}=${entries.map(([k, v]) => `${encode(k)}${delimiter}${encode(text(v))}`).join(delimiter)}`]
      : [];
  }
  return [`${key}=${encode(text(value))}`];
}

/** `a[b][c]=v`, arrays as `a[]=v` or `a[0]=v`: what Rails, PHP and Stripe parse, and what deepObject means nested. */
function deepPairs(
  key: string,
  value: unknown,
  arrays: 'brackets' | 'indices',
  encode: (v: string) => string,
): string[] {
  if (absent(value)) return [];
  if (Array.isArray(value)) {
    return present(value).flatMap((item, index) =>
      deepPairs(`${key}[${arrays === 'indices' ? index : ''}]`, item, arrays, encode),
    );
  }
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) =>
      deepPairs(`${key}[${encodeName(k)}]`, v, arrays, encode),
    );
  }
  return [`${key}=${encode(text(value))}`];
}

/** Also what a generated method reads for an unset param named like an Object member (a method, the prototype). */
export function absent(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'function' || value === Object.prototype;
}

function present(values: unknown[]): unknown[] {
  return values.filter((item) => !absent(item));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** Brackets stay readable in names (`a[b]`), which every server framework accepts. */
function encodeName(name: string): string {
  return encodeURIComponent(name).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

/** RFC 3986 reserved characters that keep a query string's structure intact when left unencoded. */
const HARMLESS_RESERVED = /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/gi;

function encodeValue(value: string, allowReserved: boolean): string {
  const encoded = encodeURIComponent(value);
  return allowReserved ? encoded.replace(HARMLESS_RESERVED, (escape) => decodeURIComponent(escape)) : encoded;
}

/** A path parameter's `simple` (`a,b`), `label` (`.a.b`) or `matrix` (`;id=a,b`) style. */
export interface PathSerialization {
  style: 'simple' | 'label' | 'matrix';
  explode?: boolean;
}

/** Marks a path value as already encoded; a registered symbol, so path.ts can test for it without importing this. */
const PRE_ENCODED = Symbol.for('sdkgen.path.preEncoded');

/**
 * A path parameter written in its style, handed to the `path` tag already encoded (it percent-encodes everything
 * else). Each value is encoded on its own, so only the style's delimiters stay readable; absent or empty values are
 * left to the tag, which refuses them.
 */
export function styledPath(name: string, value: unknown, s: PathSerialization): unknown {
  if (absent(value) || value === '') return value;
  const explode = s.explode ?? false;
  const encode = (v: unknown) => encodeURIComponent(text(v));
  const key = encodeURIComponent(name);
  const prefix = s.style === 'label' ? '.' : s.style === 'matrix' ? ';' : '';
  let written: string;
  if (Array.isArray(value)) {
    const items = present(value).map(encode);
    if (s.style === 'matrix')
      written = explode ? items.map((i) => `;${key}=${i}`).join('') : `;${key}=${items.join(',')}`;
    else written = prefix + items.join(explode && s.style === 'label' ? '.' : ',');
  } else if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => !absent(v));
    if (explode) {
      const pairs = entries.map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`);
      written =
        s.style === 'matrix'
          ? pairs.map((p) => `;${p}`).join('')
          : prefix + pairs.join(s.style === 'label' ? '.' : ',');
    } else {
      const flat = entries.map(([k, v]) => `${encodeURIComponent(k)},${encode(v)}`).join(',');
      written = s.style === 'matrix' ? `;${key}=${flat}` : prefix + flat;
    }
  } else {
    written = s.style === 'matrix' ? `;${key}=${encode(value)}` : prefix + encode(value);
  }
  return { [PRE_ENCODED]: written };
}
