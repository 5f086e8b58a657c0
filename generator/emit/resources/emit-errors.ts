import {
  StructureKind,
  VariableDeclarationKind,
  type SourceFileStructure,
  type StatementStructures,
} from 'ts-morph';
import type { ErrorsModel } from '../../model/types.js';
import { importOf } from './print.js';

/**
 * Emits `errors.ts`: the runtime's error classes, re-exported so that `err instanceof NotFoundError` narrows
 * `err.error` to the error body the spec documents. Same classes at run time; only their types are narrowed.
 */
export function emitErrors(errors: ErrorsModel): SourceFileStructure {
  const { httpClasses, otherClasses } = errors;
  // The base class named after the client (`WhopError`), as users of Stainless SDKs look for it.
  const base = {
    kind: StructureKind.ExportDeclaration as const,
    moduleSpecifier: './core/errors.js',
    namedExports: [{ name: 'SDKError', alias: errors.baseName }],
  };
  // Named exports only: the runtime's errors module also holds internal helpers that are not public API.
  if (errors.kind === 'untyped') {
    return {
      kind: StructureKind.SourceFile,
      statements: [
        {
          kind: StructureKind.ExportDeclaration,
          moduleSpecifier: './core/errors.js',
          namedExports: [...otherClasses, ...httpClasses],
        },
        base,
      ],
    };
  }
  const errorTypeName = errors.bodyTypeName;
  const statements: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './core/errors.js', namespaceImport: 'Core' },
    importOf('./models.js', [errorTypeName], true),
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: './core/errors.js',
      namedExports: otherClasses,
    },
    base,
    {
      kind: StructureKind.TypeAlias,
      name: 'ErrorClass',
      typeParameters: ['E'],
      type: `{ new (...args: ConstructorParameters<typeof Core.APIError<${errorTypeName}>>): E; readonly prototype: E }`,
      docs: ['A runtime error class, typed so that `instanceof` narrows to its documented body.'],
    },
  ];
  for (const name of httpClasses) {
    statements.push(
      { kind: StructureKind.TypeAlias, name, isExported: true, type: `Core.${name}<${errorTypeName}>` },
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [
          {
            name,
            type: `ErrorClass<${name}>`,
            initializer: `Core.${name} as unknown as ErrorClass<${name}>`,
          },
        ],
      },
    );
  }
  return { kind: StructureKind.SourceFile, statements };
}
