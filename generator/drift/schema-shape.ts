import type { OpenAPIDocument } from '../load/types.js';
import { lookupPointer as lookup } from '../json-pointer.js';
import { schemaRefName } from '../model/refs.js';

/** A schema node together with where it sits in its document. */
export interface Located {
  node: unknown;
  pointer: string;
}

/**
 * What a schema means for a client, with `$ref`s, `allOf`, nullable unions (`oneOf: [X, {type: null}]`,
 * `type: [X, 'null']`, `nullable: true`) looked through, so two spellings of one type compare equal.
 */
export interface SchemaShape {
  /** The component schema this node names, when it is (or wraps) a `$ref` to one. */
  component?: string;
  /** Pointer of the schema that defines the structure (the `$ref` target, or the non-null variant). */
  pointer: string;
  /** JSON types without `null`; `any` when the schema does not constrain it. */
  types: string[];
  nullable: boolean;
  enum?: unknown[];
  format?: string;
  properties: Map<string, Located>;
  required: Set<string>;
  items?: Located;
  /** Non-null `oneOf`/`anyOf` alternatives, when there are two or more. */
  variants: Located[];
  docs: { description?: string; examples?: string; default?: string; deprecated: boolean };
}

const MAX_REFS = 32;

/**
 * With `stopAtComponents`, a `$ref` to a component schema is recorded in `component` and not followed: the diff
 * compares a component once, under its own name, and compares only what this use adds (nullability, annotations).
 */
export function schemaShape(
  document: OpenAPIDocument,
  located: Located,
  stopAtComponents = false,
): SchemaShape {
  const shape: SchemaShape = {
    pointer: located.pointer,
    types: [],
    nullable: false,
    properties: new Map(),
    required: new Set(),
    variants: [],
    docs: { deprecated: false },
  };
  const declared = new Set<string>();
  // Annotations next to a `$ref` (OpenAPI 3.1) describe this use of the target, so the outermost ones win.
  const docs = (node: any) => {
    if (typeof node.description === 'string') shape.docs.description ??= node.description;
    const examples = node.example !== undefined ? node.example : node.examples;
    if (examples !== undefined) shape.docs.examples ??= JSON.stringify(examples);
    if (node.default !== undefined) shape.docs.default ??= JSON.stringify(node.default);
    if (node.deprecated === true) shape.docs.deprecated = true;
  };
  const visit = (node: any, pointer: string, depth: number, canStop: boolean) => {
    if (!node || typeof node !== 'object' || depth > MAX_REFS) return;
    docs(node);
    if (typeof node.$ref === 'string') {
      const component = schemaRefName(node);
      shape.component ??= component;
      if (!(stopAtComponents && canStop && component)) {
        shape.pointer = node.$ref;
        visit(
          node.$ref.startsWith('#') ? lookup(document, node.$ref) : undefined,
          node.$ref,
          depth + 1,
          false,
        );
      }
    }
    const type = node.type;
    for (const t of Array.isArray(type) ? type : typeof type === 'string' ? [type] : []) {
      if (t === 'null') shape.nullable = true;
      else declared.add(t);
    }
    if (node.nullable === true) shape.nullable = true;
    if (typeof node.format === 'string') shape.format ??= node.format;
    const values = Array.isArray(node.enum) ? node.enum : node.const !== undefined ? [node.const] : undefined;
    if (values) {
      if (values.includes(null)) shape.nullable = true;
      shape.enum = values.filter((v: unknown) => v !== null);
    }
    for (const [key, child] of Object.entries<unknown>(node.properties ?? {})) {
      if (!shape.properties.has(key))
        shape.properties.set(key, { node: child, pointer: `${pointer}/properties/${key}` });
    }
    for (const key of Array.isArray(node.required) ? node.required : []) shape.required.add(String(key));
    if (node.items !== undefined && typeof node.items === 'object')
      shape.items ??= { node: node.items, pointer: `${pointer}/items` };
    for (const [i, part] of (Array.isArray(node.allOf) ? node.allOf : []).entries())
      visit(part, `${pointer}/allOf/${i}`, depth + 1, false);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const parts: Located[] = (Array.isArray(node[keyword]) ? node[keyword] : []).map(
        (part: unknown, i: number) => ({ node: part, pointer: `${pointer}/${keyword}/${i}` }),
      );
      const nonNull = parts.filter((part) => !isNullSchema(document, part.node));
      if (nonNull.length < parts.length) shape.nullable = true;
      if (nonNull.length === 1) visit(nonNull[0]!.node, nonNull[0]!.pointer, depth + 1, canStop);
      else shape.variants.push(...nonNull);
    }
  };
  visit(located.node, located.pointer, 0, true);
  shape.types = inferTypes(shape, declared, document);
  return shape;
}

function inferTypes(shape: SchemaShape, declared: Set<string>, document: OpenAPIDocument): string[] {
  const types = new Set(declared);
  if (!types.size) {
    if (shape.properties.size) types.add('object');
    if (shape.items) types.add('array');
    for (const value of shape.enum ?? []) types.add(typeof value === 'number' ? 'number' : typeof value);
    for (const variant of shape.variants) for (const t of schemaShape(document, variant).types) types.add(t);
  }
  if (shape.component && !types.size) types.add(`ref:${shape.component}`);
  if (types.has('any') || !types.size) return ['any'];
  return [...types].sort();
}

function isNullSchema(document: OpenAPIDocument, node: any): boolean {
  const resolved = typeof node?.$ref === 'string' ? lookup(document, node.$ref) : node;
  return (
    (resolved as any)?.type === 'null' ||
    (Array.isArray((resolved as any)?.enum) &&
      (resolved as any).enum.length === 1 &&
      (resolved as any).enum[0] === null)
  );
}

/**
 * Whether every value of `inner` is a value of `outer` (integer is a kind of number; `any` holds everything).
 * Decides if a type change widens or narrows.
 */
export function typesWithin(inner: readonly string[], outer: readonly string[]): boolean {
  if (outer.includes('any')) return true;
  if (inner.includes('any')) return false;
  return inner.every((t) => outer.includes(t) || (t === 'integer' && outer.includes('number')));
}
