import ts from 'typescript';
import { emitModels } from '../emit/types/emit-models.js';
import { bodyTypeText, itemTypeName, pagination, responseKind, responseTypeName } from '../model/facts.js';
import { allResources } from '../model/all-resources.js';
import type { ApiModel, OperationModel } from '../model/types.js';

/** How the exported names of the generated package change: `client.resource.method`s and `models.ts` exports. */
export interface SurfaceDiff {
  methods: { added: string[]; removed: string[]; changed: string[] };
  /** `docs`: only the doc comments of the export change. */
  types: { added: string[]; removed: string[]; changed: string[]; docs: string[] };
}

/** Exported methods of a model with the signature they are emitted with, by `client.resource.method`. */
export function methodSignatures(model: ApiModel): Map<string, string> {
  const result = new Map<string, string>();
  for (const resource of allResources(model.resources)) {
    for (const op of resource.operations) result.set(methodName(resource.accessor, op), signature(op));
  }
  return result;
}

export const methodName = (resource: string, op: OperationModel) => `client.${resource}.${op.methodName}`;

function signature(op: OperationModel): string {
  const args = op.pathParams.filter((p) => p.positional).map((p) => `${p.argName}: string`);
  if (op.body?.kind === 'whole') args.push(`body${op.body.required ? '' : '?'}: ${bodyTypeText(op)}`);
  if (op.params) args.push(`params${op.params.required ? '' : '?'}: ${op.params.typeName}`);
  const paging = pagination(op);
  const result = paging
    ? `PagePromise<${itemTypeName(op)}, ${responseTypeName(op)}>`
    : `APIPromise<${responseTypeName(op) ?? responseKind(op)}>`;
  // The standalone function is public too: a new name for it (a collision settled differently) breaks its importers.
  return `(${args.join(', ')}) => ${result} [${op.method.toUpperCase()} ${op.path}${paging ? `, ${JSON.stringify(paging)}` : ''}] ${op.functionName}`;
}

/** Compares the methods of two models and the exports of the `models.ts` each generates. */
export async function diffSurface(before: ApiModel, after: ApiModel): Promise<SurfaceDiff> {
  const methods = diffMaps(methodSignatures(before), methodSignatures(after));
  const [oldTypes, newTypes] = await Promise.all([exportedTypes(before), exportedTypes(after)]);
  const types = diffMaps(
    new Map([...oldTypes].map(([k, v]) => [k, v.type])),
    new Map([...newTypes].map(([k, v]) => [k, v.type])),
  );
  const docs = [...newTypes.keys()]
    .filter(
      (name) =>
        oldTypes.has(name) &&
        !types.changed.includes(name) &&
        oldTypes.get(name)!.full !== newTypes.get(name)!.full,
    )
    .sort();
  return { methods, types: { ...types, docs } };
}

function diffMaps(before: Map<string, string>, after: Map<string, string>) {
  const sorted = (names: Iterable<string>) => [...names].sort();
  return {
    added: sorted([...after.keys()].filter((k) => !before.has(k))),
    removed: sorted([...before.keys()].filter((k) => !after.has(k))),
    changed: sorted([...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k))),
  };
}

/**
 * Each export of the generated `models.ts` with its definition: `type` without comments, `full` with them. An alias
 * of `components['schemas'][key]` is defined by that member, so a change in the schema shows on the export's name.
 */
async function exportedTypes(model: ApiModel): Promise<Map<string, { type: string; full: string }>> {
  const source = ts.createSourceFile('models.ts', await emitModels(model), ts.ScriptTarget.Latest, true);
  const schemaMembers = new Map<string, { type: string; full: string }>();
  const result = new Map<string, { type: string; full: string }>();
  const text = (node: ts.Node) => ({
    type: stripComments(node.getText(source)),
    full: node.getFullText(source).trim(),
  });
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === 'components') {
      const schemas = statement.members.find((m) => m.name?.getText(source) === 'schemas');
      if (schemas && ts.isPropertySignature(schemas) && schemas.type && ts.isTypeLiteralNode(schemas.type)) {
        for (const member of schemas.type.members)
          schemaMembers.set(unquote(member.name?.getText(source) ?? ''), text(member));
      }
      continue;
    }
    if (ts.isTypeAliasDeclaration(statement)) {
      const index = /^components\['schemas'\]\[("(?:[^"\\]|\\.)*")\]$/.exec(statement.type.getText(source));
      const key = index ? (JSON.parse(index[1]!) as string) : undefined;
      const defined = key !== undefined ? schemaMembers.get(key) : undefined;
      const own = text(statement);
      result.set(
        statement.name.text,
        defined ? { type: defined.type, full: `${own.full}\n${defined.full}` } : own,
      );
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        result.set(declaration.name.getText(source), text(statement));
    }
  }
  return result;
}

const unquote = (name: string) => (/^["']/.test(name) ? name.slice(1, -1) : name);

/** The code's tokens without comments or layout: two definitions that differ only in doc comments compare equal. */
function stripComments(code: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const tokens: string[] = [];
  while (scanner.scan() !== ts.SyntaxKind.EndOfFileToken) tokens.push(scanner.getTokenText());
  return tokens.join(' ');
}
