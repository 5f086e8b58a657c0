import type { OptionalKind, ParameterDeclarationStructure } from 'ts-morph';
import type { CallModel, OperationModel, ResponseModel, TypeRef } from '../../model/types.js';

/**
 * The one signature of an operation, shared by its standalone function and its class method (which forwards to the
 * function), so a change to how an operation is called lands in both.
 */
export interface OperationSignature {
  /** The call's parameters after the client, in order: positional path params, body, params, options. */
  parameters: OptionalKind<ParameterDeclarationStructure>[];
  returnType: string;
  /** The params object's default: `{}`, or `({} as P)` when P has a member named like one of Object's. */
  emptyParams: string;
}

export function operationSignature(op: OperationModel): OperationSignature {
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = op.pathParams
    .filter((p) => p.positional)
    .map((p) => ({ name: p.argName, type: 'string' }));
  const paramsOptional = !op.params?.required;
  if (op.body?.kind === 'whole') {
    const type = typeText(op.body.type);
    parameters.push(
      op.body.required
        ? { name: 'body', type }
        : paramsOptional
          ? { name: 'body', type, hasQuestionToken: true }
          : { name: 'body', type: `${type} | undefined` },
    );
  }
  // `{}` is not assignable to a params type with a member named like one of Object's (`toString?: string`):
  // TypeScript compares it with the inherited method. The empty object is cast to the params type then.
  const emptyParams = op.params && paramNames(op).some(isInherited) ? `({} as ${op.params.typeName})` : '{}';
  if (op.params) {
    parameters.push(
      op.params.required
        ? { name: 'params', type: op.params.typeName }
        : { name: 'params', type: `${op.params.typeName} | null | undefined`, initializer: emptyParams },
    );
  }
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  return { parameters, returnType: returnType(op.call), emptyParams };
}

/** Every type an operation's signature names. */
export function typeRefs(op: OperationModel): TypeRef[] {
  const refs: TypeRef[] = [];
  if (op.params) refs.push({ kind: 'model', name: op.params.typeName });
  if (op.body?.kind === 'whole') refs.push(op.body.type);
  switch (op.call.kind) {
    case 'request':
      if (op.call.response.kind === 'json') refs.push(op.call.response.type);
      break;
    case 'paginated':
      refs.push({ kind: 'model', name: op.call.pageTypeName }, { kind: 'model', name: op.call.itemTypeName });
      break;
  }
  return refs;
}

export function typeText(ref: TypeRef): string {
  return ref.kind === 'model' ? ref.name : ref.text;
}

function returnType(call: CallModel): string {
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

/** A name every object has through `Object.prototype`, so reading it from a plain object finds something. */
export function isInherited(name: string): boolean {
  return name in Object.prototype;
}

/** The wire names the params object holds: option params and flattened body fields. */
export function paramNames(op: OperationModel): string[] {
  return [
    ...op.optionParams.map((p) => p.wireName),
    ...(op.body?.kind === 'flattened' ? op.body.properties : []),
  ];
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
  if (op.call.kind === 'request' && op.call.response.kind === 'stream') {
    imports.push({ module: 'streaming.js', name: 'Stream', typeOnly: true });
    if (op.call.response.format === 'sse')
      imports.push({ module: 'streaming.js', name: 'ServerSentEvent', typeOnly: true });
  }
  if (op.body?.kind === 'whole' && op.body.type.kind === 'builtin' && op.body.encoding === 'binary')
    imports.push({ module: 'uploads.js', name: 'Uploadable', typeOnly: true });
  return imports;
}

/** The model types a signature names, sorted. */
export function modelTypes(ops: readonly OperationModel[]): string[] {
  const names = new Set<string>();
  for (const op of ops) for (const ref of typeRefs(op)) if (ref.kind === 'model') names.add(ref.name);
  return [...names].sort();
}
