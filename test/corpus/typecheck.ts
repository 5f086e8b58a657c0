import { readdir } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

export interface TypeError {
  file: string;
  line: number;
  code: number;
  message: string;
}

/**
 * Type-checks many generated packages in ONE TypeScript program, with the compiler options of the packages' own
 * tsconfig.json (NodeNext, lib ES2022+DOM, types []) and {@link CONSUMER_STRICTNESS}: one program shares the lib files and the checker's
 * setup, which on two cores is minutes faster than one `tsc -p` per package.
 */
export async function typecheckPackages(dirs: readonly string[]): Promise<TypeError[]> {
  if (!dirs.length) return [];
  const options = compilerOptionsOf(dirs[0]!);
  const rootNames: string[] = [];
  for (const dir of dirs) {
    // `examples/` holds the package's documented examples, when the test wrote them (see examples.ts).
    for (const folder of ['src', 'examples']) {
      const files = await readdir(path.join(dir, folder), { recursive: true }).catch(() => [] as string[]);
      for (const file of files) if (file.endsWith('.ts')) rootNames.push(path.join(dir, folder, file));
    }
  }
  const program = ts.createProgram({ rootNames: rootNames.sort(), options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const position =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return {
      file: d.file?.fileName ?? '',
      line: (position?.line ?? -1) + 1,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    };
  });
}

/**
 * What demanding consumers turn on, whether or not the package's own tsconfig does: a package's `.ts` sources are
 * checked under the consumer's settings when it is compiled from source (a monorepo, a bundler's type check).
 */
export const CONSUMER_STRICTNESS = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
} as const satisfies ts.CompilerOptions;

function compilerOptionsOf(dir: string): ts.CompilerOptions {
  const configFile = path.join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  const {
    rootDir: _rootDir,
    outDir: _outDir,
    declaration: _declaration,
    declarationMap: _declarationMap,
    ...rest
  } = parsed.options;
  return { ...rest, ...CONSUMER_STRICTNESS, noEmit: true };
}

/** One line per error, package-relative, for an assertion message a person can act on. */
export function formatErrors(errors: readonly TypeError[], root: string): string {
  return errors
    .map((e) => `${path.relative(root, e.file)}:${e.line} TS${e.code}: ${e.message.split('\n')[0]}`)
    .join('\n');
}
