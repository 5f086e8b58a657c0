import { Project, type SourceFileStructure } from 'ts-morph';

/** Prints ts-morph structures to source text: one in-memory project, one call per file. */
export function printStructures(files: ReadonlyMap<string, SourceFileStructure>): Map<string, string> {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const result = new Map<string, string>();
  for (const [filePath, structure] of files) {
    result.set(filePath, project.createSourceFile(filePath, structure, { overwrite: true }).getFullText());
  }
  return result;
}
