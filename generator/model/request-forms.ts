import type { OpenAPIDocument } from '../load/types.js';
import { pascalCase, type NameScope } from './identifiers.js';
import { contentKeyOf, essence, mediaKind as wireKind, orderedMediaTypes } from './media-types.js';
import type { RawOperation } from './raw-operations.js';
import { deref, schemaRefName } from './refs.js';
import { closeRequestEnums } from './request-enums.js';
import { pickContent } from './responses.js';
import { formFieldSerialization, partEncoding, type DeepArrays } from './serialization.js';
import type {
  BodyEncoding,
  BodyModel,
  ParamModel,
  ParamsModel,
  PartEncodingModel,
  RequestFormModel,
  SerializationModel,
  TypeRef,
  Warning,
} from './types.js';

/**
 * The request bodies of an operation, one form per request media type (OpenAPI 3.1 §4.8.13 Request Body Object):
 * how each is passed (spread into the params object, whole as the body argument, or as the params object's `body`
 * field) and the params types that hold them.
 */

export type FlattenedBody = Extract<BodyModel, { kind: 'flattened' }>;

/** What building an operation's request forms needs from the rest of the model (operation.ts's context has it). */
export interface FormsContext {
  document: OpenAPIDocument;
  /** Type names of component schemas, by schema key. */
  componentTypeNames: Map<string, string>;
  types: NameScope;
  /** Schemas the model adds for the types emitter, by their (unique) key = type name. */
  synthesized: Map<string, unknown>;
  warnings: Warning[];
  /** How arrays inside deepObject parameters and form fields are written (from the provider's queryFormat). */
  deepArrays: DeepArrays;
}

/** How a request body of a media type is encoded (media-types.ts); lines of JSON and events are sent as text. */
function bodyEncoding(contentType: string): BodyEncoding {
  const kind = wireKind(contentType);
  switch (kind) {
    case 'json':
    case 'multipart':
    case 'form':
    case 'text':
    case 'binary':
      return kind;
    case 'ndjson':
    case 'sse':
      return 'text';
    case 'any':
      return 'binary';
  }
}

/** One request media type of an operation, with its schema and the body a method passes for it. */
export interface RequestForm {
  contentType: string;
  media: any;
  schema: any;
  body: BodyModel;
}

/**
 * Every request media type of an operation, the main one (JSON first, see media-types.ts) first. The main form
 * spreads a plain object body into the params object; the others follow its layout (see {@link alternativeForm}).
 */
export function requestForms(
  raw: RawOperation,
  ctx: FormsContext,
  params: ParamModel[],
  prefix: string,
): RequestForm[] {
  const content = deref(ctx.document, raw.op.requestBody)?.content;
  const required = deref(ctx.document, raw.op.requestBody)?.required === true;
  const forms: RequestForm[] = [];
  for (const contentType of orderedMediaTypes(content)) {
    const media = content[contentKeyOf(content, contentType)!];
    const schema = deref(ctx.document, media?.schema);
    const main = forms[0];
    // The main form spreads when it can; the others spread only where it did, so all take the same arguments.
    const spread = main === undefined || main.body.kind === 'flattened';
    const flat = spread ? flattenedBody(contentType, media, schema, params, required, ctx) : undefined;
    const suffix = main === undefined ? '' : formSuffix(contentType);
    // Built only when used: a whole body of an inline schema adds a named type.
    const whole = () => wholeBody(contentType, media, required, `${prefix}${suffix}Body`, ctx);
    const body: BodyModel = flat ?? (main && spread ? { ...whole(), kind: 'field' } : whole());
    forms.push({ contentType, media, schema, body });
  }
  return forms;
}

/** What names an alternative form's types: `ImageEditMultipartParams`. */
export function formSuffix(contentType: string): string {
  const kind = bodyEncoding(contentType);
  return kind === 'json' ? pascalCase(essence(contentType).split('/')[1] ?? 'json') : pascalCase(kind);
}

