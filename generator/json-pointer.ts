/** JSON pointers (RFC 6901) as `$ref` fragments: `#/components/schemas/a~1b`. */

/** Escapes one segment. */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function pointer(...segments: (string | number)[]): string {
  return '#' + segments.map((s) => '/' + pointerSegment(s)).join('');
}

/** The unescaped segments of a fragment pointer; `#` and `#/` are the document itself. */
export function parsePointer(ref: string): string[] {
  const body = ref.replace(/^#\/?/, '');
  return body === '' ? [] : body.split('/').map(unescapeSegment);
}

/** RFC 6901 §4: `~1` is `/`, `~0` is `~` (in that order, so `~01` is `~1`). For plain pointers such as JSON Patch paths. */
export function unescapeToken(raw: string): string {
  return raw.replaceAll('~1', '/').replaceAll('~0', '~');
}

function unescapeSegment(raw: string): string {
  const text = unescapeToken(raw);
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone `%` is not URI-escaped text: the segment means itself.
    return text;
  }
}

/** Own properties only: `#/components/schemas/toString` names nothing, not `Object.prototype.toString`. */
export function lookupSegments(document: unknown, segments: readonly string[]): any {
  let node: any = document;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/** The node a fragment pointer names, or undefined. */
export function lookupPointer(document: unknown, ref: string): any {
  return lookupSegments(document, parsePointer(ref));
}

/** `#/components/<section>/<name>` as its two unescaped parts; undefined for any other pointer. */
export function componentRef(ref: string): { section: string; name: string } | undefined {
  if (!ref.startsWith('#/components/')) return undefined;
  const segments = parsePointer(ref);
  return segments.length === 3 ? { section: segments[1]!, name: segments[2]! } : undefined;
}
