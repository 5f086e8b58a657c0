import { HTTP_METHODS, type HttpMethod } from '../http-methods.js';
import { pointer } from '../json-pointer.js';
import { SOURCE_EXTENSION } from '../load/merge.js';
import type { OpenAPIDocument } from '../load/types.js';
import { deref } from './refs.js';

/** One operation as the document states it, with path-level parameters folded in and refs resolved one level. */
export interface RawOperation {
  operationId: string;
  /** True when the spec gave no operationId and one was derived from method and path. */
  derivedId: boolean;
  method: HttpMethod;
  path: string;
  pointer: string;
  source: string;
  op: any;
  parameters: { param: any; pointer: string }[];
}

/** Every operation of the document, in path then method order, as the document lists them. */
export function listOperations(document: OpenAPIDocument, fallbackSource: string): RawOperation[] {
  const result: RawOperation[] = [];
  for (const [route, rawItem] of Object.entries<any>(document.paths ?? {})) {
    const item = deref(document, rawItem) ?? {};
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op || typeof op !== 'object') continue;
      const at = pointer('paths', route, method);
      const byKey = new Map<string, { param: any; pointer: string }>();
      for (const [list, base] of [
        [item.parameters, pointer('paths', route, 'parameters')],
        [op.parameters, pointer('paths', route, method, 'parameters')],
      ] as const) {
        for (const [index, rawParam] of (Array.isArray(list) ? list : []).entries()) {
          const param = deref(document, rawParam);
          if (!param || typeof param.name !== 'string') continue;
          byKey.set(`${param.in}:${param.name}`, { param, pointer: `${base}/${index}` });
        }
      }
      const explicitId = typeof op.operationId === 'string' && op.operationId.trim() !== '';
      result.push({
        operationId: explicitId ? op.operationId : `${method} ${route}`,
        derivedId: !explicitId,
        method,
        path: route,
        pointer: at,
        source: typeof op[SOURCE_EXTENSION] === 'string' ? op[SOURCE_EXTENSION] : fallbackSource,
        op,
        parameters: [...byKey.values()],
      });
    }
  }
  return result;
}
