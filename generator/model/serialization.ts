/**
 * How a parameter or a form field is written, from the document's `style`, `explode`, `allowReserved`, `content`
 * and Encoding Objects (OpenAPI 3.1 §4.8.12.4, §4.8.15). The types (model/types.ts) mirror the runtime's (templates/
 * runtime/internal/styles.ts), which the model may not import; test/unit/model/wire-helpers.test.ts checks that each
 * is assignable to its runtime twin, so the generator can only describe what the runtime writes. `undefined` means the plain
 * writers suffice (query.ts with the provider's `queryFormat`, `String(value)` for headers, the `path` tag), which
 * keeps operations that declare nothing special free of the styles module.
 */
import { mediaKind, orderedMediaTypes } from './media-types.js';
import type { PartEncodingModel, PathSerializationModel, SerializationModel } from './types.js';

type Serialization = SerializationModel;
type PathSerialization = PathSerializationModel;

/** How arrays inside a deepObject are written: from the provider's queryFormat (`indices`), brackets otherwise. */
export type DeepArrays = NonNullable<Serialization['arrays']>;

type Location = 'path' | 'query' | 'header' | 'cookie';

/** The shape a schema gives a value, which decides whether a style changes anything. */
export function valueShape(schema: any): 'array' | 'object' | 'primitive' {
  const types = Array.isArray(schema?.type) ? schema.type : [schema?.type];
  if (types.includes('array') || schema?.items !== undefined) return 'array';
  if (
    types.includes('object') ||
    (schema?.properties && typeof schema.properties === 'object') ||
    schema?.additionalProperties
  )
    return 'object';
  return 'primitive';
}

/** A parameter's serialization; `schema` is its (dereferenced) schema, `content` is the parameter's `content` map. */
export function parameterSerialization(
  param: any,
  schema: any,
  location: Location,
  arrays: DeepArrays,
): Serialization | PathSerialization | undefined {
  if (param?.content && typeof param.content === 'object') {
    const [type] = orderedMediaTypes(param.content);
    return type !== undefined && mediaKind(type) === 'json' ? { json: true } : undefined;
  }
  const shape = valueShape(schema);
  const style: string | undefined = typeof param?.style === 'string' ? param.style : undefined;
  const explode: boolean | undefined = typeof param?.explode === 'boolean' ? param.explode : undefined;
  switch (location) {
    case 'path': {
      const pathStyle = style === 'label' || style === 'matrix' ? style : 'simple';
      if (pathStyle === 'simple' && shape === 'primitive') return undefined;
      return { style: pathStyle, ...(explode === undefined ? {} : { explode }) };
    }
    case 'header':
      return shape === 'object' ? { style: 'simple', explode: explode ?? false } : undefined;
    case 'cookie':
      return { style: 'form', explode: explode ?? true };
    case 'query': {
      const allowReserved = param?.allowReserved === true;
      const declared = queryStyle(style);
      const plain = declared === 'form' && explode !== false && !allowReserved && shape !== 'object';
      if (plain) return undefined;
      return {
        style: declared,
        ...(explode === undefined ? {} : { explode }),
        ...(allowReserved ? { allowReserved } : {}),
        ...(declared === 'deepObject' ? { arrays } : {}),
      };
    }
  }
}

function queryStyle(style: string | undefined): NonNullable<Serialization['style']> {
  return style === 'spaceDelimited' || style === 'pipeDelimited' || style === 'deepObject' ? style : 'form';
}

/**
 * A form body field's serialization from its Encoding Object: a JSON `contentType` sends JSON text; otherwise
 * `style`/`explode`/`allowReserved` as for a query parameter, whose defaults (form, exploded) apply when none is
 * declared. `undefined` for a primitive field with nothing declared.
 */
export function formFieldSerialization(
  encoding: any,
  schema: any,
  arrays: DeepArrays,
): Serialization | undefined {
  if (typeof encoding?.contentType === 'string' && mediaKind(encoding.contentType) === 'json')
    return { json: true };
  const declared = parameterSerialization(
    { style: encoding?.style, explode: encoding?.explode, allowReserved: encoding?.allowReserved },
    schema,
    'query',
    arrays,
  );
  return declared as Serialization | undefined;
}

/** A multipart field's part encoding: the declared content type of a file part, when the value brings none. */
export function partEncoding(encoding: any): PartEncodingModel | undefined {
  const type =
    typeof encoding?.contentType === 'string' ? encoding.contentType.split(',')[0]?.trim() : undefined;
  return type && !type.includes('*') ? { contentType: type } : undefined;
}
