import { pointerSegment } from '../json-pointer.js';
import {
  SCHEMA_LIST_KEYWORDS as LIST,
  SCHEMA_MAP_KEYWORDS as MAP,
  SINGLE_SCHEMA_KEYWORDS as ONE,
} from '../schema-keywords.js';

/**
 * Visits a schema and every subschema in it, depth first, with the JSON pointer suffix of each. Keys of
 * `properties` are names, never keywords, so a property called `$defs` or `items` is not mistaken for one.
 * `$ref`s are not followed, so recursive schemas end.
 */
export function walkSchema(
  schema: unknown,
  at: string,
  visit: (schema: Record<string, any>, at: string) => void,
): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  const node = schema as Record<string, any>;
  visit(node, at);
  for (const keyword of ONE) {
    if (node[keyword] && typeof node[keyword] === 'object' && !Array.isArray(node[keyword]))
      walkSchema(node[keyword], `${at}/${keyword}`, visit);
  }
  for (const keyword of LIST) {
    if (Array.isArray(node[keyword]))
      node[keyword].forEach((child: unknown, i: number) => walkSchema(child, `${at}/${keyword}/${i}`, visit));
  }
  for (const keyword of MAP) {
    const map = node[keyword];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [name, child] of Object.entries(map))
      walkSchema(child, `${at}/${keyword}/${pointerSegment(name)}`, visit);
  }
}
