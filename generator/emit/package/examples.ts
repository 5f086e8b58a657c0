import { scanDiscriminators, type OpenAPI3 } from 'openapi-typescript';
import type {
  ApiModel,
  OperationModel,
  OptionParamModel,
  PathParamModel,
  ResourceModel,
  VerifiedPagination,
} from '../../model/types.js';
import { exampleValue, literal, propertyKey, renderExample, type ExampleSchemas } from './example-values.js';

/** How many optional parameters an example shows: enough to show the shape, few enough to read at a glance. */
const MAX_EXAMPLE_PARAMS = 3;

/** What examples are built from: the schemas the types emitter types, found by the exported type's name. */
export interface ExampleContext extends ExampleSchemas {
  schemaOf(typeName: string): unknown;
}

export function exampleContext(model: ApiModel): ExampleContext {
  const document = structuredClone(model.typesDocument) as Record<string, any>;
  // openapi-typescript writes the discriminator value it types onto each mapped schema (as a one-value enum) while
  // it scans; the examples read a copy scanned the same way, so their tags are the ones the types demand.
  scanDiscriminators(document as OpenAPI3, { silent: true });
  const keys = new Map(model.types.map((t) => [t.name, t.schemaKey]));
  const schemas: Record<string, unknown> = document.components?.schemas ?? {};
  return {
    document,
    schemaOf: (typeName) => {
      const key = keys.get(typeName);
      return key !== undefined && Object.hasOwn(schemas, key) ? schemas[key] : undefined;
    },
  };
}

/**
 * A call expression, `client.<resource>.<method>(<args>)`, that type-checks against the method's signature: every
 * required argument and property is given a value its type accepts (see {@link exampleValue}).
 */
export function callExample(
  ctx: ExampleContext,
  resource: ResourceModel,
  op: OperationModel,
  options?: string,
): string {
  return `client.${resource.accessor}.${op.methodName}(${exampleArgs(ctx, op, options)})`;
}

/** The README's example for one operation: the call, and what to do with its result. */
export function usageExample(
  ctx: ExampleContext,
  resource: ResourceModel,
  op: OperationModel,
  options?: string,
): string {
  return usageOf(callExample(ctx, resource, op, options), op);
}

/** The same call made by the operation's standalone function: `<functionName>(client, <args>)`. */
export function functionCallExample(ctx: ExampleContext, op: OperationModel, options?: string): string {
  return `${op.functionName}(${['client', exampleArgs(ctx, op, options)].filter(Boolean).join(', ')})`;
}

export function functionUsageExample(ctx: ExampleContext, op: OperationModel): string {
  return usageOf(functionCallExample(ctx, op), op);
}

/** A call and what to do with its result, by what the operation returns. */
function usageOf(call: string, op: OperationModel): string {
  if (op.call.kind === 'paginated')
    return `const page = await ${call};\nfor (const item of page.data) console.log(item);`;
  if (op.call.response.kind === 'none') return `await ${call};`;
  if (op.call.response.kind === 'stream') {
    const item = op.call.response.format === 'sse' ? 'event' : 'item';
    return `const stream = await ${call};\nfor await (const ${item} of stream) console.log(${item});`;
  }
  if (op.call.response.kind === 'binary')
    return `const file = await ${call}; // a Blob\nconsole.log(file.size, file.type);`;
  return `const result = await ${call};\nconsole.log(result);`;
}

export function paginationExample(ctx: ExampleContext, resource: ResourceModel, op: OperationModel): string {
  return `// Every item of every page, fetching pages as needed:\nfor await (const item of ${callExample(ctx, resource, op)}) {\n  console.log(item);\n}`;
}

function exampleArgs(ctx: ExampleContext, op: OperationModel, options?: string): string {
  // Path arguments are typed `string`; the last one is positional, the others are named fields of the params object.
  const pathValue = (p: PathParamModel) =>
    literal(typeof p.example === 'string' ? p.example : `${p.wireName}_123`);
  const args = op.pathParams.filter((p) => p.positional).map(pathValue);
  if (op.body?.kind === 'whole')
    args.push(op.body.encoding === 'binary' ? "new Blob(['...'])" : bodyExample(ctx, op.body.type));
  const paramsSchema = op.params
    ? (ctx.schemaOf(op.params.typeName) as
        { properties?: Record<string, unknown>; required?: unknown[] } | undefined)
    : undefined;
  // Named path params are typed by their schema in the params type, like the other params.
  const named = op.pathParams.filter((p) => !p.positional).map((p) => p.wireName);
  const entries = [...new Set([...named, ...exampleParams(op, paramsSchema)])].map(
    (name) => `${propertyKey(name)}: ${paramExample(ctx, op, paramsSchema, name)}`,
  );
  if (op.params && (entries.length || options || op.params.required))
    args.push(`{ ${entries.join(', ')} }`.replace('{  }', '{}'));
  if (options) args.push(options);
  return args.join(', ');
}

function bodyExample(
  ctx: ExampleContext,
  type: { kind: 'model'; name: string } | { kind: 'builtin'; text: string },
): string {
  if (type.kind === 'model') return renderExample(exampleValue(ctx.schemaOf(type.name), ctx, 'body'));
  // A body passed whole without a model type is text or binary: a string is accepted by both.
  return `'...'`;
}

function paramExample(
  ctx: ExampleContext,
  op: OperationModel,
  paramsSchema: { properties?: Record<string, unknown> } | undefined,
  name: string,
): string {
  const schema =
    paramsSchema?.properties && Object.hasOwn(paramsSchema.properties, name)
      ? paramsSchema.properties[name]
      : {};
  const param = op.optionParams.find((p) => p.wireName === name);
  // A parameter's own example (on the parameter, not its schema) is tried first, as the schema's example would be.
  const withExample =
    param?.example !== undefined && schema && typeof schema === 'object' && !('$ref' in schema)
      ? { ...schema, example: param.example }
      : schema;
  return renderExample(exampleValue(withExample, ctx, name));
}

/**
 * The properties of the params object an example passes: every required one (parameters and flattened body
 * fields), then optional parameters the spec gives an example for. Parameters the paginator sets itself (cursors,
 * page numbers, offsets) are left out, since passing them by hand is rarely what a reader wants; string examples
 * come first because they are usually filters, which say most about the operation.
 */
function exampleParams(op: OperationModel, paramsSchema: { required?: unknown[] } | undefined): string[] {
  const managed = new Set(op.call.kind === 'paginated' ? paginatorParams(op.call.pagination) : []);
  const required = new Set(
    (Array.isArray(paramsSchema?.required) ? paramsSchema.required : []).filter(
      (k): k is string => typeof k === 'string',
    ),
  );
  const optional = op.optionParams.filter(
    (p) => !required.has(p.wireName) && !managed.has(p.wireName) && p.example != null,
  );
  const rank = (p: OptionParamModel) => (typeof p.example === 'string' ? 0 : 1);
  const ranked = optional
    .map((p, index) => ({ p, index }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.index - b.index);
  return [
    ...required,
    ...ranked.slice(0, Math.max(0, MAX_EXAMPLE_PARAMS - required.size)).map(({ p }) => p.wireName),
  ];
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
