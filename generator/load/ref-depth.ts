import { SpecError } from '../errors.js';
import { lookupPointer, pointer } from '../json-pointer.js';

/**
 * How deep the bundler's walk may go, counted in objects from the top of the document, following each internal
 * `$ref` into its target the first time it is met. The bundler and linter walk recursively, and so does the
 * TypeScript checker on a chain of `allOf`s: a walk of about 1,800 levels overflows the bundler's stack, and an
 * `allOf` chain of 400 (1,200 levels) the checker's. Real documents stay far below: GitHub's REST description
 * reaches 29, the public corpus at most 24.
 */
export const MAX_REF_DEPTH = 512;

interface Frame {
  node: object;
  depth: number;
  parent: Frame | undefined;
  /** The key under the parent, or the `$ref` followed to get here. */
  step: string;
  viaRef: boolean;
}

/**
 * The deepest point of that walk, without recursion. When it is deeper than `limit`, returns the error: at the
 * pointer where the walk first entered a reference (where the chain starts), naming the first references of it.
 */
export function checkReferenceDepth(
  document: Record<string, unknown>,
  file: string,
  limit = MAX_REF_DEPTH,
): { depth: number; error?: SpecError } {
  // Marked when entered, not when queued: like the bundler's recursion, a schema is walked from where it is first
  // reached in depth-first order, so one listed among the components is still walked from its first `$ref`.
  const visited = new WeakSet<object>();
  const stack: Frame[] = [{ node: document, depth: 0, parent: undefined, step: '', viaRef: false }];
  let deepest = 0;
  while (stack.length) {
    const frame = stack.pop()!;
    if (visited.has(frame.node)) continue;
    visited.add(frame.node);
    deepest = Math.max(deepest, frame.depth);
    if (frame.depth > limit) return { depth: frame.depth, error: depthError(frame, file, limit) };
    const node = frame.node as Record<string, unknown>;
    const children: Frame[] = [];
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (child && typeof child === 'object' && !visited.has(child)) {
        children.push({ node: child, depth: frame.depth + 1, parent: frame, step: key, viaRef: false });
      }
    }
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const target = lookupPointer(document, ref);
      if (target && typeof target === 'object' && !visited.has(target)) {
        children.push({ node: target, depth: frame.depth + 1, parent: frame, step: ref, viaRef: true });
      }
    }
    // Reversed, so the walk goes in document order like the bundler's.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { depth: deepest };
}

function depthError(frame: Frame, file: string, limit: number): SpecError {
  const frames: Frame[] = [];
  for (let f: Frame | undefined = frame; f; f = f.parent) frames.push(f);
  frames.reverse();
  const firstRef = frames.findIndex((f) => f.viaRef);
  const start = frames.slice(1, firstRef === -1 ? undefined : firstRef).map((f) => f.step);
  const refs = frames.filter((f) => f.viaRef).map((f) => f.step);
  const shown = refs.length > 4 ? [...refs.slice(0, 3), '...', refs.at(-1)!] : refs;
  return new SpecError(
    file,
    pointer(...start),
    `references nest more than ${limit} levels deep (${refs.length} $refs: ${shown.join(' -> ')})`,
    'flatten the chain: let the schemas refer to the ones they build on directly, or merge layers of the chain',
  );
}
