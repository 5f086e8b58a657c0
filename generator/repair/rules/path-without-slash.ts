import { pointer } from '../../json-pointer.js';
import { ruleOf } from '../rule.js';

/**
 * A path key without its leading slash (`pets/{id}`; OpenAPI 3.1 §4.8.8.1: it MUST begin with `/`). Appended to
 * the base URL as it is, it would run into the host's last segment; the slash is added. A key whose slashed
 * form already exists is left alone: merging two path items is not a repair.
 */
export const pathWithoutSlash = ruleOf((document) => {
  const paths =
    document.paths && typeof document.paths === 'object' && !Array.isArray(document.paths)
      ? document.paths
      : {};
  return Object.keys(paths)
    .filter((route) => !route.startsWith('/') && !Object.hasOwn(paths, `/${route}`))
    .map((route) => ({
      rule: 'path-without-slash' as const,
      pointer: pointer('paths', route),
      problem: `path "${route}" does not begin with "/"`,
      repair: `read as "/${route}"`,
      apply(copy) {
        // Rebuilt in order, so the path keeps its place among the others.
        copy.paths = Object.fromEntries(
          Object.entries<unknown>(copy.paths).map(([key, item]) => [key === route ? `/${route}` : key, item]),
        );
      },
    }));
});
