/** JSON Schema keywords whose value is one subschema, a list of them, or a map of name -> subschema. */
export const SINGLE_SCHEMA_KEYWORDS = [
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
export const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
export const SCHEMA_MAP_KEYWORDS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
];

/** Keywords whose values are data, never schemas: a key called `schema` inside an example is just text. */
export const LITERAL_KEYWORDS = new Set(['example', 'examples', 'default', 'enum', 'const']);
