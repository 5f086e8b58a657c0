import type { OpenAPIDocument } from '../load/types.js';
import { NameScope, pascalCase, safeIdentifier } from './identifiers.js';
import type { RawOperation } from './raw-operations.js';
import { deref, schemaRefName } from './refs.js';
import { closeRequestEnums } from './request-enums.js';
import { acceptFor, contentKeyOf, essence, mediaKind as wireKind, orderedMediaTypes } from './media-types.js';
import { requestPath, splitPathKey } from './path-key.js';
import { mediaKind, pickContent, successResponse } from './responses.js';
import {
  formFieldSerialization,
  parameterSerialization,
  partEncoding,
  type DeepArrays,
} from './serialization.js';
import type {
  BodyEncoding,
  BodyModel,
  PartEncodingModel,
  SerializationModel,
  CallModel,
  OperationModel,
  OptionParamModel,
  ParamModel,
  ParamsModel,
  PathParamModel,
  RequestFormModel,
  ResponseFormModel,
  ResponseModel,
  SecuritySchemeModel,
  TypeRef,
  Warning,
} from './types.js';

/** What building one operation needs from the rest of the model. */
export interface OperationContext {
  document: OpenAPIDocument;
  schemes: Record<string, SecuritySchemeModel>;
  /** Type names of component schemas, by schema key. */
  componentTypeNames: Map<string, string>;
  types: NameScope;
  /** Schemas the model adds for the types emitter, by their (unique) key = type name. */
  synthesized: Map<string, unknown>;
  errorSchemas: unknown[];
  warnings: Warning[];
  /** How arrays inside deepObject parameters and form fields are written (from the provider's queryFormat). */
  deepArrays: DeepArrays;
}

type FlattenedBody = Extract<BodyModel, { kind: 'flattened' }>;

const MANAGED_HEADERS = new Set(['content-type', 'accept', 'content-length']);

