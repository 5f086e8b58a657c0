import { lookupPointer } from '../../json-pointer.js';
import { operationSites } from '../operations.js';
import { ruleOf } from '../rule.js';
import type { Finding } from '../types.js';

/**
 * Two operations with one `operationId` (OpenAPI 3.1 §4.8.10.1: it MUST be unique). The id only names the
 * operation (method and path define the call), so the first keeps it, in document order, and each later one gets
 * the first free `<id>2`, `<id>3`...; config that names an operation by id should name the renamed one.
 */
export const duplicateOperationId = ruleOf((document) => {
  // A path item shared by two paths (`$ref`) is one definition: its operations are counted once.
  const visited = new Set<string>();
  const sites = operationSites(document).filter(
    (site) =>
      typeof site.op.operationId === 'string' &&
      site.op.operationId !== '' &&
      !visited.has(site.pointer) &&
      visited.add(site.pointer),
  );
  const taken = new Set(sites.map((site) => site.op.operationId as string));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const site of sites) {
    const id: string = site.op.operationId;
    if (!seen.has(id)) {
      seen.add(id);
      continue;
    }
    let n = 2;
    while (taken.has(`${id}${n}`)) n++;
    const renamed = `${id}${n}`;
    taken.add(renamed);
    findings.push({
      rule: 'duplicate-operation-id',
      pointer: `${site.pointer}/operationId`,
      problem: `operationId "${id}" is already used by another operation`,
      repair: `renamed this one "${renamed}"`,
      apply(copy) {
        lookupPointer(copy, site.pointer).operationId = renamed;
      },
    });
  }
  return findings;
});