/** A plain object body of a JSON, form or multipart media type, its fields spread into the params object. */
function flattenedBody(
  contentType: string,
  media: any,
  schema: any,
  params: ParamModel[],
  required: boolean,
  ctx: FormsContext,
): FlattenedBody | undefined {
  const encoding = bodyEncoding(contentType);
  if (encoding !== 'json' && encoding !== 'multipart' && encoding !== 'form') return undefined;
  const properties = writableProperties(schema);
  const clash = properties.some((p) => params.some((q) => q.wireName === p));
  if (!isPlainObject(schema) || properties.length === 0 || clash) return undefined;
  const fieldEncodings =
    encoding === 'json' ? {} : fieldEncodingsOf(media?.encoding, schema, properties, encoding, ctx);
  return {
    kind: 'flattened',
    encoding,
    contentType,
    required,
    properties,
    ...(Object.keys(fieldEncodings).length ? { fieldEncodings } : {}),
  };
}

function wholeBody(
  contentType: string,
  media: any,
  required: boolean,
  typeName: string,
  ctx: FormsContext,
): Extract<BodyModel, { kind: 'whole' }> {
  const encoding = bodyEncoding(contentType);
  const whole = (type: TypeRef) => ({ kind: 'whole' as const, encoding, contentType, required, type });
  // The runtime's `Uploadable` (templates/runtime/uploads.ts): every value a raw body can be read from.
  if (encoding === 'binary') return whole({ kind: 'builtin', text: 'Uploadable' });
  if (encoding === 'text') return whole({ kind: 'builtin', text: 'string' });
  return whole({
    kind: 'model',
    name: modelTypeFor(closeRequestEnums(ctx.document, media?.schema ?? {}), typeName, ctx),
  });
}

/**
 * An alternative request form: its own params type when its body lives in the params object (spread fields or a
 * `body` field), else the main form's params. A `body` field that a parameter of that name would shadow cannot be
 * offered: a warning says so.
 */
