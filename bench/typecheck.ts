import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { measureNode } from './lib/process.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

export interface TypecheckResult {
  wallMs: number;
  /** User + system CPU of the tsc process: less moved than wall time by other load on a shared machine. */
  cpuMs: number;
  maxRssBytes: number;
  /** From --extendedDiagnostics. */
  checkTimeMs: number;
  totalTimeMs: number;
  instantiations: number;
  types: number;
  errors: number;
  failure?: string;
}

/** The compiler options every tool's output is checked with (tsconfig.json spelling). */
export const TYPECHECK_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

/**
 * `tsc --noEmit --extendedDiagnostics` over one tool's output with the same strict options for every tool, so
 * the numbers compare the generated code and not each package's own tsconfig. Bundler resolution accepts both
 * `./x.js` (sdkgen) and extensionless (hey-api) specifiers.
 */
export async function typecheck(outDir: string, configDir: string, name: string): Promise<TypecheckResult> {
  const config = path.join(configDir, `tsconfig.${name}.json`);
  await writeFile(
    config,
    JSON.stringify({ compilerOptions: TYPECHECK_OPTIONS, include: [path.join(outDir, '**/*.ts')] }, null, 2),
  );
  const run = await measureNode([tsc, '-p', config, '--extendedDiagnostics'], { timeoutMs: 10 * 60_000 });
  const field = (label: string) =>
    Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(run.stdout)?.[1] ?? Number.NaN);
  const errors = (run.stdout.match(/error TS\d+/g) ?? []).length;
  const result: TypecheckResult = {
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    maxRssBytes: run.maxRssBytes,
    checkTimeMs: field('Check time') * 1000,
    totalTimeMs: field('Total time') * 1000,
    instantiations: field('Instantiations'),
    types: field('Types'),
    errors,
  };
  if (Number.isNaN(result.totalTimeMs))
    result.failure = `exit ${run.exitCode}: ${run.stderr.trim().slice(-300) || run.stdout.slice(0, 300)}`;
  return result;
}
