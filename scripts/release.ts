/**
 * `npm run release -- --dry-run [provider...]`: builds the generated packages and shows what `npm publish` would
 * upload for each: name, version, files and sizes, from `npm pack --dry-run --json`.
 * `npm run release -- [--registry <url>] [provider...]` publishes them, with the npm configuration in effect.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { buildPackages, generatedPackageDirs } from './build-packages.js';

const run = promisify(execFile);

export interface PackSummary {
  name: string;
  version: string;
  /** Tarball name, `scope-name-version.tgz`. */
  filename: string;
  /** Package-relative paths, sorted. */
  files: string[];
  /** Bytes of the gzipped tarball. */
  size: number;
  unpackedSize: number;
}

export interface NpmOptions {
  /** Environment of the npm process: tests pass one with their own user config, cache and registry. */
  env?: NodeJS.ProcessEnv;
  registry?: string;
}

/** What `npm publish` would upload from `packageDir`, which must already be built. */
export async function packDryRun(packageDir: string, options: NpmOptions = {}): Promise<PackSummary> {
  const { stdout } = await npm(['pack', '--dry-run', '--json', '--ignore-scripts'], packageDir, options);
  const [result] = JSON.parse(stdout) as {
    name: string;
    version: string;
    filename: string;
    files: { path: string }[];
    size: number;
    unpackedSize: number;
  }[];
  if (!result) throw new Error(`npm pack printed no result for ${packageDir}`);
  return {
    name: result.name,
    version: result.version,
    filename: result.filename,
    files: result.files.map((f) => f.path).sort(),
    size: result.size,
    unpackedSize: result.unpackedSize,
  };
}

export async function publishPackage(packageDir: string, options: NpmOptions = {}): Promise<void> {
  await npm(['publish', '--access', 'public', '--ignore-scripts'], packageDir, options);
}

function npm(args: string[], cwd: string, options: NpmOptions) {
  const registry = options.registry ? ['--registry', options.registry] : [];
  return run('npm', [...args, ...registry], {
    cwd,
    env: options.env ?? process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
}

export function formatSummaries(summaries: readonly PackSummary[]): string {
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  return summaries
    .map((s) =>
      [
        `${s.name}@${s.version}  ${s.filename}  packed ${kB(s.size)}, unpacked ${kB(s.unpackedSize)}, ${s.files.length} files`,
        ...s.files.map((f) => `  ${f}`),
      ].join('\n'),
    )
    .join('\n\n');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, registry: { type: 'string' } },
  });
  const dirs = await generatedPackageDirs(positionals);
  const failures = await buildPackages(dirs);
  if (failures.length) {
    for (const failure of failures) process.stderr.write(`${failure.message}\n`);
    process.stderr.write('release: nothing was published\n');
    return 1;
  }
  const npmOptions: NpmOptions = values.registry ? { registry: values.registry } : {};
  const summaries = await Promise.all(dirs.map((dir) => packDryRun(dir, npmOptions)));
  process.stdout.write(`${formatSummaries(summaries)}\n`);
  if (values['dry-run']) {
    process.stdout.write(
      `\ndry run: nothing was published (${summaries.length} package${summaries.length === 1 ? '' : 's'} would be)\n`,
    );
    return 0;
  }
  for (const [i, dir] of dirs.entries()) {
    await publishPackage(dir, npmOptions);
    const { name, version } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    process.stdout.write(`published ${name}@${version} (${summaries[i]!.filename})\n`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`release: ${error.message}\n`);
      process.exit(1);
    },
  );
}
