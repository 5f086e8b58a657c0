import { SpecError } from '../errors.js';
import { lookupPointer, parsePointer, pointer } from '../json-pointer.js';

/**
 * `$ref`s that lead only to other `$ref`s and back (`A: {$ref: B}`, `B: {$ref: A}`) define nothing: no type can
 * be written for them, and a naive resolver loops. Recursion through a structure (a property, items) is fine and
 * not reported. Each cycle is reported once, at its first member in document order. A `$ref` that is not a
 * string is reported too: every tool downstream assumes one. `found.external` tells whether any `$ref` points
 * outside the document.
 */
export function checkRefs(
  document: Record<string, unknown>,
  file: string,
  found: { external?: boolean } = {},
): SpecError[] {
  const errors: SpecError[] = [];
  const chains = new Map<string, Chain>();
  const reportedChains = new Set<string>();
  // Path segments on a stack, joined into a pointer only for a problem: big documents have millions of nodes.
  const segments: string[] = [];
  const at = () => pointer(...segments);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (ref !== undefined && typeof ref !== 'string' && (typeof ref !== 'object' || ref === null)) {
      errors.push(
        new SpecError(
          file,
          `${at()}/$ref`,
          `$ref must be a string, got ${JSON.stringify(ref)}`,
          'write it as a URI reference such as "#/components/schemas/Pet"',
        ),
      );
    } else if (typeof ref === 'string' && ref.startsWith('#')) {
      const chain = followChain(document, ref, chains);
      if (chain.cycle)
        errors.push(
          new SpecError(
            file,
            at(),
            `$ref cycle with nothing in between: ${chain.cycle.join(' -> ')}`,
            'make one schema in the cycle define a type (properties, items...) instead of only referring on',
          ),
        );
      else if (chain.missing === ref && inherited(document, ref)) {
        errors.push(
          new SpecError(
            file,
            at(),
            `Can't resolve $ref: ${chain.missing} names nothing in the document (only a built-in property of every JavaScript object)`,
            'point the $ref at an existing component or file',
          ),
        );
      } else if (chain.length > MAX_REF_CHAIN && !reportedChains.has(chain.end)) {
        reportedChains.add(chain.end);
        errors.push(
          new SpecError(
            file,
            at(),
            `$ref chain of ${chain.length} $refs that only refer on (${ref} -> ... -> ${chain.end}), over the budget of ${MAX_REF_CHAIN}`,
            'point the $refs at the schema the chain ends in',
          ),
        );
      }
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

/**
 * `$ref`s in a row that only lead to another `$ref`: real documents have two or three; the bundler, the model and
 * the TypeScript checker follow such a chain recursively (a chain of 1,000 overflows the checker, and 5,000 ran the
 * bundler out of memory).
 */
export const MAX_REF_CHAIN = 64;

/** What following a `$ref` from one to the next found: how many in a row, the last, or a cycle. */
interface Chain {
  length: number;
  end: string;
  cycle?: string[];
  /** The ref the chain ends in when it names nothing. */
  missing?: string;
}

/** Follows `ref` to its end, iteratively; remembers every ref it passes so each chain is walked once. */
function followChain(document: Record<string, unknown>, ref: string, known: Map<string, Chain>): Chain {
  const chain: string[] = [];
  const onChain = new Set<string>();
  let current: string | undefined = ref;
  let tail: Chain | undefined;
  while (current !== undefined) {
    tail = known.get(current);
    if (tail) break;
    if (onChain.has(current)) {
      const cycle = [...chain.slice(chain.indexOf(current)), current];
      // Reported once, from where it is first met: every member is settled as part of it.
      for (const r of chain) known.set(r, { length: 0, end: current });
      return { length: 0, end: current, cycle };
    }
    chain.push(current);
    onChain.add(current);
    const target = lookupPointer(document, current) as { $ref?: unknown } | undefined;
    if (target === undefined) {
      tail = { length: 0, end: current, missing: current };
      break;
    }
    current =
      target && typeof target === 'object' && typeof target.$ref === 'string' && target.$ref.startsWith('#')
        ? target.$ref
        : undefined;
  }
  let result: Chain = tail ? { ...tail, cycle: undefined } : { length: 0, end: chain.at(-1) ?? ref };
  for (let i = chain.length - 1; i >= 0; i--) {
    result = { ...result, length: result.length + 1 };
    known.set(chain[i]!, result);
  }
  return result;
}

/** True when a pointer names nothing but would find a property every object inherits (`__proto__`, `toString`). */
function inherited(document: unknown, ref: string): boolean {
  let node: any = document;
  for (const segment of parsePointer(ref)) {
    if (node === null || typeof node !== 'object') return false;
    if (!Object.hasOwn(node, segment)) return segment in node;
    node = node[segment];
  }
  return false;
}
