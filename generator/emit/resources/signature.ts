import type { OptionalKind, ParameterDeclarationStructure } from 'ts-morph';
import { stringLiteral } from '../escape.js';
import type {
  BodyModel,
  CallModel,
  OperationModel,
  ParamsModel,
  ResponseFormModel,
  ResponseModel,
  TypeRef,
} from '../../model/types.js';
import { streamResult, type WireImport } from './wire-spec.js';

/**
 * The one signature of an operation, shared by its standalone function and its class method (which forwards to the
 * function), so a change to how an operation is called lands in both; and the statements that make the call, which
 * the function holds (`client` is how they reach the client: the function's first argument).
 *
 * Every request media type is one overload of the same call, told apart by the `contentType` request option (typed
 * as the declared ones; the main one may be left out), so a body of one media type with the option naming another
 * does not compile. Every form takes the same arguments (see RequestFormModel), so the options are always the last
 * one. A response that comes in several media types makes the call generic in the `accept` option: the result type
 * is looked up by the media type asked for, the main one by default.
 */
export interface OperationSignature {
  /** Empty when the operation has one request form: the implementation is the signature. */
  overloads: SignatureShape[];
  implementation: SignatureShape;
}

export interface SignatureShape {
  typeParameters: string[];
  parameters: OptionalKind<ParameterDeclarationStructure>[];
  returnType: string;
  /** Which request media type an overload sends (alternatives only), for its doc comment. */
  contentType?: string;
}

/** How a request description is built for one form: the resource emitter's `requestSpec`, given the form's op. */
export type SpecBuilder = (op: OperationModel, values: SpecValues) => string;

/** Expressions the request description reads instead of its defaults (the body argument, the chosen Accept). */
export interface SpecValues {
  body?: string;
  accept?: string;
  stream?: string;
}

interface Form {
  body: BodyModel | undefined;
  params: ParamsModel | undefined;
}

export function operationSignature(op: OperationModel): OperationSignature {
  const forms = formsOf(op);
  const accepts = op.responseForms;
  const names = localNames(op);
  const typeParameters = accepts.length
    ? [
        `${names.accept} extends ${accepts.map((r) => stringLiteral(r.mediaType)).join(' | ')} = ${stringLiteral(op.accept)}`,
      ]
    : [];
  const returnType = accepts.length
    ? `APIPromise<${acceptMap(accepts)}[${names.accept}]>`
    : callType(op.call);
  const single = forms.length === 1;
  const contentTypes = forms.map((f) => f.body?.contentType ?? '');
  const options = (index: number) => {
    const extra = [
      ...(single
        ? []
        : index === 0
          ? [`contentType?: ${stringLiteral(contentTypes[0]!)}`]
          : [`contentType: ${stringLiteral(contentTypes[index]!)}`]),
      ...(accepts.length ? [`accept?: ${names.accept}`] : []),
    ];
    return extra.length ? `RequestOptions & { ${extra.join('; ')} }` : 'RequestOptions';
  };
  const shapes = forms.map((form, index): SignatureShape => ({
    typeParameters,
    parameters: [
      ...positional(op),
      ...formParameters(op, form, index > 0, !single),
      index > 0
        ? { name: 'options', type: options(index) }
        : { name: 'options', type: options(0), hasQuestionToken: true },
    ],
    returnType,
    ...(index > 0 ? { contentType: contentTypes[index]! } : {}),
  }));
  if (single) return { overloads: [], implementation: shapes[0]! };
  // The implementation takes what any overload takes; each branch reads its arguments as its form types them.
  const implementation: SignatureShape = {
    typeParameters,
    parameters: [
      ...positional(op),
      ...(op.body?.kind === 'whole'
        ? [{ name: 'body', type: union(forms.map((f) => bodyType(f.body!))), hasQuestionToken: true }]
        : []),
      ...(forms.some((f) => f.params)
        ? [
            {
              name: 'params',
              type: `${union(forms.flatMap((f) => (f.params ? [f.params.typeName] : [])))} | null`,
              hasQuestionToken: true,
            },
          ]
        : []),
      {
        name: 'options',
        type: `RequestOptions & { contentType?: ${contentTypes.map(stringLiteral).join(' | ')}${accepts.length ? `; accept?: ${names.accept}` : ''} }`,
        hasQuestionToken: true,
      },
    ],
    returnType,
  };
  return { overloads: shapes, implementation };
}

