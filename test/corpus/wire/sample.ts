import { JSONSchemaFaker } from 'json-schema-faker';

// Seeded, so every run sends the same values (a failure reproduces).
let seed = 1;
JSONSchemaFaker.option({
  random: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646,
  alwaysFakeOptionals: false,
});

/**
 * A value for a schema, built from the document the way a person reading it would: its `example`, `examples`,
 * `default`, `const` or first `enum` value, else the simplest value the schema allows (required properties only).
 * Request values never carry `readOnly` properties (OpenAPI 3.1 §4.8.24).
 */
export function sampleValue(schema: unknown, doc: unknown, depth = 0): unknown {
  const s = deref(schema, doc) as any;
  if (!s || typeof s !== 'object' || depth > 8) return undefined;
  // A string example that misses the schema's own pattern would be refused (GitHub's SSH key examples do).
  const fits = (v: unknown) =>
    typeof v !== 'string' || typeof s.pattern !== 'string' || matches(s.pattern, v);
  if (s.example !== undefined && fits(s.example)) return s.example;
  if (Array.isArray(s.examples) && s.examples.length > 0 && fits(s.examples[0])) return s.examples[0];
  if (s.default !== undefined && fits(s.default)) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v: unknown) => v !== null) ?? s.enum[0];
  if (Array.isArray(s.allOf)) {
    // Object parts become one object schema, so a `required` beside the allOf picks from every part's properties.
    const objects = s.allOf.map((part: unknown) => deref(part, doc)).filter(isRecord);
    // A part with only a `required` list (readme-legacy's `allOf: [category, { required: [title] }]`) counts too.
    const objectPart = (o: any) =>
      !o.allOf &&
      !o.oneOf &&
      !o.anyOf &&
      (isRecord(o.properties) || (o.type === undefined && Array.isArray(o.required)));
    if (objects.length === s.allOf.length && objects.every(objectPart)) {
      const properties = Object.assign({}, ...objects.map((o: any) => o.properties), s.properties);
      const required = [...objects.flatMap((o: any) => o.required ?? []), ...(s.required ?? [])];
      return sampleValue({ type: 'object', properties, required }, doc, depth + 1);
    }
    const parts = s.allOf.map((part: unknown) => sampleValue(part, doc, depth + 1));
    const { allOf: _parts, ...rest } = s;
    // The keywords beside the allOf, if any, are one more part (an empty remainder would sample as a plain string).
    const own = Object.keys(rest).length ? sampleValue(rest, doc, depth + 1) : undefined;
    return parts.concat(own).reduce(
      (merged: unknown, part: unknown) =>
        isRecord(part) && isRecord(merged)
          ? { ...merged, ...part }
          : // A part without a type of its own (`required: [...]` beside the allOf) adds nothing to an object.
            isRecord(merged)
            ? merged
            : (part ?? merged),
      undefined,
    );
  }
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(s[key])) {
      const option = s[key].find((o: any) => (deref(o, doc) as any)?.type !== 'null') ?? s[key][0];
      const branch = deref(option, doc) as any;
      // Branches beside properties of the schema's own add to them (readme-legacy's `oneOf` of `required` lists).
      const { [key]: _branches, discriminator: _d, ...own } = s;
      const value = isRecord(s.properties)
        ? sampleValue(
            {
              ...own,
              ...branch,
              type: 'object',
              properties: { ...s.properties, ...branch?.properties },
              required: [...(s.required ?? []), ...(branch?.required ?? [])],
            },
            doc,
            depth + 1,
          )
        : sampleValue(option, doc, depth + 1);
      return withDiscriminator(value, s.discriminator, option, doc);
    }
  }
  const types: unknown[] = Array.isArray(s.type) ? s.type : [s.type];
  const type = types.find((t) => t !== 'null') ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required: string[] = Array.isArray(s.required) ? s.required : [];
      // `minProperties` beyond the required ones is met with the first optional properties declared.
      const wanted = typeof s.minProperties === 'number' ? s.minProperties : 0;
      const optional = Object.keys(s.properties ?? {}).filter((key) => !required.includes(key));
      for (const key of [...required, ...optional]) {
        if (!required.includes(key) && Object.keys(out).length >= wanted) break;
        const property = deref(s.properties?.[key], doc) as any;
        if (property?.readOnly === true) continue;
        const value = sampleValue(property ?? {}, doc, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array': {
      const item = sampleValue(s.items ?? {}, doc, depth + 1);
      return item === undefined ? [] : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item);
    }
    case 'integer':
    case 'number':
      return numberIn(s, type === 'integer');
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return stringFor(s);
    default:
      return 'value';
  }
}

/**
 * A parameter's value: as `sampleValue`, but an object has every property it declares. An empty object serializes
 * to nothing, so it would leave a path segment empty or a delimited value bare, proving nothing of its style.
 */
