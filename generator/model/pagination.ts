import { SpecError } from '../errors.js';
import type { OpenAPIDocument } from '../load/types.js';
import type { RawOperation } from './raw-operations.js';
import { arrayItems, deref, schemaAtPath } from './refs.js';
import { successSchema } from './responses.js';
import type { PaginationDeclaration, VerifiedPagination } from './types.js';

function queryParam(raw: RawOperation, name: string) {
  return raw.parameters.find((p) => p.param.in === 'query' && p.param.name === name)?.param;
}

/**
 * Checks a declaration against the operation: every parameter it names must be a query parameter, every field it
 * names must exist in the success response. A declaration that does not match the spec is an error, never a guess.
 */
export function verifyPagination(
  document: OpenAPIDocument,
  raw: RawOperation,
  declaration: PaginationDeclaration,
  configFile: string,
): VerifiedPagination {
  const problems: string[] = [];
  const declared = withoutOperation(declaration);
  const schema = successSchema(document, raw);
  const needParam = (name: string | undefined, role: string) => {
    if (name !== undefined && !queryParam(raw, name))
      problems.push(`${role} "${name}" is not a query parameter of ${raw.operationId}`);
  };
  const needField = (base: unknown, dotPath: string | undefined, role: string) => {
    if (dotPath !== undefined && schemaAtPath(document, base, dotPath) === undefined) {
      problems.push(`${role} "${dotPath}" is not a field of the ${raw.operationId} response`);
    }
  };
  const itemsPath = declared.items;
  const items =
    itemsPath === undefined
      ? arrayItems(document, schema)
      : arrayItems(document, schemaAtPath(document, schema, itemsPath));
  if (!schema) problems.push(`${raw.operationId} has no JSON success response to page through`);
  else if (items === undefined)
    problems.push(
      itemsPath
        ? `items "${itemsPath}" is not an array field of the response`
        : 'the response is not a bare array; declare "items"',
    );
  const missingNumbers: string[] = [];
  const model = withDefaults(declared, raw, document, missingNumbers);
  switch (model.style) {
    case 'cursor':
      needParam(model.afterParam, 'afterParam');
      needParam(model.beforeParam, 'beforeParam');
      needParam(model.firstParam, 'firstParam');
      needParam(model.lastParam, 'lastParam');
      needField(schema, model.pageInfo, 'pageInfo');
      for (const [role, field] of [
        ['hasNextPage', model.hasNextPage],
        ['endCursor', model.endCursor],
        ['hasPreviousPage', model.hasPreviousPage],
        ['startCursor', model.startCursor],
      ] as const) {
        needField(schemaAtPath(document, schema, model.pageInfo), field, role);
      }
      break;
    case 'has_more':
      needParam(model.startingAfterParam, 'startingAfterParam');
      needParam(model.endingBeforeParam, 'endingBeforeParam');
      needField(schema, model.hasMore, 'hasMore');
      if (items !== undefined && schemaAtPath(document, items, model.idField) === undefined)
        problems.push(`idField "${model.idField}" is not a field of the items`);
      break;
    case 'page_number':
      needParam(model.pageParam, 'pageParam');
      needParam(model.sizeParam, 'sizeParam');
      break;
    case 'offset':
      needParam(model.offsetParam, 'offsetParam');
      needParam(model.limitParam, 'limitParam');
      needField(schema, model.total, 'total');
      break;
    case 'next_cursor':
      needParam(model.cursorParam, 'cursorParam');
      needField(schema, model.nextCursor, 'nextCursor');
      break;
    case 'link_header':
      break;
    default:
      problems.push(`unknown pagination style "${(model as { style: string }).style}"`);
  }
  problems.push(...missingNumbers);
  if (problems.length) {
    throw new SpecError(
      configFile,
      raw.pointer,
      `pagination of ${raw.operationId}: ${problems.join('; ')}`,
      'fix the "pagination" entry of the provider config',
    );
  }
  return model;
}