/**
 * The statements of the call's implementation: one branch per request form (picked by `options.contentType`), each
 * building its own request description with `spec`.
 */
export function callStatements(
  op: OperationModel,
  spec: SpecBuilder,
  wire: WireImport[],
  names: { client: string; paging: string },
): string[] {
  const forms = formsOf(op);
  const local = localNames(op);
  const call = (form: OperationModel, values: SpecValues) =>
    requestCall(form, spec, values, wire, names, local);
  const lines: string[] = op.responseForms.length ? acceptLines(op, local) : [];
  if (forms.length === 1) {
    const params = forms[0]!.params;
    if (params && needsParamsAlias(op)) lines.push(`const p = params ?? ${emptyParams(op, params)};`);
    lines.push(`return ${call(op, acceptValues(op))};`);
    return lines;
  }
  const hasBody = op.body?.kind === 'whole';
  forms.forEach((form, index) => {
    if (index === 0) return;
    const formOp: OperationModel = { ...op, body: form.body, params: form.params, requestForms: [] };
    const values: SpecValues = {
      ...acceptValues(op),
      ...(form.body?.kind === 'whole' ? { body: `(body as ${bodyType(form.body)})` } : {}),
      ...(form.body?.kind === 'field' ? { body: 'body' } : {}),
    };
    const branch = [
      ...(form.params && needsParamsAlias(formOp)
        ? [`const p = (params ?? ${emptyParams(formOp, form.params)}) as ${form.params.typeName};`]
        : []),
      // A const, so an optional body checked before the encoder's closure stays narrowed inside it.
      ...(form.body?.kind === 'field' ? ['const { body } = p;'] : []),
      `return ${call(formOp, values)};`,
    ];
    lines.push(
      `if (options?.contentType === ${stringLiteral(form.body!.contentType)}) {`,
      ...branch.map((l) => `  ${l}`),
      '}',
    );
  });
  const main = forms[0]!;
  const mainOp: OperationModel = { ...op, requestForms: [] };
  if (main.params && needsParamsAlias(mainOp))
    lines.push(`const p = (params ?? ${emptyParams(mainOp, main.params)}) as ${main.params.typeName};`);
  lines.push(
    `return ${call(mainOp, { ...acceptValues(op), ...(hasBody ? { body: `(body as ${bodyType(main.body!)})` } : {}) })};`,
  );
  return lines;
}

function formsOf(op: OperationModel): Form[] {
  return [
    { body: op.body, params: op.params },
    ...op.requestForms.map((form) => ({ body: form.body, params: form.params })),
  ];
}

/** The type parameter of the chosen Accept and the alias of its result, in the method's scope. */
interface LocalNames {
  accept: string;
  result: string;
}

/**
 * Local names that shadow none of the types the signature and body name: a schema called `A` or `Result` keeps
 * meaning the schema inside the method.
 */
function localNames(op: OperationModel): LocalNames {
  const taken = new Set(signatureTypes(op));
  const fresh = (base: string) => {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  };
  return { accept: fresh('A'), result: fresh('Result') };
}

/** Every model type an operation's signature or call names: params, bodies, results, stream items, pages. */
export function signatureTypes(op: OperationModel): string[] {
  const names: string[] = [];
  const ref = (type: TypeRef) => type.kind === 'model' && names.push(type.name);
  const response = (r: ResponseModel) => {
    if (r.kind === 'json') ref(r.type);
    if (r.kind === 'stream') ref(r.item);
  };
  for (const form of [{ body: op.body, params: op.params }, ...op.requestForms]) {
    if (form.params) names.push(form.params.typeName);
    if (form.body?.kind === 'whole') ref(form.body.type);
  }
  if (op.call.kind === 'paginated') names.push(op.call.pageTypeName, op.call.itemTypeName);
  else response(op.call.response);
  for (const form of op.responseForms) response(form.response);
  return names;
}

