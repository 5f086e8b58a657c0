import type { OpenAPIDocument } from '../load/types.js';
import type { ChangeSet } from './changes.js';
import type { ChangeKind, Direction } from './classify.js';
import { schemaShape, typesWithin, type Located, type SchemaShape } from './schema-shape.js';

/** What the schema walk of one operation needs; `visited` stops it comparing a component twice per direction. */
export interface SchemaContext {
  before: OpenAPIDocument;
  after: OpenAPIDocument;
  direction: Exclude<Direction, 'none'>;
  operation: string;
  /** Whether string enums generate open unions (provider config `enums`). */
  openEnums: boolean;
  changes: ChangeSet;
  /** Exported type name of a component schema, from the model. */
  componentType: (key: string) => string | undefined;
  /** Exported enum type and value-array names of an enum schema at this pointer, from the model. */
  enumExports: (pointer: string) => string[];
  visited: Set<string>;
}

/**
 * Compares one schema in both documents at one place. A component both sides reference is compared once, under
 * its own name; otherwise the two shapes are compared structurally, recursing into properties and items.
 */
export function diffSchema(
  ctx: SchemaContext,
  before: Located,
  after: Located,
  location: string,
  types: readonly string[],
): void {
  const a = schemaShape(ctx.before, before, true);
  const b = schemaShape(ctx.after, after, true);
  if (a.component && a.component === b.component) {
    compareDocs(ctx, a, b, location, types);
    compareNullable(ctx, a, b, location, types);
    const key = a.component;
    if (ctx.visited.has(key)) return;
    ctx.visited.add(key);
    const at = { pointer: `#/components/schemas/${key}` };
    const component = (doc: OpenAPIDocument) => ({ ...at, node: doc.components?.schemas?.[key] });
    const typeName = ctx.componentType(key);
    compareShapes(
      ctx,
      schemaShape(ctx.before, component(ctx.before)),
      schemaShape(ctx.after, component(ctx.after)),
      key,
      typeName ? [typeName] : types,
    );
    return;
  }
  compareShapes(
    ctx,
    a.component ? schemaShape(ctx.before, before) : a,
    b.component ? schemaShape(ctx.after, after) : b,
    location,
    types,
  );
}

