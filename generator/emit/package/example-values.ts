import { isIdentifier } from '../../model/identifiers.js';
import { schemaRefName } from '../../model/refs.js';

/** Schemas by `$ref`, as the types emitter sees them: every schema ref points into `components.schemas`. */
export interface ExampleSchemas {
  document: Record<string, any>;
}

/** Past this depth a required property's value is not spelled out: deep required chains are rare and unreadable. */
const MAX_DEPTH = 6;

/** An example value: a TypeScript expression, or an object of them by property name (merged across `allOf`). */
export type Example = string | Map<string, Example>;

/**
 * A value the schema's type accepts, for a README example: the spec's own example, default, const or first enum
 * value when it fits the type, else one built from the schema (required properties only, empty arrays, a
 * placeholder per primitive type). It must satisfy what openapi-typescript types, so it follows its reading:
 * `$ref` into components, `allOf` as an intersection, `oneOf`/`anyOf` as a union (the first member is shown),
 * a discriminator's value on the member.
 */
export function exampleValue(schema: unknown, schemas: ExampleSchemas, name = 'value', depth = 0): Example {
  const node = resolve(schema, schemas);
  const ref = lastRef(schema, schemas);
  if (!node || typeof node !== 'object') return node === false ? 'undefined as never' : '{}';
  const given = givenValue(node);
  if (given !== undefined) return literal(given);
  if (depth > MAX_DEPTH) return 'undefined as never';
  const union =
    (Array.isArray(node.oneOf) && node.oneOf.length && node.oneOf) ||
    (Array.isArray(node.anyOf) && node.anyOf.length && node.anyOf) ||
    undefined;
  if (union) {
    // Properties beside a union are shared by every member (openapi-typescript intersects them): the first
    // member is read as one more allOf part of the object.
    const { oneOf: _oneOf, anyOf: _anyOf, ...base } = node;
    const shared = typesOf(base).includes('object')
      ? objectValue(
          { ...base, allOf: [...(Array.isArray(base.allOf) ? base.allOf : []), union[0]] },
          schemas,
          depth,
          ref,
        )
      : undefined;
    return withTag(node, union[0], shared ?? exampleValue(union[0], schemas, name, depth + 1), schemas);
  }
  if (Array.isArray(node.allOf) || isObjectSchema(node)) return objectValue(node, schemas, depth, ref);
  if (node.format === 'binary') return "new Blob(['...'])";
  const types = typesOf(node);
  if (types.includes('string')) return literal(stringFor(node, name));
  if (types.includes('integer') || types.includes('number')) return literal(numberFor(node));
  if (types.includes('boolean')) return 'true';
  if (types.includes('array')) return '[]';
  if (types.includes('null')) return 'null';
  return '{}';
}

/** The example as TypeScript source. */
export function renderExample(example: Example): string {
  if (typeof example === 'string') return example;
  if (!example.size) return '{}';
  return `{ ${[...example].map(([key, value]) => `${propertyKey(key)}: ${renderExample(value)}`).join(', ')} }`;
}

/** The component schema a `$ref` names (the types document has no other kind), or an empty schema. */
function target(ref: { $ref?: unknown }, schemas: ExampleSchemas): unknown {
  const name = schemaRefName(ref);
  const components: Record<string, unknown> = schemas.document.components?.schemas ?? {};
  return name !== undefined && Object.hasOwn(components, name) ? components[name] : {};
}

function resolve(schema: unknown, schemas: ExampleSchemas, seen = 0): any {
  const ref = (schema as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== 'string' || seen > 16) return schema;
  return resolve(target(schema as { $ref: string }, schemas), schemas, seen + 1);
}

/** The last `$ref` followed to reach the schema: the component whose name a discriminator may use. */
function lastRef(schema: unknown, schemas: ExampleSchemas): string | undefined {
  let ref: string | undefined;
  let node = schema as { $ref?: unknown } | null;
  for (let i = 0; i < 16 && typeof node?.$ref === 'string'; i++) {
    ref = node.$ref;
    node = target(node, schemas) as { $ref?: unknown } | null;
  }
  return ref;
}

function typesOf(node: Record<string, any>): unknown[] {
  if (Array.isArray(node.type)) return node.type;
  if (node.type !== undefined) return [node.type];
  if (node.properties || node.required || node.additionalProperties) return ['object'];
  if (node.items) return ['array'];
  return [];
}

function isObjectSchema(node: Record<string, any>): boolean {
  const types = typesOf(node);
  return types.includes('object') && types.length === 1;
}

/** The spec's own value for the schema, when its JSON type is one the schema allows (primitives only). */
function givenValue(node: Record<string, any>): unknown {
  if (node.allOf || node.oneOf || node.anyOf || node.format === 'binary') return undefined;
  const candidates = [
    node.const,
    node.example,
    Array.isArray(node.examples) ? node.examples[0] : undefined,
    node.default,
  ];
  const given = candidates.find((value) => value !== undefined && fits(value, node));
  if (given !== undefined || !Array.isArray(node.enum)) return given;
  const listed = node.enum.find((v: unknown) => v !== null && fits(v, node));
  return listed !== undefined ? listed : node.enum.includes(null) ? null : undefined;
}

function fits(value: unknown, node: Record<string, any>): boolean {
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return false;
  const types = typesOf(node);
  const untyped = !types.length && (node.const === value || Array.isArray(node.enum));
  if (typeof value === 'string') return types.includes('string') || untyped;
  if (typeof value === 'number')
    return types.includes('number') || (types.includes('integer') && Number.isInteger(value)) || untyped;
  if (typeof value === 'boolean') return types.includes('boolean') || untyped;
  if (value === null) return types.includes('null') || node.nullable === true || untyped;
  return false;
}

