import { lookupPointer, pointer, pointerSegment } from '../../json-pointer.js';
import { ruleOf } from '../rule.js';
import {
  LITERAL_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
} from '../../schema-keywords.js';
import { forEachSchema } from '../schemas.js';
import type { Finding } from '../types.js';

/**
 * `null` where a schema belongs (`schema: null`, a property `name: null`): generators emit this for "any value"
 * (Directus's spec has it). A Schema Object must be an object (OpenAPI 3.1 §4.8.24); the empty schema, which
 * accepts anything, is the reading that loses nothing, so `null` becomes `{}` (typed unknown).
 */
export const nullSchema = ruleOf((document) => {
  const slots: { parent: string; key: string }[] = [];
  for (const [name, schema] of Object.entries<unknown>(document.components?.schemas ?? {})) {
    if (schema === null) slots.push({ parent: pointer('components', 'schemas'), key: name });
  }
  const search = (node: unknown, at: string): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (
        LITERAL_KEYWORDS.has(key) ||
        key.startsWith('x-') ||
        (node === document.components && key === 'schemas')
      )
        continue;
      if (key === 'schema' && child === null) slots.push({ parent: at, key });
      else if (key !== 'schema' && child && typeof child === 'object')
        search(child, `${at}/${pointerSegment(key)}`);
    }
  };
  search(document, '#');
  forEachSchema(document, (schema, at) => {
    for (const keyword of SINGLE_SCHEMA_KEYWORDS)
      if (schema[keyword] === null) slots.push({ parent: at(), key: keyword });
    for (const keyword of SCHEMA_LIST_KEYWORDS) {
      if (Array.isArray(schema[keyword]))
        schema[keyword].forEach(
          (part: unknown, i: number) =>
            part === null && slots.push({ parent: `${at()}/${keyword}`, key: String(i) }),
        );
    }
    for (const keyword of SCHEMA_MAP_KEYWORDS) {
      const map = schema[keyword];
      if (!map || typeof map !== 'object') continue;
      for (const name of Object.keys(map))
        if (map[name] === null) slots.push({ parent: `${at()}/${keyword}`, key: name });
    }
  });
  return slots.map(({ parent, key }): Finding => ({
    rule: 'null-schema',
    pointer: `${parent}/${pointerSegment(key)}`,
    problem: 'a schema is null, not an object',
    repair: 'read as {} (any value, typed unknown)',
    apply(copy) {
      lookupPointer(copy, parent)[key] = {};
    },
  }));
});