function compareShapes(
  ctx: SchemaContext,
  a: SchemaShape,
  b: SchemaShape,
  location: string,
  types: readonly string[],
): void {
  const add = (
    kind: ChangeKind,
    message: string,
    extra: {
      before?: unknown;
      after?: unknown;
      required?: boolean;
      widened?: boolean;
      narrowed?: boolean;
      types?: readonly string[];
    } = {},
  ) =>
    ctx.changes.add({
      facts: {
        kind,
        direction: ctx.direction,
        openEnum: ctx.openEnums && [...(a.enum ?? []), ...(b.enum ?? [])].every((v) => typeof v === 'string'),
        ...pick(extra, 'required', 'widened', 'narrowed'),
      },
      location,
      message,
      operation: ctx.operation,
      types: extra.types ?? types,
      ...pick(extra, 'before', 'after'),
    });

  compareDocs(ctx, a, b, location, types);
  compareNullable(ctx, a, b, location, types);
  if (a.types.join('|') !== b.types.join('|') || a.variants.length !== b.variants.length) {
    const shown = (s: SchemaShape) =>
      s.variants.length > 1 ? `one of ${s.variants.length} (${s.types.join(' | ')})` : s.types.join(' | ');
    const widened = typesWithin(a.types, b.types) && b.variants.length >= a.variants.length;
    const narrowed = typesWithin(b.types, a.types) && b.variants.length <= a.variants.length;
    add('type-changed', `type ${shown(a)} -> ${shown(b)}`, {
      before: shown(a),
      after: shown(b),
      widened,
      narrowed,
    });
  }
  if (a.enum || b.enum) {
    const enumTypes = [...types, ...ctx.enumExports(b.pointer), ...ctx.enumExports(a.pointer)];
    const key = (v: unknown) => JSON.stringify(v);
    const old = new Set((a.enum ?? []).map(key));
    const now = new Set((b.enum ?? []).map(key));
    const added = (b.enum ?? []).filter((v) => !old.has(key(v)));
    const removed = (a.enum ?? []).filter((v) => !now.has(key(v)));
    // A schema that gains or loses its enum altogether is a type change (string <-> union), reported as such.
    if (a.enum && b.enum) {
      if (added.length)
        add(
          'enum-value-added',
          `enum value${added.length > 1 ? 's' : ''} added: ${added.map(key).join(', ')}`,
          { after: added, types: enumTypes },
        );
      if (removed.length)
        add(
          'enum-value-removed',
          `enum value${removed.length > 1 ? 's' : ''} removed: ${removed.map(key).join(', ')}`,
          { before: removed, types: enumTypes },
        );
    } else {
      add(
        'type-changed',
        a.enum ? 'no longer restricted to an enum' : `now restricted to an enum of ${b.enum!.length} values`,
        { widened: Boolean(a.enum), narrowed: Boolean(b.enum), types: enumTypes },
      );
    }
  }
  if (a.format !== b.format)
    add('format-changed', `format ${a.format ?? '(none)'} -> ${b.format ?? '(none)'}`, {
      before: a.format ?? null,
      after: b.format ?? null,
    });
  if (a.docs.default !== b.docs.default)
    add('default-changed', `default ${a.docs.default ?? '(none)'} -> ${b.docs.default ?? '(none)'}`);

  for (const name of [...new Set([...a.properties.keys(), ...b.properties.keys()])].sort()) {
    const before = a.properties.get(name);
    const after = b.properties.get(name);
    const at = `${location}.${name}`;
    const field = (kind: ChangeKind, message: string, required?: boolean) =>
      ctx.changes.add({
        facts: { kind, direction: ctx.direction, ...(required !== undefined ? { required } : {}) },
        location: at,
        message,
        operation: ctx.operation,
        types,
      });
    if (!after) field('field-removed', 'field removed');
    else if (!before)
      field(
        'field-added',
        `${b.required.has(name) ? 'required' : 'optional'} field added`,
        b.required.has(name),
      );
    else {
      if (a.required.has(name) !== b.required.has(name))
        field(
          b.required.has(name) ? 'field-required' : 'field-optional',
          b.required.has(name) ? 'field is now required' : 'field is now optional',
        );
      diffSchema(ctx, before, after, at, types);
    }
  }
  if (a.items && b.items) diffSchema(ctx, a.items, b.items, `${location}[]`, types);
  if (a.variants.length === b.variants.length) {
    for (const [i, variant] of a.variants.entries())
      diffSchema(ctx, variant, b.variants[i]!, `${location}<${i}>`, types);
  }
}

function compareNullable(
  ctx: SchemaContext,
  a: SchemaShape,
  b: SchemaShape,
  location: string,
  types: readonly string[],
): void {
  if (a.nullable === b.nullable) return;
  ctx.changes.add({
    facts: { kind: b.nullable ? 'nullable-added' : 'nullable-removed', direction: ctx.direction },
    location,
    message: b.nullable ? 'now nullable' : 'no longer nullable',
    operation: ctx.operation,
    types,
  });
}

function compareDocs(
  ctx: SchemaContext,
  a: SchemaShape,
  b: SchemaShape,
  location: string,
  types: readonly string[],
): void {
  const add = (kind: ChangeKind, message: string, before: unknown, after: unknown) =>
    ctx.changes.add({
      facts: { kind, direction: ctx.direction },
      location,
      message,
      operation: ctx.operation,
      types,
      before,
      after,
    });
  if (a.docs.description !== b.docs.description)
    add('description-changed', 'description changed', a.docs.description ?? null, b.docs.description ?? null);
  if (a.docs.examples !== b.docs.examples)
    add('example-changed', 'example changed', parse(a.docs.examples), parse(b.docs.examples));
  if (a.docs.deprecated !== b.docs.deprecated)
    add(
      'deprecated-changed',
      b.docs.deprecated ? 'now deprecated' : 'no longer deprecated',
      a.docs.deprecated,
      b.docs.deprecated,
    );
}

const parse = (json: string | undefined) => (json === undefined ? null : JSON.parse(json));

function pick<T extends object, K extends keyof T>(object: T, ...keys: K[]): Partial<Pick<T, K>> {
  const result: Partial<Pick<T, K>> = {};
  for (const key of keys) if (object[key] !== undefined) result[key] = object[key];
  return result;
}
