import { StructureKind, type ClassDeclarationStructure, type ImportDeclarationStructure, type MethodDeclarationStructure, type OptionalKind, type ParameterDeclarationStructure, type SourceFileStructure } from 'ts-morph';
import type { OperationModel, PaginationModel, ParamModel, ResourceModel } from '../../model/types.js';
import { docComment } from '../types/emit-models.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The runtime module and factory of each pagination style (templates/runtime/internal/pages/). */
const PAGE_STYLES: Record<PaginationModel['style'], { file: string; factory: string }> = {
  cursor: { file: 'cursor', factory: 'cursorPages' },
  has_more: { file: 'has-more', factory: 'hasMorePages' },
  page_number: { file: 'page-number', factory: 'pageNumberPages' },
  offset: { file: 'offset', factory: 'offsetPages' },
  next_cursor: { file: 'next-cursor', factory: 'nextCursorPages' },
  link_header: { file: 'link-header', factory: 'linkHeaderPages' },
};

/** Emits one resource class: a thin method per operation that hands a request description to the runtime. */
export function emitResource(resource: ResourceModel, packageName?: string): SourceFileStructure {
  const modelTypes = new Set<string>();
  let usesPath = false;
  let paginated = false;
  const styles = new Set<PaginationModel['style']>();
  let plain = false;
  const methods = resource.operations.map((operation) => {
    for (const name of [operation.paramsTypeName, operation.responseTypeName, operation.itemTypeName, operation.body?.modelTypeName]) {
      if (name && IDENTIFIER.test(name)) modelTypes.add(name);
    }
    usesPath ||= operation.pathParams.length > 0;
    if (operation.pagination) {
      paginated = true;
      styles.add(operation.pagination.style);
    }
    else plain = true;
    return emitMethod(operation, packageName);
  });
  const imports: ImportDeclarationStructure[] = [
    importOf('../core/resource.js', ['APIResource']),
    ...(plain ? [importOf('../core/api-promise.js', ['APIPromise'], true)] : []),
    ...(paginated ? [importOf('../core/pagination.js', ['requestPage']), importOf('../core/pagination.js', ['PagePromise'], true)] : []),
    // One module per pagination style, so a bundle carries only the styles its operations use.
    ...[...styles].sort().map((style) => importOf(`../core/internal/pages/${PAGE_STYLES[style].file}.js`, [PAGE_STYLES[style].factory])),
    importOf('../core/request-options.js', ['RequestOptions'], true),
    ...(usesPath ? [importOf('../core/internal/path.js', ['path'])] : []),
    ...(modelTypes.size ? [importOf('../models.js', [...modelTypes].sort(), true)] : []),
    ...resource.children.map((child) => importOf(`./${child.fileName}.js`, [child.className])),
  ];
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    ...(resource.description ? { docs: [resource.description] } : {}),
    // Field initializers run after APIResource's constructor, so `this._client` is set.
    properties: resource.children.map((child) => ({
      name: child.propertyName,
      isReadonly: true,
      type: child.className,
      initializer: `new ${child.className}(this._client)`,
      ...(child.description ? { docs: [child.description] } : {}),
    })),
    methods,
  };
  return { kind: StructureKind.SourceFile, statements: [...imports, cls] };
}

export function importOf(module: string, names: string[], typeOnly = false): ImportDeclarationStructure {
  return { kind: StructureKind.ImportDeclaration, moduleSpecifier: module, namedImports: names, isTypeOnly: typeOnly };
}

function emitMethod(op: OperationModel, packageName: string | undefined): OptionalKind<MethodDeclarationStructure> {
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = op.pathParams.filter((p) => p.positional !== false).map((p) => ({ name: p.argName, type: 'string' }));
  const wholeBody = op.body && !op.body.flattened ? op.body : undefined;
  const paramsOptional = !op.paramsTypeName || !op.paramsRequired;
  if (wholeBody) {
    const type = wholeBody.typeExpression ?? 'unknown';
    parameters.push(wholeBody.required ? { name: 'body', type } : paramsOptional ? { name: 'body', type, hasQuestionToken: true } : { name: 'body', type: `${type} | undefined` });
  }
  if (op.paramsTypeName) {
    parameters.push(op.paramsRequired ? { name: 'params', type: op.paramsTypeName } : { name: 'params', type: `${op.paramsTypeName} | null | undefined`, initializer: '{}' });
  }
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  const returnType = op.pagination
    ? `PagePromise<${op.itemTypeName ?? 'unknown'}, ${op.responseTypeName ?? 'unknown'}>`
    : `APIPromise<${resultType(op)}>`;
  return {
    name: op.methodName,
    parameters,
    returnType,
    docs: [methodDocs(op, packageName)],
    statements: (writer) => {
      const spec = requestSpec(op);
      if (op.paramsTypeName) writer.writeLine(`const p = params ?? {};`);
      if (op.pagination) {
        writer.write(`return requestPage<${op.itemTypeName ?? 'unknown'}, ${op.responseTypeName ?? 'unknown'}>(this._client, ${spec}, ${PAGE_STYLES[op.pagination.style].factory}(${JSON.stringify(op.pagination)}), options);`);
      } else {
        writer.write(`return this._client.request<${resultType(op)}>(${spec}, options);`);
      }
    },
  };
}

