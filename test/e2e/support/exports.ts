import ts from 'typescript';

/** Every name a package's entry point exports, types included, as its declarations say; `default` left out. */
export function exportedNames(declarationFile: string): string[] {
  const program = ts.createProgram([declarationFile], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(declarationFile);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${declarationFile} is not a module`);
  return checker
    .getExportsOfModule(moduleSymbol)
    .map((s) => s.getName())
    .filter((name) => name !== 'default')
    .sort();
}
