import { pointer, pointerSegment } from '../json-pointer.js';
import type { OpenAPIDocument } from '../load/types.js';
import { walkSchema } from '../model/schema-walk.js';

/** Keywords whose values are data, never schemas: a key called `schema` inside an example is just text. */
const LITERAL_KEYWORDS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * Visits every schema object of the document, with its JSON pointer: the component schemas, every `schema` of a
 * parameter, header or media type wherever it sits, and every subschema of those.
 */
export function forEachSchema(document: OpenAPIDocument, visit: (schema: Record<string, any>, at: string) => void): void {
  for (const [name, schema] of Object.entries<unknown>(document.components?.schemas ?? {})) walkSchema(schema, pointer('components', 'schemas', name), visit);
  const search = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (LITERAL_KEYWORDS.has(key)) continue;
      const childAt = `${at}/${pointerSegment(key)}`;
      if (key === 'schema') walkSchema(child, childAt, visit);
      else if (!(node === document.components && key === 'schemas')) search(child, childAt);
    }
  };
  search(document, '#');
}

/** JSON Schema keywords whose value is one subschema (lists and maps are in {@link walkSchema}). */
export const SINGLE_SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
export const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions'];
export const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
