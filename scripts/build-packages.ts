/**
 * `npm run build [provider...]`: compiles each generated package (`generated/<provider>/`) into its own `dist/`:
 * `dist/esm` (ES modules) and `dist/cjs` (CommonJS), each with its own declarations, using this repository's
 * TypeScript and the package's own tsconfig files. Exits 1 with every diagnostic if any package fails to compile.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The two builds: which tsconfig, and the `type` that `dist/<format>/package.json` declares for its files. */
const BUILDS = [
  { tsconfig: 'tsconfig.json', outDir: 'dist/esm', type: 'module' },
  { tsconfig: 'tsconfig.cjs.json', outDir: 'dist/cjs', type: 'commonjs' },
] as const;

export class BuildError extends Error {
  constructor(
    readonly packageDir: string,
    readonly diagnostics: string,
  ) {
    super(`${packageDir} does not compile:\n${diagnostics}`);
    this.name = 'BuildError';
  }
}

/** Replaces `<packageDir>/dist` with a fresh build. */
export async function buildPackage(packageDir: string, host: ts.CompilerHost = cachingHost()): Promise<void> {
  await rm(path.join(packageDir, 'dist'), { recursive: true, force: true });
  for (const build of BUILDS) {
    const config = parseConfig(path.join(packageDir, build.tsconfig), packageDir);
    const expectedOutDir = path.join(packageDir, build.outDir);
    if (path.resolve(config.options.outDir ?? '') !== expectedOutDir) {
      throw new BuildError(packageDir, `${build.tsconfig}: outDir must be ${build.outDir}`);
    }
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
    const emitted = program.emit();
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
    if (diagnostics.length) throw new BuildError(packageDir, formatDiagnostics(diagnostics));
    // Node and TypeScript read a file's module format from the nearest package.json: this one makes the
    // CommonJS build's .js and .d.ts files CommonJS inside a `"type": "module"` package.
    await mkdir(expectedOutDir, { recursive: true });
    await writeFile(path.join(expectedOutDir, 'package.json'), `${JSON.stringify({ type: build.type })}\n`);
  }
}

/** Builds packages one after another with one shared host; every failure is collected and reported together. */
export async function buildPackages(packageDirs: readonly string[]): Promise<BuildError[]> {
  const host = cachingHost();
  const failures: BuildError[] = [];
  for (const dir of packageDirs) {
    try {
      await buildPackage(dir, host);
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      failures.push(error);
    }
  }
  return failures;
}

/** `generated/<provider>` for the named providers, or for every one, sorted. */
export async function generatedPackageDirs(providers: readonly string[] = []): Promise<string[]> {
  const generated = path.join(ROOT, 'generated');
  const all = (await readdir(generated, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const unknown = providers.filter((p) => !all.includes(p));
  if (unknown.length)
    throw new Error(`no generated package named ${unknown.join(', ')} (known: ${all.join(', ')})`);
  return (providers.length ? all.filter((p) => providers.includes(p)) : all).map((p) =>
    path.join(generated, p),
  );
}

function parseConfig(tsconfig: string, packageDir: string): ts.ParsedCommandLine {
  const problems: ts.Diagnostic[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => problems.push(d),
  });
  problems.push(...(config?.errors ?? []));
  if (!config || problems.length) throw new BuildError(packageDir, formatDiagnostics(problems));
  return config;
}

/**
 * A compiler host that parses (and so binds) each file once across programs: TypeScript's lib files are most of
 * what every build reads. The key holds what the parse depends on, so a file read as ESM by one build and as
 * CommonJS by the other is parsed twice.
 */
function cachingHost(): ts.CompilerHost {
  const host = ts.createCompilerHost({});
  const cache = new Map<string, ts.SourceFile | undefined>();
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const { languageVersion: version, impliedNodeFormat } =
      typeof languageVersion === 'object'
        ? languageVersion
        : { languageVersion, impliedNodeFormat: undefined };
    const key = `${version}:${impliedNodeFormat}:${fileName}`;
    if (!cache.has(key)) cache.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return cache.get(key);
  };
  return host;
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  });
}

async function main(args: string[]): Promise<number> {
  const dirs = await generatedPackageDirs(args);
  const started = performance.now();
  const failures = await buildPackages(dirs);
  for (const failure of failures) process.stderr.write(`${failure.message}\n`);
  for (const dir of dirs) {
    if (failures.some((f) => f.packageDir === dir)) continue;
    process.stdout.write(`built ${path.relative(process.cwd(), dir) || '.'}/dist (esm, cjs)\n`);
  }
  process.stdout.write(
    `${dirs.length - failures.length}/${dirs.length} packages in ${(performance.now() - started).toFixed(0)} ms\n`,
  );
  return failures.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`build: ${error.message}\n`);
      process.exit(1);
    },
  );
}
