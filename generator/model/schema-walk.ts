import { pointerSegment } from '../json-pointer.js';

/** JSON Schema keywords whose value is one subschema, a list of them, or a map of name -> subschema. */
const ONE = [
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

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
