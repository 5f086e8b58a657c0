import {
  IndentationText,
  Project,
  QuoteKind,
  StructureKind,
  type ImportDeclarationStructure,
  type SourceFileStructure,
} from 'ts-morph';

/**
 * Prints ts-morph structures to source text: one in-memory project, one call per file. Printed in the house style
 * (two spaces, single quotes), so files too big for prettier read the same as the rest.
 */
export function printStructures(files: ReadonlyMap<string, SourceFileStructure>): Map<string, string> {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const result = new Map<string, string>();
  for (const [filePath, structure] of files) {
    result.set(filePath, project.createSourceFile(filePath, structure, { overwrite: true }).getFullText());
  }
  return result;
}

/** One named import; `typeOnly` for types, which a bundle then drops. */
export function importOf(module: string, names: string[], typeOnly = false): ImportDeclarationStructure {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: module,
    namedImports: names,
    isTypeOnly: typeOnly,
  };
}
