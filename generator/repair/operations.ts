import { lookupPointer, pointer } from '../json-pointer.js';
import type { OpenAPIDocument } from '../load/types.js';
import { HTTP_METHODS, type HttpMethod } from '../http-methods.js';

/** A parameter as listed, `$ref` resolved one level, with where its entry sits. */
export interface ListedParam {
  param: any;
  /** Pointer of the list entry (the `$ref` itself for a referenced parameter). */
  pointer: string;
  /** Declared on the path item (shared by its operations) rather than on the operation. */
  shared: boolean;
}

export interface OperationSite {
  route: string;
  method: HttpMethod;
  pointer: string;
  op: any;
  params: ListedParam[];
}

/** `{name}`s of a path template, in order. */
export function templateNames(route: string): string[] {
  return [...route.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

function resolve(document: OpenAPIDocument, node: any): any {
  return node && typeof node.$ref === 'string' && node.$ref.startsWith('#')
    ? lookupPointer(document, node.$ref)
    : node;
}

/**
 * Every operation of the document with its path-level and own parameters. A path item given by an internal
 * `$ref` is read (and edited) where it is defined, so `pointer` may lie outside `#/paths`.
 */
export function operationSites(document: OpenAPIDocument): OperationSite[] {
  const sites: OperationSite[] = [];
  const paths = document.paths && typeof document.paths === 'object' ? document.paths : {};
  for (const [route, entry] of Object.entries<any>(paths)) {
    const internalRef = typeof entry?.$ref === 'string' && entry.$ref.startsWith('#');
    const item = internalRef ? lookupPointer(document, entry.$ref) : entry;
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const at = internalRef ? entry.$ref : pointer('paths', route);
    const shared = listed(document, item.parameters, `${at}/parameters`, true);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op || typeof op !== 'object' || Array.isArray(op)) continue;
      const own = listed(document, op.parameters, `${at}/${method}/parameters`, false);
      sites.push({ route, method, pointer: `${at}/${method}`, op, params: [...shared, ...own] });
    }
  }
  return sites;
}

function listed(document: OpenAPIDocument, list: unknown, at: string, shared: boolean): ListedParam[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry, i) => ({ param: resolve(document, entry), pointer: `${at}/${i}`, shared }));
}