function resultType(op: OperationModel): string {
  switch (op.responseKind) {
    case 'none':
      return 'void';
    case 'text':
      return 'string';
    case 'binary':
      return 'Blob';
    default:
      return op.responseTypeName ?? 'unknown';
  }
}

function access(param: ParamModel | string): string {
  const name = typeof param === 'string' ? param : param.wireName;
  return IDENTIFIER.test(name) ? `p.${name}` : `p[${JSON.stringify(name)}]`;
}

/** An object literal of wire names; `__proto__` is written as a computed key, which defines a property. */
function objectOf(names: string[]): string {
  return `{ ${names.map((n) => `${n === '__proto__' ? `[${JSON.stringify(n)}]` : JSON.stringify(n)}: ${access(n)}`).join(', ')} }`;
}

function requestSpec(op: OperationModel): string {
  const parts = [`method: '${op.method}'`, `path: ${pathExpression(op)}`];
  const byLocation = (location: ParamModel['in']) => op.optionParams.filter((p) => p.in === location).map((p) => p.wireName);
  const query = byLocation('query');
  const headers = byLocation('header');
  const cookies = byLocation('cookie');
  if (query.length) parts.push(`query: ${objectOf(query)}`);
  if (headers.length || cookies.length) {
    const cookie = cookies.length ? [`Cookie: [${cookies.map((c) => `${access(c)} === undefined ? undefined : ${JSON.stringify(c + '=')} + encodeURIComponent(String(${access(c)}))`).join(', ')}].filter(Boolean).join('; ') || undefined`] : [];
    parts.push(`headers: { ${[...headers.map((h) => `${h === '__proto__' ? `[${JSON.stringify(h)}]` : JSON.stringify(h)}: ${access(h)}`), ...cookie].join(', ')} }`);
  }
  if (op.body) {
    parts.push(`body: ${op.body.flattened ? objectOf(op.body.properties) : 'body'}`, `bodyType: '${op.body.type}'`);
  }
  if (op.security.length) parts.push(`security: ${JSON.stringify(op.security)}`);
  return `{ ${parts.join(', ')} }`;
}

function pathExpression(op: OperationModel): string {
  if (!op.pathParams.length) return JSON.stringify(op.path);
  const escaped = op.path.replace(/[`\\$]/g, (c) => `\\${c}`);
  const template = escaped.replace(/\{([^}]+)\}/g, (match, wire: string) => {
    const param = op.pathParams.find((p) => p.wireName === wire);
    if (!param) return match;
    return param.positional !== false ? `\${${param.argName}}` : `\${${access(param)}}`;
  });
  return `path\`${template}\``;
}

function methodDocs(op: OperationModel, packageName: string | undefined): string {
  const lines: string[] = [];
  if (op.summary) lines.push(op.summary);
  if (op.description && op.description.trim() !== op.summary?.trim()) lines.push('', op.description.trim());
  lines.push('', `\`${op.method.toUpperCase()} ${op.path}\` (operationId \`${op.operationId}\`)`);
  if (op.deprecated) lines.push('', '@deprecated');
  const sample = op.codeSamples.find((s) => /^(javascript|typescript|js|ts|node)/i.test(s.lang));
  // The spec's samples import the vendor's own SDK; the example shows this package instead.
  const source = sample && packageName ? sample.source.replace(/^(import \w+ from )(['"])[^'"]+\2;?$/m, `$1'${packageName}';`) : sample?.source;
  if (source) lines.push('', '@example', '```ts', source.trim(), '```');
  return lines.join('\n').replaceAll('*/', '*\\/');
}
