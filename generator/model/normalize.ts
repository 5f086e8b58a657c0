import { componentRef, lookupSegments, parsePointer, pointer } from '../json-pointer.js';
import type { OpenAPIDocument } from '../load/types.js';
import { LITERAL_KEYWORDS } from '../schema-keywords.js';
import { pascalCase } from './identifiers.js';
import { walkSchema } from './schema-walk.js';

const COMPONENT_SCHEMA_REF = /^#\/components\/schemas\/[^/]+$/;
/** Pointer segments that say nothing about what a schema is, left out of the name a hoisted schema gets. */
const NOISE = new Set([
  'paths',
  'components',
  'schemas',
  'content',
  'schema',
  'properties',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'additionalProperties',
]);

/**
 * Makes every schema `$ref` point at `#/components/schemas/<name>`, the only form openapi-typescript can type
 * once operations are gone from the document it sees. A schema reached by any other pointer (inside
 * `#/paths/...`, into a response or parameter component, into another schema's properties or `$defs`) moves into
 * `components.schemas` under a new name, and a `$ref` to it takes its place, so both sides keep one definition.
 * Works on a copy; returns the new document and the names it added (for the model's accounting).
 */
export function normalizeSchemaRefs(input: OpenAPIDocument): {
  document: OpenAPIDocument;
  hoisted: Map<string, string>;
} {
  const document = structuredClone(input);
  qualifyMappings(document, document.components?.schemas ?? {});
  const refs = new Set<string>();
  collectSchemaRefs(document, [], false, refs);
  const targets = [...refs].filter((ref) => ref.startsWith('#') && !COMPONENT_SCHEMA_REF.test(ref));
  const hoisted = new Map<string, string>();
  document.components ??= {};
  document.components.schemas ??= {};
  const schemas: Record<string, unknown> = document.components.schemas;
  // Deepest first: moving `.../schema/properties/x` never changes where `.../schema` is.
  const ordered = targets
    .map((ref) => ({ ref, segments: parsePointer(ref) }))
    .sort((a, b) => b.segments.length - a.segments.length || (a.ref < b.ref ? -1 : 1));
  for (const { ref, segments } of ordered) {
    const parent = lookupSegments(document, segments.slice(0, -1));
    const key = segments.at(-1)!;
    const target =
      parent && typeof parent === 'object' && Object.hasOwn(parent, key) ? parent[key] : undefined;
    if (!target || typeof target !== 'object') continue;
    // Route segments (`/pets/{id}`) name the schema; media types (`application/json`) and structure words do not.
    let name =
      pascalCase(
        segments.filter((s) => s.startsWith('/') || (!NOISE.has(s) && !s.includes('/'))).join(' '),
      ) || 'Schema';
    while (Object.hasOwn(schemas, name)) name = `${name}_`;
    schemas[name] = target;
    parent[key] = { $ref: `#/components/schemas/${name}` };
    hoisted.set(ref, name);
  }
  rewriteRefs(document, hoisted);
  dropDefinitions(document);
  return { document, hoisted };
}

/**
 * `$defs` (and draft-04 `definitions`) only hold schemas for `$ref`s, which now point at their hoisted copies;
 * openapi-typescript would otherwise type the keyword as a required property.
 */
function dropDefinitions(document: OpenAPIDocument): void {
  const drop = (node: Record<string, any>) => {
    delete node.$defs;
    delete node.definitions;
  };
  for (const schema of Object.values<unknown>(document.components?.schemas ?? {}))
    walkSchema(schema, '', drop);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'schema') walkSchema(child, '', drop);
      else if (!(node === document.components && key === 'schemas')) visit(child);
    }
  };
  visit(document);
}

