/** Facts read off a tagged operation or model, for callers that compare or print them (drift, package docs). */
import type { ApiModel, OperationModel, ResponseModel, VerifiedPagination } from './types.js';

/** The exported type a call resolves to: a JSON response's model type, or a list's page body. */
export function responseTypeName(op: OperationModel): string | undefined {
  const { call } = op;
  if (call.kind === 'paginated') return call.pageTypeName;
  return call.response.kind === 'json' && call.response.type.kind === 'model'
    ? call.response.type.name
    : undefined;
}

export function itemTypeName(op: OperationModel): string | undefined {
  return op.call.kind === 'paginated' ? op.call.itemTypeName : undefined;
}

export function pagination(op: OperationModel): VerifiedPagination | undefined {
  return op.call.kind === 'paginated' ? op.call.pagination : undefined;
}

/** How the success response is decoded; a list is JSON. */
export function responseKind(op: OperationModel): ResponseModel['kind'] {
  return op.call.kind === 'paginated' ? 'json' : op.call.response.kind;
}

/** The TypeScript type of a body passed whole; undefined when there is none or it is flattened into params. */
export function bodyTypeText(op: OperationModel): string | undefined {
  if (op.body?.kind !== 'whole') return undefined;
  return op.body.type.kind === 'model' ? op.body.type.name : op.body.type.text;
}

export function errorTypeName(model: ApiModel): string | undefined {
  return model.errors.kind === 'typed' ? model.errors.bodyTypeName : undefined;
}
