import { StructureKind, VariableDeclarationKind, type SourceFileStructure, type StatementStructures } from 'ts-morph';
import { importOf } from './emit-resource.js';

/** The runtime's HTTP error classes, whose `error` body the spec can type. */
export const HTTP_ERROR_CLASSES = [
  'APIError', 'APIStatusError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError',
  'UnprocessableEntityError', 'RateLimitError', 'InternalServerError',
];

/** The runtime's other error classes, exported as they are. */
export const OTHER_ERROR_CLASSES = [
  'SDKError', 'APIConnectionError', 'APIConnectionTimeoutError', 'APIUserAbortError', 'InvalidResponseError', 'PaginationError', 'MissingCredentialError',
];

/**
 * Emits `errors.ts`: the runtime's error classes, re-exported so that `err instanceof NotFoundError` narrows
 * `err.error` to the error body the spec documents. Same classes at run time; only their types are narrowed.
 */
export function emitErrors(errorTypeName: string | undefined, clientName: string): SourceFileStructure {
  // The base class named after the client (`WhopError`), as users of Stainless SDKs look for it.
  const base = { kind: StructureKind.ExportDeclaration as const, moduleSpecifier: './core/errors.js', namedExports: [{ name: 'SDKError', alias: `${clientName}Error` }] };
  // Named exports only: the runtime's errors module also holds internal helpers that are not public API.
  if (!errorTypeName) {
    return {
      kind: StructureKind.SourceFile,
      statements: [{ kind: StructureKind.ExportDeclaration, moduleSpecifier: './core/errors.js', namedExports: [...OTHER_ERROR_CLASSES, ...HTTP_ERROR_CLASSES] }, base],
    };
  }
  const statements: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './core/errors.js', namespaceImport: 'Core' },
    importOf('./models.js', [errorTypeName], true),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './core/errors.js', namedExports: OTHER_ERROR_CLASSES },
    base,
    {
      kind: StructureKind.TypeAlias,
      name: 'ErrorClass',
      typeParameters: ['E'],
      type: `{ new (...args: ConstructorParameters<typeof Core.APIError<${errorTypeName}>>): E; readonly prototype: E }`,
      docs: ['A runtime error class, typed so that `instanceof` narrows to its documented body.'],
    },
  ];
  for (const name of HTTP_ERROR_CLASSES) {
    statements.push(
      { kind: StructureKind.TypeAlias, name, isExported: true, type: `Core.${name}<${errorTypeName}>` },
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name, type: `ErrorClass<${name}>`, initializer: `Core.${name} as unknown as ErrorClass<${name}>` }],
      },
    );
  }
  return { kind: StructureKind.SourceFile, statements };
}
