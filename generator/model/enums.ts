import { pointer, pointerSegment } from '../json-pointer.js';
import { type NameScope, pascalCase } from './identifiers.js';
import { CLOSED_ENUM, ENUM_COPY } from './request-enums.js';
import type { EnumModel } from './types.js';

const MAX_DEPTH = 12;

/**
 * Finds every enum among the schemas that become named types: a schema that is itself an enum keeps its type name;
 * an enum nested inline gets `<Parent><Property>`. Referenced schemas are not followed (they are visited as
 * components in their own right), so recursion ends.
 */
export function collectEnums(
  schemas: Map<string, { typeName: string; schema: unknown }>,
  types: NameScope,
): EnumModel[] {
  const result: EnumModel[] = [];
  const visit = (schema: any, typeName: string, at: string, topLevel: boolean, depth: number) => {
    if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH || typeof schema.$ref === 'string') return;
    if (schema[ENUM_COPY] === true) return;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      const values = schema.enum.filter(
        (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
      );
      const name = topLevel ? typeName : types.claim(typeName);
      result.push({
        kind: topLevel ? 'named' : 'inline',
        typeName: name,
        valuesName: types.claim(`${name}Values`),
        values,
        closed: schema[CLOSED_ENUM] === true,
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        pointer: at,
      });
      return;
    }
    for (const [key, child] of Object.entries<any>(schema.properties ?? {})) {
      visit(
        child,
        `${typeName}${pascalCase(key) || 'Property'}`,
        `${at}/properties/${pointerSegment(key)}`,
        false,
        depth + 1,
      );
    }
    if (schema.items) visit(schema.items, `${typeName}Item`, `${at}/items`, false, depth + 1);
    for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
      for (const [i, part] of (Array.isArray(schema[keyword]) ? schema[keyword] : []).entries()) {
        // A nullable wrapper (`oneOf: [{enum}, {type: null}]`) names its enum after the parent itself.
        visit(
          part,
          schema[keyword].length <= 2 ? typeName : `${typeName}${i}`,
          `${at}/${keyword}/${i}`,
          topLevel && schema[keyword].length === 1,
          depth + 1,
        );
      }
    }
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      visit(schema.additionalProperties, `${typeName}Value`, `${at}/additionalProperties`, false, depth + 1);
    }
  };
  for (const [key, { typeName, schema }] of schemas)
    visit(schema, typeName, pointer('components', 'schemas', key), true, 0);
  return result;
}
