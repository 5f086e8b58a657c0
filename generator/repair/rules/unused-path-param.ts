import { parsePointer, lookupSegments } from '../../json-pointer.js';
import { operationSites, templateNames } from '../operations.js';
import { ruleOf } from '../rule.js';
import type { Finding } from '../types.js';

/**
 * A path parameter the template does not use (OpenAPI 3.1 §4.8.12.1 ties every path parameter to a template
 * expression). It has nowhere to go in the URL, so it is dropped from the list that declares it; a shared
 * (path-level) one is dropped when no operation of the path uses it, which is always, since they share the template.
 */
export const unusedPathParam = ruleOf((document) => {
  const findings = new Map<string, Finding>();
  for (const site of operationSites(document)) {
    const used = new Set(templateNames(site.route));
    for (const { param, pointer } of site.params) {
      if (
        param?.in !== 'path' ||
        typeof param.name !== 'string' ||
        used.has(param.name) ||
        findings.has(pointer)
      )
        continue;
      findings.set(pointer, {
        rule: 'unused-path-param',
        pointer,
        problem: `path parameter "${param.name}" is not in the path template ${site.route}`,
        repair: 'dropped the parameter',
        apply(copy) {
          const segments = parsePointer(pointer);
          const list = lookupSegments(copy, segments.slice(0, -1));
          list.splice(Number(segments.at(-1)), 1);
        },
      });
    }
  }
  // Sorted by pointer, so the reverse application removes later entries of a list first.
  return [...findings.values()].sort((a, b) => compareEntries(a.pointer, b.pointer));
});

function compareEntries(a: string, b: string): number {
  const [baseA, indexA] = [a.slice(0, a.lastIndexOf('/')), Number(a.slice(a.lastIndexOf('/') + 1))];
  const [baseB, indexB] = [b.slice(0, b.lastIndexOf('/')), Number(b.slice(b.lastIndexOf('/') + 1))];
  return baseA === baseB ? indexA - indexB : baseA < baseB ? -1 : 1;
}