export function alternativeForm(
  raw: RawOperation,
  form: RequestForm,
  mainParams: ParamsModel | undefined,
  fields: ParamModel[],
  prefix: string,
  ctx: FormsContext,
): RequestFormModel[] {
  const { body } = form;
  if (body.kind === 'whole') return [{ body, ...(mainParams ? { params: mainParams } : {}) }];
  if (body.kind === 'field' && fields.some((p) => p.wireName === 'body')) {
    ctx.warnings.push({
      pointer: `${raw.pointer}/requestBody/content/${form.contentType.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      message: `request media type "${form.contentType}" is not offered: a parameter named "body" takes its place`,
    });
    return [];
  }
  const typeName = ctx.types.claim(`${prefix}${formSuffix(form.contentType)}Params`);
  if (body.kind === 'flattened') {
    ctx.synthesized.set(typeName, paramsSchema(raw, fields, body, form.schema, ctx.document));
    return [{ body, params: { typeName, required: paramsRequired(fields, body, form.schema) } }];
  }
  const schema = paramsSchema(raw, fields, undefined, undefined, ctx.document) as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  const fieldSchema =
    body.encoding === 'binary'
      ? { type: 'string', format: 'binary' }
      : body.encoding === 'text'
        ? { type: 'string' }
        : closeRequestEnums(ctx.document, form.media?.schema ?? {});
  ctx.synthesized.set(typeName, {
    ...schema,
    properties: Object.fromEntries([...Object.entries(schema.properties), ['body', fieldSchema]]),
    ...(body.required || schema.required
      ? { required: [...(schema.required ?? []), ...(body.required ? ['body'] : [])] }
      : {}),
  });
  return [{ body, params: { typeName, required: body.required || fields.some((p) => p.required) } }];
}

/** The exported type of a schema: its component's name when it is a `$ref` to one, else a synthesized type. */
export function modelTypeFor(schema: unknown, wanted: string, ctx: FormsContext): string {
  const refName = schemaRefName(schema);
  if (refName && ctx.componentTypeNames.has(refName)) return ctx.componentTypeNames.get(refName)!;
  const name = ctx.types.claim(wanted);
  ctx.synthesized.set(name, schema ?? {});
  return name;
}

/** Each flattened field's Encoding Object (OpenAPI 3.1 §4.8.15), as the runtime's form or multipart encoder reads it. */
function fieldEncodingsOf(
  encodings: any,
  schema: any,
  properties: string[],
  encoding: 'form' | 'multipart',
  ctx: FormsContext,
): Record<string, SerializationModel | PartEncodingModel> {
  const entries: [string, SerializationModel | PartEncodingModel][] = [];
  for (const name of properties) {
    const declared =
      encodings && typeof encodings === 'object' && Object.hasOwn(encodings, name)
        ? encodings[name]
        : undefined;
    const field =
      encoding === 'form'
        ? formFieldSerialization(declared, deref(ctx.document, schema.properties[name]), ctx.deepArrays)
        : partEncoding(declared);
    if (field) entries.push([name, field]);
  }
  return Object.fromEntries(entries);
}

/**
 * An object whose properties are all it can hold: its properties can be spread into the params object and picked
 * back out by name. Composition, extra properties or a non-object type would be lost on the way.
 */
function isPlainObject(schema: any): boolean {
  if (
    !schema ||
    typeof schema !== 'object' ||
    typeof schema.properties !== 'object' ||
    schema.properties === null
  )
    return false;
  if (schema.allOf || schema.oneOf || schema.anyOf || schema.not || schema.patternProperties) return false;
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return false;
  // A required name the properties never declare could not be passed through the params object.
  if (
    Array.isArray(schema.required) &&
    schema.required.some(
      (name: unknown) => typeof name !== 'string' || !Object.hasOwn(schema.properties, name),
    )
  )
    return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  return types.every((t: unknown) => t === 'object');
}

/** Properties a client sends: `readOnly` ones are the server's to set (OpenAPI 3.1 §4.8.24, JSON Schema 9.4). */
function writableProperties(schema: any): string[] {
  if (!schema || typeof schema.properties !== 'object' || schema.properties === null) return [];
  return Object.keys(schema.properties).filter((key) => schema.properties[key]?.readOnly !== true);
}

/**
 * The params object: query, header and cookie parameters by wire name, plus the body's writable properties when
 * the body is flattened. Built as one object (not an intersection) so an empty side never becomes `Record<string,
 * never>`, which would forbid every property of the other side.
 */
export function paramsSchema(
  raw: RawOperation,
  params: ParamModel[],
  body: FlattenedBody | undefined,
  bodySchema: any,
  document: OpenAPIDocument,
): unknown {
  // Entries, not assignments: a wire name like `__proto__` must become a key, not the object's prototype.
  const properties: [string, unknown][] = [];
  const required: string[] = [];
  for (const param of params) {
    const source = raw.parameters.find(
      (p) => p.param.name === param.wireName && p.param.in === param.in,
    )?.param;
    const schema = source?.schema ?? pickContent(source?.content)?.[1]?.schema ?? {};
    const closed = closeRequestEnums(document, schema) as any;
    properties.push([
      param.wireName,
      param.description && !closed.$ref ? { ...closed, description: param.description } : closed,
    ]);
    if (param.required) required.push(param.wireName);
  }
  if (body) {
    const bodyRequired = new Set(Array.isArray(bodySchema?.required) ? bodySchema.required : []);
    for (const key of body.properties) {
      properties.push([key, closeRequestEnums(document, bodySchema.properties[key])]);
      if (bodyRequired.has(key)) required.push(key);
    }
  }
  return {
    type: 'object',
    properties: Object.fromEntries(properties),
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

/** True when the params object must be given: a required parameter, or a flattened body with required fields. */
export function paramsRequired(
  params: ParamModel[],
  body: FlattenedBody | undefined,
  bodySchema: any,
): boolean {
  if (params.some((p) => p.required)) return true;
  if (!body) return false;
  const required: unknown[] = Array.isArray(bodySchema?.required) ? bodySchema.required : [];
  return required.some((key) => body.properties.includes(key as string));
}