/** Every `$ref` that appears where a schema is expected: under `components.schemas` or any `schema` keyword. */
function collectSchemaRefs(node: unknown, path: string[], inSchema: boolean, into: Set<string>): void {
  if (Array.isArray(node)) {
    node.forEach((child) => collectSchemaRefs(child, path, inSchema, into));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (inSchema && typeof record.$ref === 'string') into.add(record.$ref);
  const mapping = inSchema ? record.discriminator && (record.discriminator as any).mapping : undefined;
  if (mapping && typeof mapping === 'object')
    for (const target of Object.values(mapping)) if (typeof target === 'string') into.add(target);
  for (const [key, child] of Object.entries(record)) {
    // Values of these keywords are literal data, not schemas: a `$ref` inside an example is just text.
    if (inSchema && LITERAL_KEYWORDS.has(key)) continue;
    const entersSchema =
      inSchema || key === 'schema' || (key === 'schemas' && path.length === 1 && path[0] === 'components');
    collectSchemaRefs(child, [...path, key], entersSchema, into);
  }
}

function rewriteRefs(node: unknown, renamed: Map<string, string>): void {
  if (Array.isArray(node)) {
    node.forEach((child) => rewriteRefs(child, renamed));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, any>;
  if (typeof record.$ref === 'string' && renamed.has(record.$ref))
    record.$ref = `#/components/schemas/${renamed.get(record.$ref)}`;
  const mapping = record.discriminator?.mapping;
  if (mapping && typeof mapping === 'object') {
    for (const [value, target] of Object.entries<unknown>(mapping)) {
      if (typeof target === 'string' && renamed.has(target))
        mapping[value] = `#/components/schemas/${renamed.get(target)}`;
    }
  }
  for (const child of Object.values(record)) rewriteRefs(child, renamed);
}

/**
 * A discriminator mapping may name a component schema instead of giving a `$ref` (OpenAPI 3.0.3 §4.7.25): the
 * name becomes the full pointer, so one form reaches the types emitter.
 */
function qualifyMappings(node: unknown, schemas: Record<string, unknown>): void {
  if (Array.isArray(node)) {
    node.forEach((child) => qualifyMappings(child, schemas));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, any>;
  const mapping = record.discriminator?.mapping;
  if (mapping && typeof mapping === 'object' && !Array.isArray(mapping)) {
    for (const [value, target] of Object.entries<unknown>(mapping)) {
      if (
        typeof target === 'string' &&
        !target.includes('/') &&
        !target.includes('#') &&
        Object.hasOwn(schemas, target)
      ) {
        mapping[value] = pointer('components', 'schemas', target);
      }
    }
  }
  for (const child of Object.values(record)) qualifyMappings(child, schemas);
}

const COMPOSITION = ['allOf', 'oneOf', 'anyOf'];

/**
 * A component that reaches itself through `$ref`, `allOf`, `oneOf`, `anyOf` or array items alone (`A: {allOf: [{$ref: A}]}`,
 * `A: {oneOf: [{$ref: B}]}` with `B: {$ref: A}`) has no TypeScript type: an alias cannot be its own union or
 * intersection member. Recursion through properties or additionalProperties is fine and untouched. Each
 * such cycle is broken at the `$ref` that closes it, which is typed `unknown`, with a warning naming it.
 */
export function breakCompositionCycles(document: OpenAPIDocument): { pointer: string; message: string }[] {
  const schemas: Record<string, any> = document.components?.schemas ?? {};
  const warnings: { pointer: string; message: string }[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const visitComponent = (name: string): void => {
    state.set(name, 'active');
    visitNode(schemas[name], pointer('components', 'schemas', name));
    state.set(name, 'done');
  };
  const visitNode = (node: any, at: string): void => {
    if (!node || typeof node !== 'object') return;
    const target = typeof node.$ref === 'string' ? componentRef(node.$ref) : undefined;
    if (target?.section === 'schemas') {
      const { name } = target;
      if (state.get(name) === 'active') {
        delete node.$ref;
        warnings.push({
          pointer: at,
          message: `$ref to ${name} closes a cycle through allOf/oneOf/anyOf/items only, which no type can express; typed as unknown here`,
        });
      } else if (!state.has(name) && Object.hasOwn(schemas, name)) visitComponent(name);
    }
    for (const keyword of COMPOSITION) {
      if (Array.isArray(node[keyword]))
        node[keyword].forEach((part: unknown, i: number) => visitNode(part, `${at}/${keyword}/${i}`));
    }
    // Types are indexed accesses into one interface (`components['schemas']['A'][]`), which TypeScript resolves
    // eagerly: an array of itself is as circular as a union of itself. Properties and maps are object types, deferred.
    if (node.items && typeof node.items === 'object' && !Array.isArray(node.items))
      visitNode(node.items, `${at}/items`);
    if (Array.isArray(node.prefixItems))
      node.prefixItems.forEach((part: unknown, i: number) => visitNode(part, `${at}/prefixItems/${i}`));
  };
  for (const name of Object.keys(schemas).sort()) if (!state.has(name)) visitComponent(name);
  return warnings;
}