/** Builds one operation; `call` decides whether it is a plain request or a list (pagination is verified first). */
export function buildOperation(
  raw: RawOperation,
  methodName: string,
  singular: string,
  ctx: OperationContext,
  call: (response: ResponseModel) => CallModel,
): Omit<OperationModel, 'functionName' | 'functionFile'> {
  const prefix = `${singular}${pascalCase(methodName)}`;
  const security = operationSecurity(raw, ctx);
  const sentByAuth = credentialParams(security, ctx.schemes);
  const pathParams: PathParamModel[] = [];
  const optionParams: OptionParamModel[] = [];
  // Names the method body uses: the params object, its alias, the body, options, the path template tag, the
  // function's client, and the Accept a caller chose.
  const argNames = new NameScope(['params', 'options', 'body', 'p', 'path', 'client', 'accept']);
  for (const { param, pointer } of raw.parameters) {
    const location = param.in;
    if (!['path', 'query', 'header', 'cookie'].includes(location)) {
      ctx.warnings.push({
        pointer,
        message: `parameter "${param.name}" has unknown location "${location}" and is ignored`,
      });
      continue;
    }
    const key = `${location}:${location === 'header' ? param.name.toLowerCase() : param.name}`;
    if (sentByAuth.has(key) || (location === 'header' && MANAGED_HEADERS.has(param.name.toLowerCase())))
      continue;
    const common = {
      wireName: param.name,
      required: location === 'path' || param.required === true,
      ...(typeof param.description === 'string' ? { description: param.description } : {}),
      ...exampleOf(param, ctx.document),
      pointer,
    };
    const serialization = parameterSerialization(
      param,
      deref(ctx.document, param.schema),
      location,
      ctx.deepArrays,
    );
    if (location === 'path') {
      const style = serialization as PathParamModel['serialization'];
      pathParams.push({
        ...common,
        in: 'path',
        argName: argNames.claim(safeIdentifier(param.name)),
        positional: false,
        ...(style ? { serialization: style } : {}),
      });
    } else {
      const style = serialization as OptionParamModel['serialization'];
      optionParams.push({ ...common, in: location, ...(style ? { serialization: style } : {}) });
    }
  }
  pathParams.sort((a, b) => raw.path.indexOf(`{${a.wireName}}`) - raw.path.indexOf(`{${b.wireName}}`));
  // GET and HEAD carry no body (RFC 9110 §9.3.1): a method that offered one could only fail.
  const bodiless = raw.method === 'get' || raw.method === 'head';
  if (bodiless && raw.op.requestBody)
    ctx.warnings.push({
      pointer: `${raw.pointer}/requestBody`,
      message: `a ${raw.method.toUpperCase()} request has no body; its requestBody is ignored`,
    });
  const last = pathParams.at(-1);
  if (last) last.positional = true;
  // The path params before the last are named fields of the params object, next to the query params.
  const fields: ParamModel[] = [...pathParams.filter((p) => !p.positional), ...optionParams];
  const forms = bodiless ? [] : requestForms(raw, ctx, fields, prefix);
  const body = forms[0]?.body;
  const flattened = body?.kind === 'flattened' ? body : undefined;
  let params: ParamsModel | undefined;
  if (fields.length || flattened) {
    params = {
      typeName: ctx.types.claim(`${prefix}Params`),
      required: paramsRequired(fields, flattened, forms[0]?.schema),
    };
    ctx.synthesized.set(
      params.typeName,
      paramsSchema(raw, fields, flattened, forms[0]?.schema, ctx.document),
    );
  }
  const alternatives = forms
    .slice(1)
    .flatMap((form) => alternativeForm(raw, form, params, fields, prefix, ctx));
  const response = buildResponse(successResponse(ctx.document, raw)?.media, `${prefix}Response`, ctx);
  collectErrors(raw, ctx);
  const success = successResponse(ctx.document, raw);
  const responseMediaTypes = orderedMediaTypes(
    deref(ctx.document, raw.op.responses?.[success?.status ?? ''])?.content,
  );
  const accept = acceptFor(success?.media ? orderedMediaTypes({ [success.media.contentType]: true }) : []);
  const built = call(response);
  return {
    operationId: raw.operationId,
    pointer: raw.pointer,
    method: raw.method,
    path: raw.path,
    urlPath: requestPath(splitPathKey(raw.path)),
    requestMediaTypes: bodiless ? [] : orderedMediaTypes(deref(ctx.document, raw.op.requestBody)?.content),
    responseMediaTypes,
    accept,
    source: raw.source,
    ...(typeof raw.op.summary === 'string' ? { summary: raw.op.summary } : {}),
    ...(typeof raw.op.description === 'string' ? { description: raw.op.description } : {}),
    deprecated: raw.op.deprecated === true,
    methodName,
    pathParams,
    optionParams,
    ...(body ? { body } : {}),
    ...(params ? { params } : {}),
    requestForms: alternatives,
    responseForms:
      built.kind === 'request' && response.kind !== 'none'
        ? responseForms(raw, success?.status, accept, response, prefix, ctx)
        : [],
    call: built,
    security,
    errorStatuses: Object.keys(raw.op.responses ?? {})
      .filter((s) => /^[45]/.test(s))
      .sort(),
    codeSamples: (Array.isArray(raw.op['x-codeSamples']) ? raw.op['x-codeSamples'] : [])
      .filter((s: any) => typeof s?.lang === 'string' && typeof s?.source === 'string')
      .map((s: any) => ({ lang: s.lang, source: s.source })),
  };
}

function operationSecurity(raw: RawOperation, ctx: OperationContext): string[][] {
  const requirements = Array.isArray(raw.op.security) ? raw.op.security : [];
  const alternatives: string[][] = [];
  for (const requirement of requirements) {
    const names = Object.keys(requirement ?? {}).sort();
    const unknown = names.filter((n) => !Object.hasOwn(ctx.schemes, n));
    if (unknown.length) {
      ctx.warnings.push({
        pointer: `${raw.pointer}/security`,
        message: `security scheme(s) ${unknown.join(', ')} not supported or not declared; ignored`,
      });
    }
    alternatives.push(names.filter((n) => Object.hasOwn(ctx.schemes, n)));
  }
  return alternatives.some((a) => a.length === 0) ? [] : alternatives;
}

