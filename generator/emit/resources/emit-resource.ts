import {
  Scope,
  StructureKind,
  type ClassDeclarationStructure,
  type GetAccessorDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type PropertyDeclarationStructure,
  type SourceFileStructure,
} from 'ts-morph';
import type { OperationModel, ResourceModel } from '../../model/types.js';
import { blockComment } from '../escape.js';
import { documentedOverloads, methodDocs, type DocsContext } from './operation-docs.js';
import { importOf } from './print.js';
import { modelTypes, operationSignature, signatureImports } from './signature.js';
import { groupImports } from './wire-spec.js';

/**
 * Emits one resource class: a method per operation that forwards to the operation's standalone function (which
 * holds the one request literal), and a getter per sub-resource that builds it on first access.
 */
export function emitResource(resource: ResourceModel, ctx: DocsContext): SourceFileStructure {
  const types = modelTypes(resource.operations);
  const runtimeTypes = groupImports(resource.operations.flatMap(signatureImports));
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    ...(resource.description ? { docs: [blockComment(resource.description)] } : {}),
    properties: [
      // The functions take the package's core client; the resource is only ever built with one.
      {
        name: '_client',
        scope: Scope.Protected,
        hasDeclareKeyword: true,
        type: ctx.coreClassName,
      },
      ...resource.children.map(childField),
    ],
    getAccessors: resource.children.map(childGetter),
    methods: resource.operations.map((op) => emitMethod(resource, op, ctx)),
  };
  return {
    kind: StructureKind.SourceFile,
    statements: [
      importOf('../core/resource.js', ['APIResource']),
      importOf('../core.js', [ctx.coreClassName], true),
      ...runtimeTypes.map((group) => importOf(`../core/${group.module}`, group.names, true)),
      ...(types.length ? [importOf('../models.js', types, true)] : []),
      ...resource.operations.map((op) => importOf(`../funcs/${op.functionFile}.js`, [op.functionName])),
      ...resource.children.map((child) => importOf(`./${child.fileName}.js`, [child.className])),
      cls,
    ],
  };
}

/** The cache of a sub-resource, private (`#name`), so it adds nothing to the class's public surface. */
function childField(child: ResourceModel): OptionalKind<PropertyDeclarationStructure> {
  return { name: `#${child.propertyName}`, type: child.className, hasQuestionToken: true };
}

function childGetter(child: ResourceModel): OptionalKind<GetAccessorDeclarationStructure> {
  return {
    name: child.propertyName,
    returnType: child.className,
    ...(child.description ? { docs: [blockComment(child.description)] } : {}),
    statements: [`return (this.#${child.propertyName} ??= new ${child.className}(this._client));`],
  };
}

function emitMethod(
  resource: ResourceModel,
  op: OperationModel,
  ctx: DocsContext,
): OptionalKind<MethodDeclarationStructure> {
  const signature = operationSignature(op);
  const { implementation, overloads } = signature;
  const args = ['this._client', ...implementation.parameters.map((p) => p.name)];
  const docs = methodDocs(resource, op, ctx);
  // With overloads, the implementation's union-typed arguments match none of the function's overloads one by one:
  // the function is called through its implementation's type, which the overloads above have already checked.
  const callee = overloads.length
    ? `(${op.functionName} as (...args: unknown[]) => ${implementation.returnType})`
    : op.functionName;
  return {
    name: op.methodName,
    typeParameters: implementation.typeParameters,
    parameters: implementation.parameters,
    returnType: implementation.returnType,
    ...documentedOverloads(op, signature, docs, ({ typeParameters, parameters, returnType }) => ({
      typeParameters,
      parameters,
      returnType,
    })),
    statements: [`return ${callee}(${args.join(', ')});`],
  };
}
