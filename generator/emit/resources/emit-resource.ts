import {
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type ImportDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type SourceFileStructure,
  type VariableStatementStructure,
} from 'ts-morph';
import { isIdentifier } from '../../model/identifiers.js';
import { usageExample, type ExampleContext } from '../package/examples.js';
import { SAMPLE_LANGS } from '../samples/check-samples.js';
import { importOf } from './print.js';
import type {
  CallModel,
  OperationModel,
  OptionParamModel,
  ResourceModel,
  ResponseModel,
  TypeRef,
} from '../../model/types.js';
import {
  cookieValue,
  groupImports,
  headerValue,
  objectOf as objectOfWith,
  pathValue,
  plainQuery,
  streamResult,
  wireParts,
  type WireImport,
} from './wire-spec.js';
import { blockComment, objectLiteral, stringLiteral, templateLiteralText } from '../escape.js';

/**
 * Emits one resource class: a thin method per operation that hands a request description to the runtime. A list's
 * pagination declaration is a module constant built by its style's factory, so the method names it in one line.
 */
/** Examples without schemas to read: a call with placeholder arguments (for emitter tests that build a model by hand). */
const NO_SCHEMAS: ExampleContext = { document: {}, schemaOf: () => undefined };

export function emitResource(
  resource: ResourceModel,
  packageName?: string,
  examples: ExampleContext = NO_SCHEMAS,
): SourceFileStructure {
  const modelTypes = new Set<string>();
  const styles = new Map<string, string>();
  const pagings: VariableStatementStructure[] = [];
  let usesPath = false;
  let plain = false;
  // Wire-format encoders (styles, forms, multipart, streams): imported by the files whose operations use them.
  const wire: WireImport[] = [];
  const methods = resource.operations.map((operation) => {
    for (const ref of typeRefs(operation)) if (ref.kind === 'model') modelTypes.add(ref.name);
    usesPath ||= operation.pathParams.length > 0;
    const { call } = operation;
    switch (call.kind) {
      case 'request':
        plain = true;
        break;
      case 'paginated':
        styles.set(call.pageStyle.module, call.pageStyle.factory);
        pagings.push({
          kind: StructureKind.VariableStatement,
          leadingTrivia: '\n',
          docs: [
            `How \`${operation.methodName}\` pages, as declared and checked against the spec at generation time.`,
          ],
          declarationKind: VariableDeclarationKind.Const,
          declarations: [
            {
              name: call.pagingName,
              initializer: `${call.pageStyle.factory}(${objectLiteral(call.pagination)})`,
            },
          ],
        });
        break;
    }
    return emitMethod(resource, operation, packageName, wire, examples);
  });
  const imports: ImportDeclarationStructure[] = [
    importOf('../core/resource.js', ['APIResource']),
    ...(plain ? [importOf('../core/api-promise.js', ['APIPromise'], true)] : []),
    ...(styles.size
      ? [
          importOf('../core/pagination.js', ['requestPage']),
          importOf('../core/pagination.js', ['PagePromise'], true),
        ]
      : []),
    // One module per pagination style, so a bundle carries only the styles its operations use.
    ...[...styles]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([module, factory]) => importOf(`../core/${module}`, [factory])),
    importOf('../core/request-options.js', ['RequestOptions'], true),
    ...(usesPath ? [importOf('../core/internal/path.js', ['path'])] : []),
    ...groupImports(wire).map((group) => importOf(`../core/${group.module}`, group.names, group.typeOnly)),
    ...(modelTypes.size ? [importOf('../models.js', [...modelTypes].sort(), true)] : []),
    ...resource.children.map((child) => importOf(`./${child.fileName}.js`, [child.className])),
  ];
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    ...(resource.description ? { docs: [blockComment(resource.description)] } : {}),
    // Field initializers run after APIResource's constructor, so `this._client` is set.
    properties: resource.children.map((child) => ({
      name: child.propertyName,
      isReadonly: true,
      type: child.className,
      initializer: `new ${child.className}(this._client)`,
      ...(child.description ? { docs: [blockComment(child.description)] } : {}),
    })),
    methods,
  };
  return { kind: StructureKind.SourceFile, statements: [...imports, ...pagings, cls] };
}

