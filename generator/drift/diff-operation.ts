import type { OpenAPIDocument } from '../load/types.js';
import { deref } from '../model/refs.js';
import type { RawOperation } from '../model/raw-operations.js';
import { bodyTypeText, itemTypeName, responseKind, responseTypeName } from '../model/facts.js';
import { successResponse } from '../model/responses.js';
import type { OperationModel, ParamModel } from '../model/types.js';
import type { ChangeSet } from './changes.js';
import type { ChangeFacts } from './classify.js';
import { diffSchema, type SchemaContext } from './diff-schema.js';

/** One included operation on both sides: the raw operation and what the model made of it. */
export interface OperationPair {
  before: { raw: RawOperation; model: OperationModel; method: string };
  after: { raw: RawOperation; model: OperationModel; method: string };
}

export type SchemaContextFor = (direction: SchemaContext['direction']) => SchemaContext;

/** Compares one operation: route, docs, security, parameters, request body, success and error responses. */
export function diffOperation(
  changes: ChangeSet,
  pair: OperationPair,
  contextFor: SchemaContextFor,
  errorType: string | undefined,
): void {
  const { before, after } = pair;
  const id = after.raw.operationId;
  const label = `${after.raw.method.toUpperCase()} ${after.raw.path}`;
  const add = (
    facts: ChangeFacts,
    message: string,
    extra: { location?: string; types?: readonly string[]; before?: unknown; after?: unknown } = {},
  ) => changes.add({ facts, location: extra.location ?? label, message, operation: id, ...extra });

  if (before.raw.method !== after.raw.method || before.raw.path !== after.raw.path) {
    add(
      { kind: 'server-changed', direction: 'none' },
      `route ${before.raw.method.toUpperCase()} ${before.raw.path} -> ${label}`,
      { before: `${before.raw.method.toUpperCase()} ${before.raw.path}`, after: label },
    );
  }
  if (before.method !== after.method)
    add({ kind: 'method-moved', direction: 'none' }, `method ${before.method} -> ${after.method}`, {
      before: before.method,
      after: after.method,
    });
  for (const key of ['summary', 'description'] as const) {
    if (before.raw.op[key] !== after.raw.op[key])
      add({ kind: 'description-changed', direction: 'none' }, `${key} changed`, {
        before: before.raw.op[key] ?? null,
        after: after.raw.op[key] ?? null,
      });
  }
  if (JSON.stringify(before.model.codeSamples) !== JSON.stringify(after.model.codeSamples))
    add({ kind: 'example-changed', direction: 'none' }, 'code samples changed');
  if (before.model.deprecated !== after.model.deprecated)
    add(
      { kind: 'deprecated-changed', direction: 'none' },
      after.model.deprecated ? 'operation deprecated' : 'operation no longer deprecated',
    );

  diffSecurity(pair, add);
  diffParameters(pair, contextFor('request'), add, label);
  diffBody(pair, contextFor('request'), add, label);
  diffResponses(pair, contextFor('response'), add, label, errorType);
}

type Add = (
  facts: ChangeFacts,
  message: string,
  extra?: { location?: string; types?: readonly string[]; before?: unknown; after?: unknown },
) => void;

function diffSecurity({ before, after }: OperationPair, add: Add): void {
  const show = (alternatives: string[][]) =>
    alternatives.length
      ? alternatives
          .map((a) => a.join(' + '))
          .sort()
          .join(' or ')
      : 'none';
  const old = show(before.model.security);
  const now = show(after.model.security);
  if (old === now) return;
  const kept = new Set(after.model.security.map((a) => a.join('+')));
  const relaxed =
    after.model.security.length === 0 ||
    (before.model.security.length > 0 && before.model.security.every((a) => kept.has(a.join('+'))));
  add(
    { kind: 'security-changed', direction: 'none', securityRelaxed: relaxed },
    `security ${old} -> ${now}`,
    { before: old, after: now },
  );
}

const paramKey = (p: ParamModel) => `${p.in}:${p.in === 'header' ? p.wireName.toLowerCase() : p.wireName}`;

function diffParameters(pair: OperationPair, ctx: SchemaContext, add: Add, label: string): void {
  const types = [pair.after.model.params?.typeName ?? pair.before.model.params?.typeName].filter(
    (t): t is string => Boolean(t),
  );
  // Path parameters are positional arguments: matched by position, so renaming one in the template is no change.
  const pathPairs = pair.before.model.pathParams.map((p, i) => [p, pair.after.model.pathParams[i]] as const);
  const old = new Map(pair.before.model.optionParams.map((p) => [paramKey(p), p]));
  const now = new Map(pair.after.model.optionParams.map((p) => [paramKey(p), p]));
  const pairs: (readonly [ParamModel | undefined, ParamModel | undefined])[] = [
    ...pathPairs,
    ...pair.after.model.pathParams
      .slice(pair.before.model.pathParams.length)
      .map((p) => [undefined, p] as const),
    ...[...new Set([...old.keys(), ...now.keys()])].sort().map((k) => [old.get(k), now.get(k)] as const),
  ];
  for (const [a, b] of pairs) {
    const param = (b ?? a)!;
    const location = `${label} ${param.in} "${param.wireName}"`;
    if (!b) {
      add({ kind: 'parameter-removed', direction: 'request' }, `${param.in} parameter removed`, {
        location,
        types,
      });
      continue;
    }
    if (!a) {
      add(
        { kind: 'parameter-added', direction: 'request', required: b.required },
        `${b.required ? 'required' : 'optional'} ${b.in} parameter added`,
        { location, types },
      );
      continue;
    }
    if (a.required !== b.required)
      add(
        { kind: b.required ? 'parameter-required' : 'parameter-optional', direction: 'request' },
        b.required ? 'parameter is now required' : 'parameter is now optional',
        { location, types },
      );
    const rawA = rawParam(pair.before.raw, a);
    const rawB = rawParam(pair.after.raw, b);
    if (rawA?.description !== rawB?.description)
      add({ kind: 'description-changed', direction: 'request' }, 'description changed', {
        location,
        types,
        before: rawA?.description ?? null,
        after: rawB?.description ?? null,
      });
    if (JSON.stringify(rawA?.example ?? rawA?.examples) !== JSON.stringify(rawB?.example ?? rawB?.examples))
      add({ kind: 'example-changed', direction: 'request' }, 'example changed', { location, types });
    diffSchema(ctx, located(pair.before.raw, a, rawA), located(pair.after.raw, b, rawB), location, types);
  }
}

