/**
 * Type-checks a spec's `x-codeSamples` against the package generated for it, in memory: a sample goes into the
 * JSDoc only when it compiles against the real signatures (a sample written for another SDK's names would teach
 * the wrong call). One strict program for the package and every sample; the package's own compiler options.
 */
import path from 'node:path';
import ts from 'typescript';

export interface CodeSample {
  id: string;
  source: string;
}

/** Node's `process.env`, which samples read their key from; the package itself compiles without @types/node. */
const SAMPLE_GLOBALS = 'declare const process: { env: Record<string, string | undefined> };\n';

/** Languages whose samples are TypeScript or JavaScript, as Stainless and Redocly label them. */
export const SAMPLE_LANGS = /^(javascript|typescript|js|ts|node(\.?js)?)$/i;

/** Points every import of a bare package name at the generated package, so the sample compiles against it. */
export function importingPackage(source: string, entry: string): string {
  return source.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(?!node:|\.)([^'"]+)\2/g,
    (_, lead: string, quote: string) => `${lead}${quote}${entry}${quote}`,
  );
}

/**
 * `files`: package-relative path -> text (as the pipeline holds them). Returns each sample's diagnostics; an empty
 * list means it compiles.
 */
export function checkSamples(
  files: ReadonlyMap<string, string>,
  samples: readonly CodeSample[],
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (!samples.length) return result;
  const root = path.resolve('/__sdkgen_samples__');
  const virtual = new Map<string, string>();
  for (const [file, text] of files) virtual.set(path.join(root, file), text);
  virtual.set(path.join(root, 'samples', 'globals.d.ts'), SAMPLE_GLOBALS);
  const sampleFiles = new Map<string, string>();
  samples.forEach((sample, i) => {
    const file = path.join(root, 'samples', `sample-${i}.mts`);
    virtual.set(file, importingPackage(sample.source, '../src/index.js'));
    sampleFiles.set(file, sample.id);
  });

  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const inside = (file: string) => path.resolve(file).startsWith(root + path.sep);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => (inside(file) ? virtual.has(path.resolve(file)) : fileExists(file));
  host.readFile = (file) => (inside(file) ? virtual.get(path.resolve(file)) : readFile(file));
  host.directoryExists = (dir) =>
    inside(dir) || path.resolve(dir) === root
      ? [...virtual.keys()].some((f) => f.startsWith(path.resolve(dir) + path.sep))
      : ts.sys.directoryExists(dir);
  host.getSourceFile = (file, language, onError) => {
    if (!inside(file)) return getSourceFile(file, language, onError);
    const text = virtual.get(path.resolve(file));
    return text === undefined ? undefined : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram(
    [...sampleFiles.keys(), path.join(root, 'samples', 'globals.d.ts')],
    options,
    host,
  );
  for (const [file, id] of sampleFiles) {
    const source = program.getSourceFile(file);
    const diagnostics = source
      ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
      : [];
    result.set(
      id,
      diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    );
  }
  return result;
}