/** What an object schema and its `allOf` members require together: the intersection needs all of it. */
interface ObjectShape {
  required: string[];
  properties: Map<string, unknown>;
  /** Discriminator values openapi-typescript sets on a schema that extends a discriminated base through `allOf`. */
  tags: Map<string, string>;
  /** JSON types the members insist on: more than one means no value has them all (the type is `never`). */
  types: Set<string>;
}

function objectValue(
  node: Record<string, any>,
  schemas: ExampleSchemas,
  depth: number,
  ref: string | undefined,
): Example {
  const shape: ObjectShape = { required: [], properties: new Map(), tags: new Map(), types: new Set() };
  collectShape(node, schemas, ref, shape, 0);
  if (shape.types.size > 1) return 'undefined as never';
  const [only] = shape.types;
  if (only !== undefined && only !== 'object' && only !== 'array')
    return exampleValue(mergedPrimitive(node, schemas, 0), schemas, 'value', depth + 1);
  const entries = new Map<string, Example>();
  for (const key of shape.required) {
    const tag = shape.tags.get(key);
    // openapi-typescript types only declared properties: a required name without one is not in the type.
    if (entries.has(key) || (tag === undefined && !shape.properties.has(key))) continue;
    entries.set(
      key,
      tag !== undefined ? literal(tag) : exampleValue(shape.properties.get(key), schemas, key, depth + 1),
    );
  }
  return entries;
}

/** An `allOf` of primitive schemas (`allOf: [{type: string}, {minLength: 1}]`) read as one schema. */
function mergedPrimitive(
  node: Record<string, any>,
  schemas: ExampleSchemas,
  level: number,
): Record<string, any> {
  const { allOf, ...own } = node;
  const parts =
    level > 16 || !Array.isArray(allOf)
      ? []
      : allOf
          .map((part: unknown) => resolve(part, schemas))
          .filter((m: unknown) => m && typeof m === 'object');
  return Object.assign(
    {},
    ...parts.map((m: Record<string, any>) => mergedPrimitive(m, schemas, level + 1)),
    own,
  );
}

function collectShape(
  node: Record<string, any>,
  schemas: ExampleSchemas,
  ref: string | undefined,
  shape: ObjectShape,
  level: number,
): void {
  if (level > 16) return;
  const types = typesOf(node).filter((t) => t !== 'null');
  // An integer is a number: only JSON types that exclude each other make the intersection empty.
  if (types.length === 1 && typeof types[0] === 'string')
    shape.types.add(types[0] === 'integer' ? 'number' : types[0]);
  for (const key of Array.isArray(node.required) ? node.required : [])
    if (typeof key === 'string') shape.required.push(key);
  for (const [key, property] of Object.entries<unknown>(
    node.properties && typeof node.properties === 'object' ? node.properties : {},
  )) {
    if (!shape.properties.has(key)) shape.properties.set(key, property);
  }
  for (const part of Array.isArray(node.allOf) ? node.allOf : []) {
    const member = resolve(part, schemas);
    if (!member || typeof member !== 'object') continue;
    const property = member.discriminator?.propertyName;
    if (typeof property === 'string' && ref !== undefined) {
      shape.tags.set(property, tagOf(member.discriminator, ref));
      shape.required.push(property);
    }
    collectShape(member, schemas, ref, shape, level + 1);
  }
}

/** The discriminator value of the schema at `ref`: its key in the mapping, else the schema's own name. */
function tagOf(discriminator: Record<string, any>, ref: string): string {
  const mapping: Record<string, unknown> =
    discriminator.mapping && typeof discriminator.mapping === 'object' ? discriminator.mapping : {};
  return (
    Object.keys(mapping).find((k) => mapping[k] === ref) ??
    ref
      .slice(ref.lastIndexOf('/') + 1)
      .replaceAll('~1', '/')
      .replaceAll('~0', '~')
  );
}

/** The example of a union's first member, with the discriminator value openapi-typescript puts on it. */
function withTag(
  node: Record<string, any>,
  member: unknown,
  value: Example,
  schemas: ExampleSchemas,
): Example {
  const property = node.discriminator?.propertyName;
  const ref = (member as { $ref?: unknown } | null)?.$ref;
  if (typeof property !== 'string' || typeof ref !== 'string' || typeof value === 'string') return value;
  const declared = resolve(member, schemas)?.properties?.[property];
  // A member that declares the property with its own const or enum already has the right value.
  if (value.has(property) && declared && (declared.const !== undefined || Array.isArray(declared.enum)))
    return value;
  return new Map([...value, [property, literal(tagOf(node.discriminator, ref))]]);
}

function stringFor(node: Record<string, any>, name: string): string {
  switch (node.format) {
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    case 'uuid':
      return '00000000-0000-0000-0000-000000000000';
    default:
      return name;
  }
}

function numberFor(node: Record<string, any>): number {
  if (typeof node.minimum === 'number') return node.minimum;
  if (typeof node.exclusiveMinimum === 'number') return Math.floor(node.exclusiveMinimum) + 1;
  return 1;
}

/**
 * A JSON value as TypeScript source for a fenced Markdown block: a backtick would end the fence early, so it is
 * written as its escape (`\u0060`), which means the same string.
 */
export function literal(value: unknown): string {
  return (JSON.stringify(value) ?? 'undefined').replaceAll('`', '\\u0060');
}

export function propertyKey(name: string): string {
  return isIdentifier(name, 'property') ? name : literal(name);
}