/** Every type an operation's signature names. */
function typeRefs(op: OperationModel): TypeRef[] {
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

function emitMethod(
  resource: ResourceModel,
  op: OperationModel,
  packageName: string | undefined,
  wire: WireImport[],
  examples: ExampleContext,
): OptionalKind<MethodDeclarationStructure> {
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
  const empty = op.params && paramNames(op).some(isInherited) ? `({} as ${op.params.typeName})` : '{}';
  if (op.params) {
    parameters.push(
      op.params.required
        ? { name: 'params', type: op.params.typeName }
        : { name: 'params', type: `${op.params.typeName} | null | undefined`, initializer: empty },
    );
  }
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  // Built now, not in the writer callback (which runs at print time): it records the imports the file needs.
  const spec = requestSpec(op, wire);
  const { call } = op;
  const stream =
    call.kind === 'request' && call.response.kind === 'stream'
      ? streamResult(call.response, typeText(call.response.item), wire)
      : undefined;
  return {
    name: op.methodName,
    parameters,
    returnType: returnType(op.call),
    docs: [methodDocs(resource, op, packageName, examples)],
    statements: (writer) => {
      if (op.params && !queryOnly(op)) writer.writeLine(`const p = params ?? ${empty};`);
      switch (call.kind) {
        case 'paginated':
          writer.write(
            `return requestPage<${call.itemTypeName}, ${call.pageTypeName}>(this._client, ${spec}, ${call.pagingName}, options);`,
          );
          break;
        case 'request':
          writer.write(
            `return this._client.request<${resultType(call.response)}>(${spec}, options${stream ? `, ${stream.decode}` : ''});`,
          );
          break;
      }
    },
  };
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

/**
 * Params that are all plain query parameters go to the runtime as they are: it drops undefined ones and encodes the
 * rest. A styled one is written by its serialization, so it must be picked out by name.
 */
function queryOnly(op: OperationModel): boolean {
  return (
    op.params !== undefined &&
    op.body?.kind !== 'flattened' &&
    op.optionParams.every((p) => p.in === 'query' && !p.serialization) &&
    op.pathParams.every((p) => p.positional)
  );
}

/**
 * Reads one wire name from the params object. A name `Object.prototype` has (`constructor`, `toString`,
 * `__proto__`) is read only when the caller gave it: otherwise `p.constructor` would send `function Object()`.
 */
function access(name: string): string {
  const read =
    isIdentifier(name, 'property') && name !== '__proto__' ? `p.${name}` : `p[${stringLiteral(name)}]`;
  return isInherited(name) ? `(Object.hasOwn(p, ${stringLiteral(name)}) ? ${read} : undefined)` : read;
}

/** A name every object has through `Object.prototype`, so reading it from a plain object finds something. */
export function isInherited(name: string): boolean {
  return name in Object.prototype;
}

function paramNames(op: OperationModel): string[] {
  return [
    ...op.optionParams.map((p) => p.wireName),
    ...(op.body?.kind === 'flattened' ? op.body.properties : []),
  ];
}

const objectOf = (names: string[]) => objectOfWith(names, access);

function propertyKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : stringLiteral(name);
}

function requestSpec(op: OperationModel, wire: WireImport[]): string {
  const parts = [`method: '${op.method}'`, `path: ${pathExpression(op, wire)}`];
  const byLocation = (location: OptionParamModel['in']) => op.optionParams.filter((p) => p.in === location);
  const query = plainQuery(op);
  const headers = byLocation('header');
  const cookies = byLocation('cookie');
  if (queryOnly(op)) parts.push(`query: ${op.params?.required ? 'params' : 'params ?? {}'}`);
  else if (query.length) parts.push(`query: ${objectOf(query)}`);
  if (headers.length || cookies.length) {
    const cookie = cookies.length ? [`Cookie: ${cookieValue(cookies, access, wire)}`] : [];
    parts.push(
      `headers: { ${[...headers.map((h) => `${propertyKey(h.wireName)}: ${headerValue(h, access, wire)}`), ...cookie].join(', ')} }`,
    );
  }
  parts.push(...wireParts(op, access, wire));
  if (op.security.length) parts.push(`security: ${objectLiteral(op.security)}`);
  return `{ ${parts.join(', ')} }`;
}

/** The path sent: no `#fragment`, a literal `?query` kept (the runtime joins the call's query to it). */
function pathExpression(op: OperationModel, wire: WireImport[]): string {
  if (!op.pathParams.length) return stringLiteral(op.urlPath);
  // Split at the parameters first, so escaping never touches the `{name}` placeholders.
  const template = op.urlPath
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      const param = name === undefined ? undefined : op.pathParams.find((p) => p.wireName === name);
      return param
        ? `\${${pathValue(param, wire, param.positional ? param.argName : access(param.wireName))}}`
        : templateLiteralText(part);
    })
    .join('');
  return `path\`${template}\``;
}

function methodDocs(
  resource: ResourceModel,
  op: OperationModel,
  packageName: string | undefined,
  examples: ExampleContext,
): string {
  const lines: string[] = [];
  if (op.summary) lines.push(op.summary);
  if (op.description && op.description.trim() !== op.summary?.trim()) lines.push('', op.description.trim());
  lines.push('', `\`${op.method.toUpperCase()} ${op.path}\` (operationId \`${op.operationId}\`)`);
  if (op.deprecated) lines.push('', '@deprecated');
  // The model keeps only samples that type-check against this package (emit/samples/keep-checked.ts).
  const sample = op.codeSamples.find((s) => SAMPLE_LANGS.test(s.lang));
  // The spec's samples import the vendor's own SDK; the example shows this package instead.
  const source =
    sample && packageName
      ? sample.source.replace(/^(import \w+ from )(['"])[^'"]+\2;?$/m, `$1'${packageName}';`)
      : sample?.source;
  // Without a sample of the spec's own, an example built from the signature.
  lines.push('', '@example', '```ts', source?.trim() ?? usageExample(examples, resource, op), '```');
  return blockComment(lines.join('\n'));
}
