import type { OpenAPIDocument } from '../load/types.js';
import type { Finding, RepairRule } from './types.js';

/**
 * Makes a rule from a read-only search: the document is copied only when something is found, so documents that
 * need no repair (nearly all, and the biggest) cost one walk. Findings are applied in reverse order, so removing
 * an array entry never moves one a later finding points at.
 */
export function ruleOf(find: (document: OpenAPIDocument) => Finding[]): RepairRule {
  return (document) => {
    const findings = find(document);
    if (!findings.length) return { document, repairs: [] };
    const copy = structuredClone(document);
    for (const finding of [...findings].reverse()) finding.apply(copy);
    return { document: copy, repairs: findings.map(({ apply: _apply, ...note }) => note) };
  };
}