/** The numbers a declaration may leave to the spec: page sizes from the parameter's default, pages from 1. */
function withDefaults(
  declared: DeclaredPagination,
  raw: RawOperation,
  document: OpenAPIDocument,
  problems: string[],
): VerifiedPagination {
  switch (declared.style) {
    case 'page_number': {
      const defaultSize =
        declared.defaultSize ?? numberDefault(queryParam(raw, declared.sizeParam), document);
      if (defaultSize === undefined)
        problems.push(`declare "defaultSize": ${declared.sizeParam} has no default in the spec`);
      const firstPage =
        declared.firstPage ?? numberDefault(queryParam(raw, declared.pageParam), document) ?? 1;
      return { ...declared, defaultSize: defaultSize ?? 0, firstPage };
    }
    case 'offset': {
      const defaultLimit =
        declared.defaultLimit ?? numberDefault(queryParam(raw, declared.limitParam), document);
      if (defaultLimit === undefined)
        problems.push(`declare "defaultLimit": ${declared.limitParam} has no default in the spec`);
      return { ...declared, defaultLimit: defaultLimit ?? 0 };
    }
    default:
      return declared;
  }
}

type DeclaredPagination = PaginationDeclaration extends infer D
  ? D extends unknown
    ? Omit<D, 'operation'>
    : never
  : never;

/** The declaration's style fields, in the order the config wrote them (the emitted literal keeps that order). */
function withoutOperation(declaration: PaginationDeclaration): DeclaredPagination {
  const { operation: _operation, ...declared } = declaration;
  // Rest of a union is typed as one Omit over the union; each member's rest is that member without `operation`.
  return declared as DeclaredPagination;
}

function numberDefault(param: any, document: OpenAPIDocument): number | undefined {
  const value = deref(document, param?.schema)?.default;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Proposes a declaration from parameter and field names, for a person to confirm in the provider config.
 * Never used silently: `sdkgen suggest` prints these.
 */
export function inferPagination(
  document: OpenAPIDocument,
  raw: RawOperation,
): VerifiedPagination | undefined {
  if (raw.method !== 'get') return undefined;
  const schema = successSchema(document, raw);
  if (!schema) return undefined;
  const has = (name: string) => Boolean(queryParam(raw, name));
  const field = (dotPath: string) => schemaAtPath(document, schema, dotPath) !== undefined;
  const bare = arrayItems(document, schema) !== undefined;
  const itemsField = ['data', 'items', 'results', 'records', 'entries'].find(
    (f) => arrayItems(document, schemaAtPath(document, schema, f)) !== undefined,
  );
  if (itemsField && has('after') && field('page_info.has_next_page') && field('page_info.end_cursor')) {
    return {
      style: 'cursor',
      items: itemsField,
      pageInfo: 'page_info',
      hasNextPage: 'has_next_page',
      endCursor: 'end_cursor',
      afterParam: 'after',
      ...(field('page_info.has_previous_page') ? { hasPreviousPage: 'has_previous_page' } : {}),
      ...(field('page_info.start_cursor') ? { startCursor: 'start_cursor' } : {}),
      ...(has('before') ? { beforeParam: 'before' } : {}),
      ...(has('first') && has('last') ? { firstParam: 'first', lastParam: 'last' } : {}),
    };
  }
  if (itemsField && has('starting_after') && field('has_more')) {
    const itemSchema = arrayItems(document, schemaAtPath(document, schema, itemsField));
    const idField =
      [
        'id',
        ...Object.keys((deref(document, itemSchema) as any)?.properties ?? {}).filter((k) =>
          /(^|_)id$/.test(k),
        ),
      ].find((k) => schemaAtPath(document, itemSchema, k) !== undefined) ?? 'id';
    return {
      style: 'has_more',
      items: itemsField,
      hasMore: 'has_more',
      idField,
      startingAfterParam: 'starting_after',
      ...(has('ending_before') ? { endingBeforeParam: 'ending_before' } : {}),
    };
  }
  const pageParam = ['page', 'page_number', 'pageNumber'].find(has);
  const sizeParam = ['per_page', 'perPage', 'page_size', 'pageSize', 'size', 'limit'].find(has);
  if (pageParam && sizeParam && (bare || itemsField)) {
    const defaultSize = numberDefault(queryParam(raw, sizeParam), document) ?? 30;
    return {
      style: 'page_number',
      ...(itemsField && !bare ? { items: itemsField } : {}),
      pageParam,
      sizeParam,
      defaultSize,
      firstPage: numberDefault(queryParam(raw, pageParam), document) ?? 1,
    };
  }
  if (has('offset') && has('limit') && (bare || itemsField)) {
    const defaultLimit = numberDefault(queryParam(raw, 'limit'), document) ?? 20;
    const total = ['total', 'total_count', 'count'].find(field);
    return {
      style: 'offset',
      ...(itemsField && !bare ? { items: itemsField } : {}),
      offsetParam: 'offset',
      limitParam: 'limit',
      defaultLimit,
      ...(total ? { total } : {}),
    };
  }
  return undefined;
}
