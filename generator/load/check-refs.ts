import { SpecError } from '../errors.js';
import { lookupPointer, pointer } from '../json-pointer.js';

/**
 * `$ref`s that lead only to other `$ref`s and back (`A: {$ref: B}`, `B: {$ref: A}`) define nothing: no type can
 * be written for them, and a naive resolver loops. Recursion through a structure (a property, items) is fine and
 * not reported. Each cycle is reported once, at its first member in document order. A `$ref` that is not a
 * string is reported too: every tool downstream assumes one. `found.external` tells whether any `$ref` points
 * outside the document.
 */
export function checkRefs(document: Record<string, unknown>, file: string, found: { external?: boolean } = {}): SpecError[] {
  const errors: SpecError[] = [];
  const settled = new Set<string>();
  // Path segments on a stack, joined into a pointer only for a problem: big documents have millions of nodes.
  const segments: string[] = [];
  const at = () => pointer(...segments);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (ref !== undefined && typeof ref !== 'string' && (typeof ref !== 'object' || ref === null)) {
      errors.push(new SpecError(file, `${at()}/$ref`, `$ref must be a string, got ${JSON.stringify(ref)}`, 'write it as a URI reference such as "#/components/schemas/Pet"'));
    } else if (typeof ref === 'string' && ref.startsWith('#')) {
      const cycle = followChain(document, ref, settled);
      if (cycle) errors.push(new SpecError(file, at(), `$ref cycle with nothing in between: ${cycle.join(' -> ')}`, 'make one schema in the cycle define a type (properties, items...) instead of only referring on'));
    } else if (typeof ref === 'string') {
      found.external = true;
    }
    for (const key in node) {
      segments.push(key);
      visit((node as Record<string, unknown>)[key]);
      segments.pop();
    }
  };
  visit(document);
  return errors;
}

/** The chain of refs when following `ref` returns to a ref already on the chain; undefined when it ends. */
function followChain(document: Record<string, unknown>, ref: string, settled: Set<string>): string[] | undefined {
  const chain: string[] = [];
  let current: string | undefined = ref;
  while (current !== undefined && !settled.has(current)) {
    if (chain.includes(current)) {
      chain.forEach((r) => settled.add(r));
      return [...chain.slice(chain.indexOf(current)), current];
    }
    chain.push(current);
    const target = lookupPointer(document, current) as { $ref?: unknown } | undefined;
    current = target && typeof target === 'object' && typeof target.$ref === 'string' && target.$ref.startsWith('#') ? target.$ref : undefined;
  }
  chain.forEach((r) => settled.add(r));
  return undefined;
}
