import { SpecError } from '../errors.js';
import { pointer } from '../json-pointer.js';

/**
 * A `$ref` that is not a string is reported: every tool downstream assumes one. Alias-only cycles (`A: {$ref: B}`,
 * `B: {$ref: A}`) are the repair rule `alias-ref-cycle`'s. `found.external` tells whether any `$ref` points
 * outside the document.
 */
export function checkRefs(document: Record<string, unknown>, file: string, found: { external?: boolean } = {}): SpecError[] {
  const errors: SpecError[] = [];
  // Path segments on a stack, joined into a pointer only for a problem: big documents have millions of nodes.
  const segments: string[] = [];
  const at = () => pointer(...segments);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (ref !== undefined && typeof ref !== 'string' && (typeof ref !== 'object' || ref === null)) {
      errors.push(new SpecError(file, `${at()}/$ref`, `$ref must be a string, got ${JSON.stringify(ref)}`, 'write it as a URI reference such as "#/components/schemas/Pet"'));
    } else if (typeof ref === 'string' && !ref.startsWith('#')) {
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
