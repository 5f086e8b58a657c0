import { camelCase, kebabCase, NameScope, safeIdentifier } from './identifiers.js';

/** File names are capped well under the 255 bytes a file system allows (as resource files are). */
const MAX_FILE_STEM = 96;

/**
 * Names of the standalone functions: the resource's class name (which holds its parents' path, so
 * `affiliates.overrides.list` is `affiliatesOverridesList`) and the method, claimed once per package in the order
 * the caller asks (parents first, sorted), so the output never depends on the document's key order.
 *
 * `reserved`: the names a function module imports or declares besides the function (runtime exports, `paging`,
 * `client`), which a function named the same would shadow.
 */
export class FunctionNames {
  private readonly names: NameScope;
  private readonly files = new NameScope();

  constructor(reserved: Iterable<string>) {
    this.names = new NameScope(reserved);
  }

  claim(className: string, methodName: string): { functionName: string; functionFile: string } {
    const functionName = this.names.claim(safeIdentifier(camelCase(`${className} ${methodName}`) || 'call'));
    const kebab = kebabCase(functionName);
    const stem = kebab.length <= MAX_FILE_STEM ? kebab : kebab.slice(0, MAX_FILE_STEM).replace(/-+$/, '');
    return { functionName, functionFile: this.files.claim(stem) };
  }
}

/** What a function module holds besides its function: the page-style constant and the client parameter. */
export const FUNCTION_LOCALS = ['paging', 'client'];
