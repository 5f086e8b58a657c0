import { pointer } from '../json-pointer.js';
import type { OpenAPIDocument } from '../load/types.js';
import {
  LITERAL_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
} from '../schema-keywords.js';

/**
 * Visits every schema object of the document: the component schemas, every `schema` of a parameter, header or
 * media type wherever it sits (outside extensions: what `x-...` holds is the vendor's, not OpenAPI), and every subschema of those. `$ref`s are not followed. The
 * JSON pointer of a schema is built only when the visitor asks for it (`at()`): GitHub's description has more
 * than a million nodes, and a rule that finds nothing should not pay for their pointers.
 */
export function forEachSchema(
  document: OpenAPIDocument,
  visit: (schema: Record<string, any>, at: () => string) => void,
): void {
  const segments: string[] = [];
  const at = () => pointer(...segments);
  const walk = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
    const node = schema as Record<string, any>;
    visit(node, at);
    for (const keyword of SINGLE_SCHEMA_KEYWORDS) {
      const child = node[keyword];
      if (child && typeof child === 'object' && !Array.isArray(child)) within([keyword], () => walk(child));
    }
    for (const keyword of SCHEMA_LIST_KEYWORDS) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((child, i) => within([keyword, String(i)], () => walk(child)));
    }
    for (const keyword of SCHEMA_MAP_KEYWORDS) {
      const map = node[keyword];
      if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
      for (const name of Object.keys(map)) within([keyword, name], () => walk(map[name]));
    }
  };
  const within = (path: string[], run: () => void) => {
    segments.push(...path);
    run();
    segments.length -= path.length;
  };
  const schemas = document.components?.schemas;
  if (schemas && typeof schemas === 'object')
    for (const name of Object.keys(schemas))
      within(['components', 'schemas', name], () => walk(schemas[name]));
  const search = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      if (
        LITERAL_KEYWORDS.has(key) ||
        key.startsWith('x-') ||
        (node === document.components && key === 'schemas')
      )
        continue;
      const child = (node as Record<string, unknown>)[key];
      within([key], () => (key === 'schema' ? walk(child) : search(child)));
    }
  };
  search(document);
}
