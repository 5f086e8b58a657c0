import { lookupPointer } from '../../json-pointer.js';
import { operationSites, templateNames } from '../operations.js';
import { ruleOf } from '../rule.js';

/**
 * A `{name}` in the path template that no parameter declares (OpenAPI 3.1 §4.8.12.1: each template expression
 * MUST correspond to a path parameter). Vendors ship this (OpenAI's `{certificate_id}`); the URL cannot be built
 * without the value, so the operation gets a required string path parameter of that name.
 */
export const undeclaredPathParam = ruleOf((document) => {
  // A path item shared by two paths (`$ref`) gets each parameter once.
  const added = new Set<string>();
  return operationSites(document).flatMap((site) => {
    const declared = new Set(site.params.filter((p) => p.param?.in === 'path').map((p) => p.param.name));
    return [...new Set(templateNames(site.route))]
      .filter(
        (name) =>
          !declared.has(name) &&
          !added.has(`${site.pointer} ${name}`) &&
          added.add(`${site.pointer} ${name}`),
      )
      .map((name) => ({
        rule: 'undeclared-path-param' as const,
        pointer: `${site.pointer}/parameters`,
        problem: `the path template uses {${name}}, which no parameter declares`,
        repair: `added a required string path parameter "${name}"`,
        apply(copy) {
          const op = lookupPointer(copy, site.pointer);
          if (!Array.isArray(op.parameters)) op.parameters = [];
          op.parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
        },
      }));
  });
});