function rawParam(raw: RawOperation, param: ParamModel): any {
  return raw.parameters.find((p) => p.param.in === param.in && p.param.name === param.wireName)?.param;
}

function located(raw: RawOperation, param: ParamModel, source: any) {
  const pointer = raw.parameters.find((p) => p.param === source)?.pointer ?? param.pointer;
  return { node: source?.schema ?? {}, pointer: `${pointer}/schema` };
}

function diffBody({ before, after }: OperationPair, ctx: SchemaContext, add: Add, label: string): void {
  const location = `${label} body`;
  const types = [
    after.model.params?.typeName ??
      bodyTypeText(after.model) ??
      before.model.params?.typeName ??
      bodyTypeText(before.model),
  ].filter((t): t is string => Boolean(t));
  const a = before.model.body;
  const b = after.model.body;
  if (!a && !b) return;
  if (!b)
    return add({ kind: 'body-removed', direction: 'request' }, 'request body removed', { location, types });
  if (!a)
    return add(
      { kind: 'body-added', direction: 'request', required: b.required },
      `${b.required ? 'required' : 'optional'} request body added`,
      { location, types },
    );
  if (a.required !== b.required)
    add(
      { kind: b.required ? 'body-required' : 'body-optional', direction: 'request' },
      b.required ? 'request body is now required' : 'request body is now optional',
      { location, types },
    );
  if (a.contentType !== b.contentType)
    add({ kind: 'type-changed', direction: 'request' }, `content type ${a.contentType} -> ${b.contentType}`, {
      location,
      types,
      before: a.contentType,
      after: b.contentType,
    });
  const media = (raw: RawOperation, doc: OpenAPIDocument, contentType: string) => ({
    node: deref(doc, raw.op.requestBody)?.content?.[contentType]?.schema ?? {},
    pointer: `${raw.pointer}/requestBody/content/${contentType}/schema`,
  });
  diffSchema(
    ctx,
    media(before.raw, ctx.before, a.contentType),
    media(after.raw, ctx.after, b.contentType),
    location,
    types,
  );
}

function diffResponses(
  { before, after }: OperationPair,
  ctx: SchemaContext,
  add: Add,
  label: string,
  errorType: string | undefined,
): void {
  const location = `${label} response`;
  const types = [responseTypeName(after.model), itemTypeName(after.model)].filter((t): t is string =>
    Boolean(t),
  );
  if (responseKind(before.model) !== responseKind(after.model)) {
    add(
      { kind: 'response-changed', direction: 'response' },
      `response ${responseKind(before.model)} -> ${responseKind(after.model)}`,
      { location, types, before: responseKind(before.model), after: responseKind(after.model) },
    );
  } else if (responseKind(after.model) === 'json') {
    diffSchema(
      ctx,
      successMedia(before.raw, ctx.before),
      successMedia(after.raw, ctx.after),
      location,
      types,
    );
  }
  const oldErrors = before.model.errorStatuses.join(', ');
  const newErrors = after.model.errorStatuses.join(', ');
  if (oldErrors !== newErrors)
    add(
      { kind: 'description-changed', direction: 'response' },
      `documented error statuses ${oldErrors || '(none)'} -> ${newErrors || '(none)'}`,
      { location, before: before.model.errorStatuses, after: after.model.errorStatuses },
    );
  // Identical error bodies across statuses (common: one error schema everywhere) are compared once.
  const groups = new Map<string, string[]>();
  for (const status of after.model.errorStatuses.filter((s) => before.model.errorStatuses.includes(s))) {
    const key = JSON.stringify([
      jsonSchema(before.raw, ctx.before, status),
      jsonSchema(after.raw, ctx.after, status),
    ]);
    groups.set(key, [...(groups.get(key) ?? []), status]);
  }
  for (const statuses of groups.values()) {
    const status = statuses[0]!;
    const media = (raw: RawOperation, doc: OpenAPIDocument) => ({
      node: jsonSchema(raw, doc, status) ?? {},
      pointer: `${raw.pointer}/responses/${status}`,
    });
    diffSchema(
      ctx,
      media(before.raw, ctx.before),
      media(after.raw, ctx.after),
      `${label} error ${statuses.join('/')}`,
      errorType ? [errorType] : [],
    );
  }
}

/** The success response's schema, chosen by the model's one rule (`model/responses.ts`). */
function successMedia(raw: RawOperation, doc: OpenAPIDocument) {
  const success = successResponse(doc, raw);
  if (success?.media?.schema === undefined) return { node: {}, pointer: `${raw.pointer}/responses` };
  return { node: success.media.schema, pointer: `${raw.pointer}/responses/${success.status}` };
}

function jsonSchema(raw: RawOperation, doc: OpenAPIDocument, status: string): unknown {
  const content = deref(doc, raw.op.responses?.[status])?.content ?? {};
  const json = Object.entries<any>(content).find(([type]) => /json/i.test(type));
  return json?.[1]?.schema;
}
