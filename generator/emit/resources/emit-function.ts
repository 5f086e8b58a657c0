import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type SourceFileStructure,
  type StatementStructures,
} from 'ts-morph';
import { isIdentifier } from '../../model/identifiers.js';
import type { OperationModel, OptionParamModel } from '../../model/types.js';
import { objectLiteral, propertyKey, stringLiteral, templateLiteralText } from '../escape.js';
import { documentedOverloads, functionDocs, type DocsContext } from './operation-docs.js';
import { importOf } from './print.js';
import {
  callStatements,
  isInherited,
  modelTypes,
  operationSignature,
  queryOnly,
  signatureImports,
  type OperationSignature,
  type SignatureShape,
  type SpecValues,
} from './signature.js';
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

/** The module constant of a list's page style, and the function's client parameter (reserved in the model). */
const PAGING = 'paging';
const CLIENT = 'client';

/**
 * Emits `funcs/<file>.ts`: one operation as a standalone function of the core client. It holds the operation's
 * one request literal (the class method forwards here), and imports only what this operation uses: its page style,
 * its wire encoders, its types. A bundle of one function carries no other operation's code.
 */
export function emitFunction(op: OperationModel, ctx: DocsContext): SourceFileStructure {
  const wire: WireImport[] = [...signatureImports(op)];
  const signature = operationSignature(op);
  const statements: StatementStructures[] = [];
  if (op.call.kind === 'paginated') {
    wire.push(
      { module: 'pagination.js', name: 'requestPage' },
      { module: op.call.pageStyle.module, name: op.call.pageStyle.factory },
    );
    statements.push({
      kind: StructureKind.VariableStatement,
      docs: ['How this list pages, as declared and checked against the spec at generation time.'],
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: PAGING,
          initializer: `${op.call.pageStyle.factory}(${objectLiteral(op.call.pagination)})`,
        },
      ],
    });
  }
  if (op.pathParams.length) wire.push({ module: 'internal/path.js', name: 'path' });
  // Built before the imports are listed: building the request records the encoders it names.
  const fn = functionDeclaration(op, signature, wire, ctx);
  const types = modelTypes([op]);
  return {
    kind: StructureKind.SourceFile,
    statements: [
      importOf('../core.js', [ctx.coreClassName], true),
      ...groupImports(wire).map((group) => importOf(`../core/${group.module}`, group.names, group.typeOnly)),
      ...(types.length ? [importOf('../models.js', types, true)] : []),
      ...statements.map((s) => ({ ...s, leadingTrivia: '\n' })),
      fn,
    ],
  };
}

function functionDeclaration(
  op: OperationModel,
  signature: OperationSignature,
  wire: WireImport[],
  ctx: DocsContext,
): FunctionDeclarationStructure {
  // Built now, not in the writer callback (which runs at print time): it records the imports the file needs.
  const statements = callStatements(op, (form, values) => requestSpec(form, wire, values), wire, {
    client: CLIENT,
    paging: PAGING,
  });
  const docs = functionDocs(op, ctx);
  const withClient = (shape: SignatureShape) => ({
    typeParameters: shape.typeParameters,
    parameters: [{ name: CLIENT, type: ctx.coreClassName }, ...shape.parameters],
    returnType: shape.returnType,
  });
  return {
    kind: StructureKind.Function,
    name: op.functionName,
    isExported: true,
    ...withClient(signature.implementation),
    ...documentedOverloads(op, signature, docs, withClient),
    statements: (writer) => {
      for (const line of statements) writer.writeLine(line);
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

function requestSpec(op: OperationModel, wire: WireImport[], values: SpecValues): string {
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
