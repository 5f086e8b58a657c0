import type { OpenAPIDocument } from '../load/types.js';
import { NameScope, pascalCase, safeIdentifier } from './identifiers.js';
import type { RawOperation } from './raw-operations.js';
import { deref } from './refs.js';
import { acceptFor, contentKeyOf, orderedMediaTypes } from './media-types.js';
import { requestPath, splitPathKey } from './path-key.js';
import {
  alternativeForm,
  formSuffix,
  modelTypeFor,
  paramsRequired,
  paramsSchema,
  requestForms,
  type FormsContext,
} from './request-forms.js';
import { mediaKind, pickContent, successResponse } from './responses.js';
import { parameterSerialization } from './serialization.js';
import type {
  CallModel,
  OperationModel,
  OptionParamModel,
  ParamModel,
  ParamsModel,
  PathParamModel,
  ResponseFormModel,
  ResponseModel,
  SecuritySchemeModel,
} from './types.js';

/** What building one operation needs from the rest of the model. */
export interface OperationContext extends FormsContext {
  schemes: Record<string, SecuritySchemeModel>;
  errorSchemas: unknown[];
}

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