/** `in:name` keys of parameters the security schemes of this operation already send. */
function credentialParams(security: string[][], schemes: Record<string, SecuritySchemeModel>): Set<string> {
  const keys = new Set<string>();
  for (const name of security.flat()) {
    const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
    if (!scheme) continue;
    if (scheme.kind !== 'apiKey') keys.add('header:authorization');
    else keys.add(`${scheme.in}:${scheme.in === 'header' ? scheme.name.toLowerCase() : scheme.name}`);
  }
  return keys;
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
interface RequestForm {
  contentType: string;
  media: any;
  schema: any;
  body: BodyModel;
}

/**
 * Every request media type of an operation, the main one (JSON first, see media-types.ts) first. The main form
 * spreads a plain object body into the params object; the others follow its layout (see {@link alternativeForm}).
 */
function requestForms(
  raw: RawOperation,
  ctx: OperationContext,
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
function formSuffix(contentType: string): string {
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
  ctx: OperationContext,
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
  ctx: OperationContext,
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
function alternativeForm(
  raw: RawOperation,
  form: RequestForm,
  mainParams: ParamsModel | undefined,
  fields: ParamModel[],
  prefix: string,
  ctx: OperationContext,
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
function modelTypeFor(schema: unknown, wanted: string, ctx: OperationContext): string {
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
  ctx: OperationContext,
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
function paramsSchema(
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
function paramsRequired(params: ParamModel[], body: FlattenedBody | undefined, bodySchema: any): boolean {
  if (params.some((p) => p.required)) return true;
  if (!body) return false;
  const required: unknown[] = Array.isArray(bodySchema?.required) ? bodySchema.required : [];
  return required.some((key) => body.properties.includes(key as string));
}

/** What the method returns for one success media type; `typeName` names a JSON body's synthesized type. */
function buildResponse(
  media: { contentType: string; schema: unknown } | undefined,
  typeName: string,
  ctx: OperationContext,
): ResponseModel {
  if (!media) return { kind: 'none' };
  const kind = mediaKind(media.contentType);
  switch (kind) {
    case 'sse':
    case 'ndjson':
      return streamResponse(kind, deref(ctx.document, media.schema), media.schema, typeName, ctx);
    case 'unknown':
      return { kind: 'json', type: { kind: 'builtin', text: 'unknown' } };
    case 'text':
    case 'binary':
      return { kind };
    case 'json':
      return { kind, type: { kind: 'model', name: modelTypeFor(media.schema ?? {}, typeName, ctx) } };
  }
}

/**
 * The success media types a caller may choose with `accept`: the main one first (what `response` describes), then
 * the others the response declares, each typed for what the runtime returns for it.
 */
function responseForms(
  raw: RawOperation,
  status: string | undefined,
  accept: string,
  response: ResponseModel,
  prefix: string,
  ctx: OperationContext,
): ResponseFormModel[] {
  const content = deref(ctx.document, raw.op.responses?.[status ?? ''])?.content;
  const others = orderedMediaTypes(content).filter((type) => type !== accept);
  if (!others.length) return [];
  return [
    { mediaType: accept, response },
    ...others.map((mediaType) => ({
      mediaType,
      response: buildResponse(
        { contentType: mediaType, schema: content[contentKeyOf(content, mediaType)!]?.schema },
        `${prefix}${formSuffix(mediaType)}Response`,
        ctx,
      ),
    })),
  ];
}

/**
 * A stream's item: the media type's schema describes one event's data (sse) or one line (ndjson). Data typed as a
 * plain string, or no schema at all, stays text for events; NDJSON lines are always JSON.
 */
function streamResponse(
  format: 'sse' | 'ndjson',
  resolved: any,
  schema: unknown,
  typeName: string,
  ctx: OperationContext,
): ResponseModel {
  const text = !resolved || (resolved.type === 'string' && !resolved.contentMediaType);
  if (format === 'sse' && text)
    return { kind: 'stream', format, item: { kind: 'builtin', text: 'string' }, json: false };
  if (!resolved) return { kind: 'stream', format, item: { kind: 'builtin', text: 'unknown' }, json: true };
  return {
    kind: 'stream',
    format,
    item: {
      kind: 'model',
      name: modelTypeFor(schema, typeName.replace(/Response$/, format === 'sse' ? 'Event' : 'Item'), ctx),
    },
    json: true,
  };
}

function collectErrors(raw: RawOperation, ctx: OperationContext) {
  for (const [status, response] of Object.entries<any>(raw.op.responses ?? {})) {
    if (!/^[45]/.test(status)) continue;
    const media = pickContent(deref(ctx.document, response)?.content);
    if (media && /json/i.test(media[0]) && media[1]?.schema) ctx.errorSchemas.push(media[1].schema);
  }
}

function exampleOf(param: any, document: OpenAPIDocument): { example?: unknown } {
  const schema = deref(document, param.schema);
  const nested = Array.isArray(schema?.oneOf) ? schema.oneOf.map((s: unknown) => deref(document, s)) : [];
  const candidates = [
    param.example,
    schema?.example,
    schema?.examples?.[0],
    ...nested.map((s: any) => s?.example ?? s?.enum?.[0]),
    schema?.enum?.[0],
  ];
  const found = candidates.find((v) => v !== undefined && v !== null);
  return found === undefined ? {} : { example: found };
}
