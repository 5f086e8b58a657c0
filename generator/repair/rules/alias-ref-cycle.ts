import { lookupPointer } from '../../json-pointer.js';
import type { OpenAPIDocument } from '../../load/types.js';
import { ruleOf } from '../rule.js';
import type { Finding } from '../types.js';

/**
 * `$ref`s that lead only to other `$ref`s and back (`A: {$ref: B}`, `B: {$ref: A}`, `Loop: {$ref: Loop}`) define
 * nothing: no type can be written for them, and a naive resolver loops. The cycle is cut where it closes (the
 * member whose `$ref` returns to the first one met), so every member means "any value" (typed unknown).
 * Recursion through a structure (a property, items) is a real type and never reported. Each cycle is reported
 * once, at the member that was cut.
 *
 * Runs in the load stage, before bundling: the bundler cannot follow such a cycle at all.
 */
export const aliasRefCycle = ruleOf((document) => {
  const findings: Finding[] = [];
  const settled = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const cycle = followChain(document, ref, settled);
      if (cycle) {
        const cut = cycle.at(-2)!;
        findings.push({
          rule: 'alias-ref-cycle',
          pointer: cut,
          problem: `$ref cycle with nothing in between: ${cycle.join(' -> ')}`,
          repair: `dropped the $ref at ${cut}: the schemas of the cycle are typed unknown`,
          apply(copy) {
            delete lookupPointer(copy, cut).$ref;
          },
        });
      }
    }
    for (const key in node) visit((node as Record<string, unknown>)[key]);
  };
  visit(document);
  return findings;
});

/** The chain of refs when following `ref` returns to a ref already on the chain; undefined when it ends. */
function followChain(document: OpenAPIDocument, ref: string, settled: Set<string>): string[] | undefined {
  const chain: string[] = [];
  let current: string | undefined = ref;
  while (current !== undefined && !settled.has(current)) {
    if (chain.includes(current)) {
      chain.forEach((r) => settled.add(r));
      return [...chain.slice(chain.indexOf(current)), current];
    }
    chain.push(current);
    const target = lookupPointer(document, current) as { $ref?: unknown } | undefined;
    current =
      target && typeof target === 'object' && typeof target.$ref === 'string' && target.$ref.startsWith('#')
        ? target.$ref
        : undefined;
  }
  chain.forEach((r) => settled.add(r));
  return undefined;
}
