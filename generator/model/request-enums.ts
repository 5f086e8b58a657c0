/**
 * Enums are closed where the caller writes them and open where the server does: a typo in a filter value
 * (`statuses: ['nope']`) is a compile error, while a value the server adds later still type-checks in a response.
 * A component enum is shared by both sides, so a request schema gets its own closed copy of each enum it uses.
 */
import type { OpenAPIDocument } from '../load/types.js';
import { deref } from './refs.js';

/** Marks a schema whose enum the types emitter must leave closed. */
export const CLOSED_ENUM = 'x-sdkgen-closed-enum';

/** Marks a closed copy of a component's enum: the component already exports its type and values, once. */
export const ENUM_COPY = 'x-sdkgen-enum-copy';

const MAX_DEPTH = 12;

/**
 * A copy of a request-side schema (params object, body) in which every enum, inline or behind a `$ref` to an
 * enum-only component, is marked closed. Refs to other schemas (objects) are kept: they are shared types, and a
 * response may use them too. Returns the schema itself when nothing changes.
 */
export function closeRequestEnums(document: OpenAPIDocument, schema: unknown, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || depth > MAX_DEPTH) return schema;
  const node = schema as Record<string, unknown>;
  if (typeof node.$ref === 'string') {
    const target = deref<Record<string, unknown>>(document, node);
    if (!target || !isEnumOnly(document, target, 0)) return schema;
    // The copy keeps the component's description but loses its name: the union is spelled out in place.
    const copy = closeRequestEnums(document, target, depth + 1);
    return copy && typeof copy === 'object' ? { ...copy, [ENUM_COPY]: true } : copy;
  }
  let changed = false;
  const copy: Record<string, unknown> = { ...node };
  if (Array.isArray(node.enum)) {
    copy[CLOSED_ENUM] = true;
    changed = true;
  }
  const swap = (value: unknown) => {
    const next = closeRequestEnums(document, value, depth + 1);
    if (next !== value) changed = true;
    return next;
  };
  if (node.properties && typeof node.properties === 'object') {
    copy.properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, value]) => [key, swap(value)]),
    );
  }
  if (node.items) copy.items = swap(node.items);
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (Array.isArray(node[keyword])) copy[keyword] = (node[keyword] as unknown[]).map(swap);
  }
  return changed ? copy : schema;
}

/** An enum, possibly wrapped for nullability (`oneOf: [{ $ref: enum }, { type: 'null' }]`) or as an array of one. */
function isEnumOnly(document: OpenAPIDocument, schema: Record<string, unknown>, depth: number): boolean {
  if (depth > 4) return false;
  if (Array.isArray(schema.enum)) return true;
  if (schema.items && typeof schema.items === 'object') {
    const items = deref<Record<string, unknown>>(document, schema.items);
    return Boolean(items && isEnumOnly(document, items, depth + 1) && !schema.properties);
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const parts = Array.isArray(schema[keyword])
      ? (schema[keyword] as unknown[]).map((p) => deref<Record<string, unknown>>(document, p))
      : [];
    if (parts.length && parts.every((p) => p && (p.type === 'null' || isEnumOnly(document, p, depth + 1))))
      return true;
  }
  return false;
}