export function parameterSample(
  schema: unknown,
  doc: unknown,
  where: { in: string; explode: boolean },
): unknown {
  const s = deref(schema, doc) as any;
  // A parameter is text on the wire: of `oneOf: [integer, string]` (GitHub's `workflow_id`), the number's text
  // matches both branches, and a word only the string one.
  const word = Array.isArray(s?.oneOf)
    ? s.oneOf.find((o: unknown) => (deref(o, doc) as any)?.type === 'string')
    : undefined;
  if (word && s.example === undefined) return sampleValue(word, doc);
  const value = sampleValue(s, doc);
  if (!isRecord(value) || !isRecord(s?.properties) || s.example !== undefined || s.default !== undefined)
    return value;
  // Prism 5.14 reads path parameters with uri-template-lite's `match`, which takes a comma for a list separator and
  // hands its deserializers an array they cannot read (a crash): an object in a path gets one property when
  // exploded (`name=value`, no comma) and stays as sampled otherwise.
  const room = where.in === 'path' ? (where.explode ? 1 - Object.keys(value).length : 0) : Infinity;
  const out: Record<string, unknown> = { ...value };
  for (const [key, raw] of Object.entries(s.properties)) {
    const property = deref(raw, doc) as any;
    if (Object.keys(out).length - Object.keys(value).length >= room) break;
    if (key in out || property?.readOnly === true) continue;
    const sample = sampleValue(property, doc, 1);
    if (sample !== undefined && !isRecord(sample) && !Array.isArray(sample)) out[key] = sample;
  }
  return out;
}

/** A discriminated union's value names its branch: the mapping key that points at it, else the schema's name. */
function withDiscriminator(value: unknown, discriminator: any, option: any, doc: unknown): unknown {
  const name = discriminator?.propertyName;
  if (typeof name !== 'string' || !isRecord(value)) return value;
  const ref = typeof option?.$ref === 'string' ? option.$ref : undefined;
  const mapped = Object.entries<string>(discriminator.mapping ?? {}).find(
    ([, target]) => target === ref,
  )?.[0];
  const branch = deref(option, doc) as any;
  const fromEnum = Array.isArray(branch?.properties?.[name]?.enum)
    ? branch.properties[name].enum[0]
    : undefined;
  return { ...value, [name]: mapped ?? fromEnum ?? ref?.split('/').pop() ?? value[name] };
}

function numberIn(s: any, integer: boolean): number {
  const min =
    typeof s.minimum === 'number'
      ? s.minimum
      : typeof s.exclusiveMinimum === 'number'
        ? s.exclusiveMinimum + 1
        : undefined;
  const max =
    typeof s.maximum === 'number'
      ? s.maximum
      : typeof s.exclusiveMaximum === 'number'
        ? s.exclusiveMaximum - 1
        : undefined;
  let value = min ?? (max !== undefined ? Math.min(1, max) : 1);
  if (typeof s.multipleOf === 'number') value = Math.ceil(value / s.multipleOf) * s.multipleOf;
  return integer ? Math.ceil(value) : value;
}

function stringFor(s: any): unknown {
  switch (s.format) {
    case 'binary':
      return new Blob(['sample bytes'], { type: 'application/octet-stream' });
    case 'byte':
      return 'c2FtcGxl';
    case 'date-time':
      return '2024-01-02T03:04:05Z';
    case 'date':
      return '2024-01-02';
    case 'time':
      return '03:04:05Z';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/';
    case 'uuid':
      return '4b6f2c1e-8d3a-4f5b-9c7e-1a2b3c4d5e6f';
    case 'ipv4':
      return '192.0.2.1';
    case 'ipv6':
      return '2001:db8::1';
    case 'hostname':
      return 'example.com';
    case 'duration':
      return 'P1D';
    case 'json-pointer':
      return '/a/b';
    case 'relative-json-pointer':
      return '0/a';
    case 'regex':
      return '^a+$';
    case 'iri':
    case 'iri-reference':
    case 'uri-reference':
    case 'uri-template':
      return 'https://example.com/';
  }
  // A pattern needs a string built from the regular expression itself.
  if (typeof s.pattern === 'string')
    return JSONSchemaFaker.generate({
      type: 'string',
      pattern: s.pattern,
      minLength: s.minLength,
      maxLength: s.maxLength,
    });
  if (s.contentMediaType) return new Blob(['sample bytes'], { type: String(s.contentMediaType) });
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  return 'sample'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(6, max)));
}

export function deref(node: unknown, doc: unknown, seen = new Set<string>()): unknown {
  const ref = (node as any)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || seen.has(ref)) return node;
  seen.add(ref);
  const target = ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<any>((at, key) => (at && Object.hasOwn(at, key) ? at[key] : undefined), doc);
  return deref(target, doc, seen);
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Blob);
}