/** The positional path argument (the last path parameter). */
function positional(op: OperationModel): OptionalKind<ParameterDeclarationStructure>[] {
  return op.pathParams.filter((p) => p.positional).map((p) => ({ name: p.argName, type: 'string' }));
}

/**
 * The body and params arguments of one form. An alternative's options are required (they name its content type),
 * so its earlier arguments cannot be optional: an optional one is typed `| undefined` instead.
 */
function formParameters(
  op: OperationModel,
  form: Form,
  alternative: boolean,
  overload: boolean,
): OptionalKind<ParameterDeclarationStructure>[] {
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = [];
  const paramsOptional = !form.params?.required;
  if (form.body?.kind === 'whole') {
    const type = bodyType(form.body);
    parameters.push(
      form.body.required
        ? { name: 'body', type }
        : paramsOptional && !alternative
          ? { name: 'body', type, hasQuestionToken: true }
          : { name: 'body', type: `${type} | undefined` },
    );
  }
  if (form.params) {
    parameters.push(
      form.params.required
        ? { name: 'params', type: form.params.typeName }
        : alternative
          ? { name: 'params', type: `${form.params.typeName} | null | undefined` }
          : overload
            ? { name: 'params', type: `${form.params.typeName} | null`, hasQuestionToken: true }
            : {
                name: 'params',
                type: `${form.params.typeName} | null | undefined`,
                initializer: emptyParams(op, form.params),
              },
    );
  }
  return parameters;
}

function bodyType(body: BodyModel): string {
  return body.kind === 'flattened' ? 'never' : typeText(body.type);
}

function union(types: string[]): string {
  return [...new Set(types)].join(' | ');
}

export function typeText(ref: TypeRef): string {
  return ref.kind === 'model' ? ref.name : ref.text;
}

/** The result type of each Accept choice, as an object type the method indexes by the chosen one. */
function acceptMap(accepts: ResponseFormModel[]): string {
  return `{ ${accepts.map((r) => `${stringLiteral(r.mediaType)}: ${resultType(r.response)}`).join('; ')} }`;
}

/** The chosen Accept (the main one when the caller names none), read once by the request and its decoder. */
function acceptLines(op: OperationModel, names: LocalNames): string[] {
  return [
    `const accept = options?.accept ?? ${stringLiteral(op.accept)};`,
    `type ${names.result} = ${acceptMap(op.responseForms)}[${names.accept}];`,
  ];
}

function acceptValues(op: OperationModel): SpecValues {
  if (!op.responseForms.length) return {};
  const streams = op.responseForms.filter((r) => r.response.kind === 'stream').map((r) => r.mediaType);
  return {
    accept: 'accept',
    ...(streams.length ? { stream: streams.map((t) => `accept === ${stringLiteral(t)}`).join(' || ') } : {}),
  };
}

function requestCall(
  op: OperationModel,
  spec: SpecBuilder,
  values: SpecValues,
  wire: WireImport[],
  { client, paging }: { client: string; paging: string },
  names: LocalNames,
): string {
  const { call } = op;
  const request = spec(op, values);
  if (call.kind === 'paginated')
    return `requestPage<${call.itemTypeName}, ${call.pageTypeName}>(${client}, ${request}, ${paging}, options)`;
  if (op.responseForms.length) {
    const result = names.result;
    // A stream is read by its own decoder; every other media type by the runtime, by the Content-Type it gets.
    const decoders = op.responseForms.flatMap((r) =>
      r.response.kind === 'stream'
        ? [
            `accept === ${stringLiteral(r.mediaType)} ? ${wrapDecode(streamResult(r.response, typeText(r.response.item), wire).decode, result)}`,
          ]
        : [],
    );
    const decode = decoders.length ? `, ${decoders.join(' : ')} : undefined` : '';
    return `${client}.request<${result}>(${request}, options${decode})`;
  }
  const stream =
    call.response.kind === 'stream'
      ? streamResult(call.response, typeText(call.response.item), wire)
      : undefined;
  return `${client}.request<${resultType(call.response)}>(${request}, options${stream ? `, ${stream.decode}` : ''})`;
}

