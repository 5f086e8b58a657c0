import type { RawOperation } from './raw-operations.js';
import type { PaginationDeclaration } from './types.js';

/**
 * Reads pagination a spec already declares through a vendor extension, so specs written for Speakeasy or Fern page
 * the same way with sdkgen. Returns undefined when there is none or it has a shape sdkgen cannot express (the
 * caller verifies the result against the spec like any declaration).
 */
export function paginationFromExtensions(raw: RawOperation): PaginationDeclaration | undefined {
  return fromSpeakeasy(raw) ?? fromFern(raw);
}

/** `$.data.items` / `$response.data.items` / `$request.after` -> `data.items` / `after`; `$` -> the body itself. */
function jsonPath(expression: unknown, root: '$' | '$response' | '$request'): string | undefined {
  if (typeof expression !== 'string') return undefined;
  const prefixes = root === '$' ? ['$'] : [root, '$'];
  for (const prefix of prefixes) {
    if (expression === prefix) return '';
    if (expression.startsWith(`${prefix}.`)) return expression.slice(prefix.length + 1);
  }
  return undefined;
}

const itemsOf = (path: string | undefined) => (path ? { items: path } : {});

/** `x-speakeasy-pagination: { type: offsetLimit | cursor, inputs: [{ name, in, type }], outputs: { results, nextCursor } }` */
function fromSpeakeasy(raw: RawOperation): PaginationDeclaration | undefined {
  const ext = raw.op['x-speakeasy-pagination'];
  if (!ext || typeof ext !== 'object') return undefined;
  const inputs: any[] = Array.isArray(ext.inputs)
    ? ext.inputs.filter((i: any) => i?.in === 'parameters' && typeof i.name === 'string')
    : [];
  const input = (type: string) => inputs.find((i) => i.type === type)?.name as string | undefined;
  const results = jsonPath(ext.outputs?.results, '$');
  const operation = raw.operationId;
  if (ext.type === 'offsetLimit') {
    const limit = input('limit');
    const page = input('page');
    const offset = input('offset');
    if (page && limit)
      return { operation, style: 'page_number', ...itemsOf(results), pageParam: page, sizeParam: limit };
    if (offset && limit)
      return { operation, style: 'offset', ...itemsOf(results), offsetParam: offset, limitParam: limit };
    return undefined;
  }
  if (ext.type === 'cursor') {
    const cursor = input('cursor');
    const next = jsonPath(ext.outputs?.nextCursor, '$');
    if (cursor && next)
      return { operation, style: 'next_cursor', ...itemsOf(results), nextCursor: next, cursorParam: cursor };
  }
  return undefined;
}

/** `x-fern-pagination: { cursor: $request.x, next_cursor: $response.y, results: $response.z }` or `{ offset, step?, results }` */
function fromFern(raw: RawOperation): PaginationDeclaration | undefined {
  const ext = raw.op['x-fern-pagination'];
  if (!ext || typeof ext !== 'object') return undefined;
  const results = jsonPath(ext.results, '$response');
  const operation = raw.operationId;
  const cursor = jsonPath(ext.cursor, '$request');
  const next = jsonPath(ext.next_cursor, '$response');
  if (cursor && next)
    return { operation, style: 'next_cursor', ...itemsOf(results), nextCursor: next, cursorParam: cursor };
  const offset = jsonPath(ext.offset, '$request');
  const step = jsonPath(ext.step, '$request');
  if (offset && step) {
    return /page/i.test(offset)
      ? { operation, style: 'page_number', ...itemsOf(results), pageParam: offset, sizeParam: step }
      : { operation, style: 'offset', ...itemsOf(results), offsetParam: offset, limitParam: step };
  }
  return undefined;
}
