import { stringify } from 'yaml';
import { isHttpMethod } from '../http-methods.js';
import { componentRef } from '../json-pointer.js';
import { listOperations } from '../model/raw-operations.js';

/**
 * The part of a whole-API document one vendored file stands for: its operations (by operationId; operations no
 * vendored file has go to the first) and the components they reach. Written in the vendored file's format, so
 * `--update` can vendor one upstream document into several files that merge back into the same API.
 */
export function splitDocument(
  document: Record<string, any>,
  parts: { file: string; operations: Set<string> }[],
): Map<string, string> {
  const all = listOperations(document, '');
  const owner = (id: string) => parts.find((p) => p.operations.has(id))?.file ?? parts[0]!.file;
  const result = new Map<string, string>();
  for (const part of parts) {
    const paths: Record<string, any> = {};
    for (const op of all.filter((o) => owner(o.operationId) === part.file)) {
      const item = (paths[op.path] ??= Object.fromEntries(
        Object.entries(document.paths[op.path]).filter(([key]) => !isHttpMethod(key)),
      ));
      item[op.method] = document.paths[op.path][op.method];
    }
    const piece: Record<string, any> = { ...document, paths };
    if (document.components) piece.components = reachableComponents(document, paths);
    result.set(
      part.file,
      /\.json$/i.test(part.file) ? `${JSON.stringify(piece, null, 2)}\n` : stringify(piece, { lineWidth: 0 }),
    );
  }
  return result;
}

/** The components the given paths reach through `$ref`s; security schemes are kept whole (security names them). */
function reachableComponents(document: Record<string, any>, paths: Record<string, any>): Record<string, any> {
  const kept: Record<string, Record<string, unknown>> = {};
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const ref = key === '$ref' && typeof value === 'string' ? componentRef(value) : undefined;
      if (!ref) {
        visit(value);
        continue;
      }
      const { section, name } = ref;
      if (kept[section]?.[name] !== undefined) continue;
      const target = document.components?.[section]?.[name];
      if (target === undefined) continue;
      (kept[section] ??= {})[name] = target;
      visit(target);
    }
  };
  visit(paths);
  const result: Record<string, any> = {};
  for (const [section, entries] of Object.entries<Record<string, unknown>>(document.components)) {
    if (section === 'securitySchemes') result[section] = entries;
    else if (kept[section])
      result[section] = Object.fromEntries(
        Object.keys(entries)
          .filter((name) => name in kept[section]!)
          .map((name) => [name, entries[name]]),
      );
  }
  return result;
}
