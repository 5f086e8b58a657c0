import {
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type ImportDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type SourceFileStructure,
  type VariableStatementStructure,
} from 'ts-morph';
import { isIdentifier } from '../../model/identifiers.js';
import { usageExample, type ExampleContext } from '../package/examples.js';
import { SAMPLE_LANGS } from '../samples/check-samples.js';
import { importOf } from './print.js';
import type { OperationModel, OptionParamModel, ResourceModel } from '../../model/types.js';
import {
  cookieValue,
  groupImports,
  headerValue,
  objectOf as objectOfWith,
  pathValue,
  plainQuery,
  wireParts,
  type WireImport,
} from './wire-spec.js';
import { blockComment, objectLiteral, stringLiteral, templateLiteralText } from '../escape.js';
import { callSignature, isInherited, queryOnly, signatureTypes, type SpecValues } from './signature.js';

export { isInherited, resultType, typeText } from './signature.js';

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
    for (const name of signatureTypes(operation)) modelTypes.add(name);
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

function emitMethod(
  resource: ResourceModel,
  op: OperationModel,
  packageName: string | undefined,
  wire: WireImport[],
  examples: ExampleContext,
): OptionalKind<MethodDeclarationStructure> {
  // Built now, not in the writer callback (which runs at print time): it records the imports the file needs.
  const signature = callSignature(
    op,
    (form, values) => requestSpec(form, wire, values),
    wire,
    'this._client',
  );
  const docs = methodDocs(resource, op, packageName, examples);
  const { implementation } = signature;
  return {
    name: op.methodName,
    typeParameters: implementation.typeParameters,
    parameters: implementation.parameters,
    returnType: implementation.returnType,
    // Callers see the overloads' docs; the main form's carries the full comment, each alternative says what it sends.
    ...(signature.overloads.length
      ? {
          overloads: signature.overloads.map((shape) => ({
            typeParameters: shape.typeParameters,
            parameters: shape.parameters,
            returnType: shape.returnType,
            docs: [
              shape.contentType === undefined
                ? docs
                : blockComment(
                    `${op.summary ? `${op.summary}\n\n` : ''}Sends the body as \`${shape.contentType}\`: pass \`{ contentType: ${stringLiteral(shape.contentType)} }\` in the request options.`,
                  ),
            ],
          })),
        }
      : { docs: [docs] }),
    statements: (writer) => {
      for (const line of signature.statements) writer.writeLine(line);
    },
  };
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

const objectOf = (names: string[]) => objectOfWith(names, access);

function propertyKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : stringLiteral(name);
}

function requestSpec(op: OperationModel, wire: WireImport[], values: SpecValues = {}): string {
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
  parts.push(...wireParts(op, access, wire, values));
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
