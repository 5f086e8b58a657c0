import { SpecError } from '../errors.js';
import type { OpenAPIDocument } from '../load/types.js';
import type { RawOperation } from './raw-operations.js';
import { arrayItems, deref, schemaAtPath } from './refs.js';
import type { PaginationDeclaration, PaginationModel } from './types.js';

/** The JSON schema of an operation's first 2xx JSON response, if any. */
export function successSchema(document: OpenAPIDocument, raw: RawOperation): unknown {
  const responses = raw.op.responses ?? {};
  for (const code of Object.keys(responses).filter((c) => /^2/.test(c)).sort()) {
    const content = deref(document, responses[code])?.content ?? {};
    const json = Object.entries<any>(content).find(([type]) => /json/i.test(type));
    if (json?.[1]?.schema) return json[1].schema;
  }
  return undefined;
}

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
): PaginationModel {
  const problems: string[] = [];
  const { operation: _operation, ...model } = declaration;
  const schema = successSchema(document, raw);
  const needParam = (name: string | undefined, role: string) => {
    if (name !== undefined && !queryParam(raw, name)) problems.push(`${role} "${name}" is not a query parameter of ${raw.operationId}`);
  };
  const needField = (base: unknown, dotPath: string | undefined, role: string) => {
    if (dotPath !== undefined && schemaAtPath(document, base, dotPath) === undefined) {
      problems.push(`${role} "${dotPath}" is not a field of the ${raw.operationId} response`);
    }
  };
  const itemsPath = 'items' in model ? model.items : undefined;
  const items = itemsPath === undefined ? arrayItems(document, schema) : arrayItems(document, schemaAtPath(document, schema, itemsPath));
  if (!schema) problems.push(`${raw.operationId} has no JSON success response to page through`);
  else if (items === undefined) problems.push(itemsPath ? `items "${itemsPath}" is not an array field of the response` : 'the response is not a bare array; declare "items"');
  switch (model.style) {
    case 'cursor':
      needParam(model.afterParam, 'afterParam');
      needParam(model.beforeParam, 'beforeParam');
      needParam(model.firstParam, 'firstParam');
      needParam(model.lastParam, 'lastParam');
      needField(schema, model.pageInfo, 'pageInfo');
      for (const [role, field] of [['hasNextPage', model.hasNextPage], ['endCursor', model.endCursor], ['hasPreviousPage', model.hasPreviousPage], ['startCursor', model.startCursor]] as const) {
        needField(schemaAtPath(document, schema, model.pageInfo), field, role);
      }
      break;
    case 'has_more':
      needParam(model.startingAfterParam, 'startingAfterParam');
      needParam(model.endingBeforeParam, 'endingBeforeParam');
      needField(schema, model.hasMore, 'hasMore');
      if (items !== undefined && schemaAtPath(document, items, model.idField) === undefined) problems.push(`idField "${model.idField}" is not a field of the items`);
      break;
    case 'page_number':
      needParam(model.pageParam, 'pageParam');
      needParam(model.sizeParam, 'sizeParam');
      model.defaultSize ??= numberDefault(queryParam(raw, model.sizeParam), document)!;
      model.firstPage ??= numberDefault(queryParam(raw, model.pageParam), document) ?? 1;
      if (model.defaultSize === undefined) problems.push(`declare "defaultSize": ${model.sizeParam} has no default in the spec`);
      break;
    case 'offset':
      needParam(model.offsetParam, 'offsetParam');
      needParam(model.limitParam, 'limitParam');
      needField(schema, model.total, 'total');
      model.defaultLimit ??= numberDefault(queryParam(raw, model.limitParam), document)!;
      if (model.defaultLimit === undefined) problems.push(`declare "defaultLimit": ${model.limitParam} has no default in the spec`);
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
  if (problems.length) {
    throw new SpecError(configFile, raw.pointer, `pagination of ${raw.operationId}: ${problems.join('; ')}`, 'fix the "pagination" entry of the provider config');
  }
  return model;
}

function numberDefault(param: any, document: OpenAPIDocument): number | undefined {
  const value = deref(document, param?.schema)?.default;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Proposes a declaration from parameter and field names, for a person to confirm in the provider config.
 * Never used silently: `sdkgen suggest` prints these.
 */
export function inferPagination(document: OpenAPIDocument, raw: RawOperation): PaginationModel | undefined {
  if (raw.method !== 'get') return undefined;
  const schema = successSchema(document, raw);
  if (!schema) return undefined;
  const has = (name: string) => Boolean(queryParam(raw, name));
  const field = (dotPath: string) => schemaAtPath(document, schema, dotPath) !== undefined;
  const bare = arrayItems(document, schema) !== undefined;
  const itemsField = ['data', 'items', 'results', 'records', 'entries'].find((f) => arrayItems(document, schemaAtPath(document, schema, f)) !== undefined);
  if (itemsField && has('after') && field('page_info.has_next_page') && field('page_info.end_cursor')) {
    return {
      style: 'cursor', items: itemsField, pageInfo: 'page_info', hasNextPage: 'has_next_page', endCursor: 'end_cursor', afterParam: 'after',
      ...(field('page_info.has_previous_page') ? { hasPreviousPage: 'has_previous_page' } : {}),
      ...(field('page_info.start_cursor') ? { startCursor: 'start_cursor' } : {}),
      ...(has('before') ? { beforeParam: 'before' } : {}),
      ...(has('first') && has('last') ? { firstParam: 'first', lastParam: 'last' } : {}),
    };
  }
  if (itemsField && has('starting_after') && field('has_more')) {
    const itemSchema = arrayItems(document, schemaAtPath(document, schema, itemsField));
    const idField = ['id', ...Object.keys((deref(document, itemSchema) as any)?.properties ?? {}).filter((k) => /(^|_)id$/.test(k))].find((k) => schemaAtPath(document, itemSchema, k) !== undefined) ?? 'id';
    return { style: 'has_more', items: itemsField, hasMore: 'has_more', idField, startingAfterParam: 'starting_after', ...(has('ending_before') ? { endingBeforeParam: 'ending_before' } : {}) };
  }
  const pageParam = ['page', 'page_number', 'pageNumber'].find(has);
  const sizeParam = ['per_page', 'perPage', 'page_size', 'pageSize', 'size', 'limit'].find(has);
  if (pageParam && sizeParam && (bare || itemsField)) {
    const defaultSize = numberDefault(queryParam(raw, sizeParam), document) ?? 30;
    return { style: 'page_number', ...(itemsField && !bare ? { items: itemsField } : {}), pageParam, sizeParam, defaultSize, firstPage: numberDefault(queryParam(raw, pageParam), document) ?? 1 };
  }
  if (has('offset') && has('limit') && (bare || itemsField)) {
    const defaultLimit = numberDefault(queryParam(raw, 'limit'), document) ?? 20;
    const total = ['total', 'total_count', 'count'].find(field);
    return { style: 'offset', ...(itemsField && !bare ? { items: itemsField } : {}), offsetParam: 'offset', limitParam: 'limit', defaultLimit, ...(total ? { total } : {}) };
  }
  return undefined;
}
