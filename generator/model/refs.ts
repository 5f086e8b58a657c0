import { componentRef, lookupPointer } from '../json-pointer.js';
import type { OpenAPIDocument } from '../load/types.js';

/** Follows internal `$ref`s (the bundled document has no external ones) until a non-ref node, guarding cycles. */
export function deref<T = any>(document: OpenAPIDocument, node: unknown): T | undefined {
  let current: any = node;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref: string = current.$ref;
    if (seen.has(ref) || !ref.startsWith('#')) return undefined;
    seen.add(ref);
    current = lookupPointer(document, ref);
  }
  return current as T | undefined;
}

/** The component schema name a `$ref` points at, if it points at one directly. */
export function schemaRefName(node: unknown): string | undefined {
  const ref = (node as any)?.$ref;
  const target = typeof ref === 'string' ? componentRef(ref) : undefined;
  return target?.section === 'schemas' && target.name !== '' ? target.name : undefined;
}

/**
 * The schema of a property reached by a dot path (`page_info.has_next_page`), looking through `$ref`, `allOf` and
 * nullable unions. Returns undefined when any step does not exist.
 */
export function schemaAtPath(document: OpenAPIDocument, schema: unknown, dotPath: string): any {
  let current: any = deref(document, schema);
  for (const key of dotPath.split('.')) {
    current = propertySchema(document, current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

function propertySchema(document: OpenAPIDocument, schema: any, key: string, depth = 0): any {
  if (!schema || typeof schema !== 'object' || depth > 20) return undefined;
  const properties = schema.properties && typeof schema.properties === 'object' ? schema.properties : {};
  const direct = Object.hasOwn(properties, key) ? properties[key] : undefined;
  if (direct !== undefined) return deref(document, direct);
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    const found = propertySchema(document, deref(document, part), key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The item schema of an array schema (looking through nullable unions), or undefined. */
export function arrayItems(document: OpenAPIDocument, schema: unknown): unknown {
  const resolved: any = deref(document, schema);
  if (!resolved || typeof resolved !== 'object') return undefined;
  if (resolved.type === 'array' || (Array.isArray(resolved.type) && resolved.type.includes('array')))
    return resolved.items ?? {};
  for (const part of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])]) {
    const items = arrayItems(document, part);
    if (items !== undefined) return items;
  }
  return undefined;
}