/** `(response) => sseStream<X>(response, true)` typed as the indexed result, which TypeScript cannot narrow. */
function wrapDecode(decode: string, result: string): string {
  return `(${decode.replace(/^\(response\) => /, '(response: Response) => ')}) as (response: Response) => ${result}`;
}

/** A list call resolves to a page promise; any other to the decoded response. */
export function callType(call: CallModel): string {
  switch (call.kind) {
    case 'paginated':
      return `PagePromise<${call.itemTypeName}, ${call.pageTypeName}>`;
    case 'request':
      return `APIPromise<${resultType(call.response)}>`;
  }
}

/** What a request resolves to; the package docs (api.md) print the same. */
export function resultType(response: ResponseModel): string {
  switch (response.kind) {
    case 'none':
      return 'void';
    case 'text':
      return 'string';
    case 'binary':
      return 'Blob';
    case 'json':
      return typeText(response.type);
    case 'stream':
      return response.format === 'sse'
        ? `Stream<ServerSentEvent<${typeText(response.item)}>>`
        : `Stream<${typeText(response.item)}>`;
  }
}

/**
 * Params that are all plain query parameters go to the runtime as they are: it drops undefined ones and encodes the
 * rest. A styled one is written by its serialization, so it must be picked out by name.
 */
export function queryOnly(op: OperationModel): boolean {
  return (
    op.params !== undefined &&
    (op.body === undefined || op.body.kind === 'whole') &&
    op.optionParams.every((p) => p.in === 'query' && !p.serialization) &&
    op.pathParams.every((p) => p.positional)
  );
}

function needsParamsAlias(op: OperationModel): boolean {
  return op.params !== undefined && !queryOnly(op);
}

/** A name every object has through `Object.prototype`, so reading it from a plain object finds something. */
export function isInherited(name: string): boolean {
  return name in Object.prototype;
}

/**
 * `{}` is not assignable to a params type with a member named like one of Object's (`toString?: string`):
 * TypeScript compares it with the inherited method. The empty object is cast to the params type then.
 */
function emptyParams(op: OperationModel, params: ParamsModel): string {
  const names = [
    ...op.optionParams.map((p) => p.wireName),
    ...(op.body?.kind === 'flattened' ? op.body.properties : []),
  ];
  return names.some(isInherited) ? `({} as ${params.typeName})` : '{}';
}

/** A runtime type a signature names, by its module under `core/`. */
export interface SignatureImport {
  module: string;
  name: string;
  typeOnly: true;
}

/**
 * The runtime types a signature names (its promise, `RequestOptions`, stream and upload types), so the function
 * module and the class module each import what their declarations show, and nothing else. Model types are
 * `modelTypes`.
 */
export function signatureImports(op: OperationModel): SignatureImport[] {
  const imports: SignatureImport[] = [
    op.call.kind === 'paginated'
      ? { module: 'pagination.js', name: 'PagePromise', typeOnly: true }
      : { module: 'api-promise.js', name: 'APIPromise', typeOnly: true },
    { module: 'request-options.js', name: 'RequestOptions', typeOnly: true },
  ];
  const responses =
    op.call.kind === 'request' ? [op.call.response, ...op.responseForms.map((f) => f.response)] : [];
  for (const response of responses) {
    if (response.kind !== 'stream') continue;
    imports.push({ module: 'streaming.js', name: 'Stream', typeOnly: true });
    if (response.format === 'sse')
      imports.push({ module: 'streaming.js', name: 'ServerSentEvent', typeOnly: true });
  }
  for (const { body } of formsOf(op))
    if (body?.kind === 'whole' && body.type.kind === 'builtin' && body.encoding === 'binary')
      imports.push({ module: 'uploads.js', name: 'Uploadable', typeOnly: true });
  return imports;
}

/** The model types a signature names, sorted. */
export function modelTypes(ops: readonly OperationModel[]): string[] {
  return [...new Set(ops.flatMap(signatureTypes))].sort();
}
