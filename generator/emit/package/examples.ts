import { isIdentifier } from '../../model/identifiers.js';
import type { OperationModel, OptionParamModel, PathParamModel, ResourceModel, VerifiedPagination } from '../../model/types.js';

/** How many optional parameters an example shows: enough to show the shape, few enough to read at a glance. */
const MAX_EXAMPLE_PARAMS = 3;

/** A call expression, `client.<resource>.<method>(<args>)`, with arguments taken from the spec's examples. */
export function callExample(resource: ResourceModel, op: OperationModel, options?: string): string {
  return `client.${resource.accessor}.${op.methodName}(${exampleArgs(op, options)})`;
}

/** The README's example for one operation: the call, and what to do with its result. */
export function usageExample(resource: ResourceModel, op: OperationModel): string {
  if (op.call.kind === 'paginated') return `const page = await ${callExample(resource, op)};\nfor (const item of page.data) console.log(item);`;
  if (op.call.response.kind === 'none') return `await ${callExample(resource, op)};`;
  if (op.call.response.kind === 'stream') {
    const item = op.call.response.format === 'sse' ? 'event' : 'item';
    return `const stream = await ${callExample(resource, op)};\nfor await (const ${item} of stream) console.log(${item});`;
  }
  if (op.call.response.kind === 'binary') return `const file = await ${callExample(resource, op)}; // a Blob\nconsole.log(file.size, file.type);`;
  return `const result = await ${callExample(resource, op)};\nconsole.log(result);`;
}

export function paginationExample(resource: ResourceModel, op: OperationModel): string {
  return `// Every item of every page, fetching pages as needed:\nfor await (const item of ${callExample(resource, op)}) {\n  console.log(item);\n}`;
}

function exampleArgs(op: OperationModel, options?: string): string {
  const value = (p: PathParamModel) => JSON.stringify(typeof p.example === 'string' ? p.example : `${p.wireName}_123`);
  const args = op.pathParams.filter((p) => p.positional).map(value);
  if (op.body?.kind === 'whole') args.push(op.body.encoding === 'json' ? '{}' : `'...'`);
  // Path params before the last are named fields of the params object.
  const named = op.pathParams.filter((p) => !p.positional).map((p) => `${propertyKey(p.wireName)}: ${value(p)}`);
  const params = [...named, ...exampleParams(op).map((p) => `${propertyKey(p.wireName)}: ${JSON.stringify(p.example ?? '...')}`)];
  if (op.params && (params.length || options)) args.push(`{ ${params.join(', ')} }`);
  if (options) args.push(options);
  return args.join(', ');
}

/**
 * The parameters an example passes: every required one, then those the spec gives an example for. Parameters the
 * paginator sets itself (cursors, page numbers, offsets) are left out, since passing them by hand is rarely what a
 * reader wants; string examples come first because they are usually filters, which say most about the operation.
 */
function exampleParams(op: OperationModel): OptionParamModel[] {
  const managed = new Set(op.call.kind === 'paginated' ? paginatorParams(op.call.pagination) : []);
  const candidates = op.optionParams.filter((p) => !managed.has(p.wireName) && (p.required || p.example != null));
  const rank = (p: OptionParamModel) => (p.required ? 0 : typeof p.example === 'string' ? 1 : 2);
  const ranked = candidates.map((p, index) => ({ p, index })).sort((a, b) => rank(a.p) - rank(b.p) || a.index - b.index);
  const required = ranked.filter(({ p }) => p.required).length;
  return ranked.slice(0, Math.max(required, MAX_EXAMPLE_PARAMS)).map(({ p }) => p);
}

function paginatorParams(pagination: VerifiedPagination): string[] {
  switch (pagination.style) {
    case 'cursor':
      return [pagination.afterParam, pagination.beforeParam ?? ''];
    case 'has_more':
      return [pagination.startingAfterParam, pagination.endingBeforeParam ?? ''];
    case 'page_number':
      return [pagination.pageParam];
    case 'offset':
      return [pagination.offsetParam];
    case 'next_cursor':
      return [pagination.cursorParam];
    case 'link_header':
      return [];
  }
}

function propertyKey(name: string): string {
  return isIdentifier(name, 'property') ? name : JSON.stringify(name);
}
