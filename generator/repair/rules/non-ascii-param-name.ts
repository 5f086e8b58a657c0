import { safeIdentifier } from '../../model/identifiers.js';
import { operationSites } from '../operations.js';
import type { RepairRule } from '../types.js';

/**
 * A path parameter whose name is not ASCII (`{größe}`). Linters that match templates with `\w` reject it; the
 * name is legal OpenAPI, but not a portable identifier. The document is left as it is: the model names the
 * argument with {@link safeIdentifier}, and the URL keeps the wire name. The note says which argument to pass.
 */
export const nonAsciiParamName: RepairRule = (document) => {
  const seen = new Set<string>();
  const repairs = operationSites(document).flatMap((site) =>
    site.params
      .filter(
        ({ param, pointer }) =>
          param?.in === 'path' &&
          typeof param.name === 'string' &&
          /[^\x20-\x7e]/.test(param.name) &&
          !seen.has(pointer) &&
          seen.add(pointer),
      )
      .map(({ param, pointer }) => ({
        rule: 'non-ascii-param-name' as const,
        pointer: `${pointer}/name`,
        problem: `path parameter name "${param.name}" is not ASCII`,
        repair: `passed as the argument ${safeIdentifier(param.name)}; the URL keeps the name "${param.name}"`,
      })),
  );
  return { document, repairs };
};
