/**
 * Whether a value is valid for a schema of the document, by JSON Schema as Prism validates (ajv; draft 2020-12 for
 * OpenAPI 3.1). The document's components sit beside the schema, so its `$ref`s resolve. Formats are not checked.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { deref } from './sample.js';

/** One compiled validator per schema object and mode; GitHub's bodies share many. */
const cache = new Map<boolean, WeakMap<object, ValidateFunction | null>>([
  [false, new WeakMap()],
  [true, new WeakMap()],
]);

/**
 * `coerceTypes` reads numbers and booleans from text, for a value taken from a query or form field. Undefined when
 * ajv cannot compile the schema (an unknown draft's keyword, a broken ref): such a schema proves nothing either way.
 */
export function schemaValidator(
  schema: unknown,
  doc: any,
  coerceTypes = false,
): ValidateFunction | undefined {
  const target = deref(schema, doc);
  if (!target || typeof target !== 'object') return undefined;
  const known = cache.get(coerceTypes)!;
  if (!known.has(target)) {
    const settings = { strict: false, validateFormats: false, allErrors: true, coerceTypes } as const;
    const ajv = String(doc?.openapi).startsWith('3.1') ? new Ajv2020(settings) : new Ajv(settings);
    try {
      known.set(target, ajv.compile({ ...(target as object), components: doc?.components }));
    } catch {
      known.set(target, null);
    }
  }
  return known.get(target) ?? undefined;
}

/** True unless the schema certainly refuses the value. */
export function allows(schema: unknown, value: unknown, doc: any): boolean {
  if (value instanceof Blob) return true;
  return schemaValidator(schema, doc)?.(value) ?? true;
}
