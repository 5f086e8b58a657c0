// `npm run bench`: sdkgen against its peers, side by side in one run; prints a markdown table and writes bench/RESULTS.md.
// Options: --github-runs N (3), --provider-runs N (5), --requests N (5000), --no-github, --no-write, --keep,
//          --client <index.ts> (generated/whop/src/index.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleRows } from './bundle-rows.js';
import {
  providerDocuments,
  runGenerationCase,
  TOOLS,
  type GenerationCase,
  type ToolId,
} from './generation.js';
import { describeMachine } from './lib/machine.js';
import { renderReport, type BenchResults } from './report.js';
import { runRuntimeBench } from './runtime.js';
import { typecheck, type TypecheckResult } from './typecheck.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SDKGEN = path.join(ROOT, 'bin/sdkgen.js');
const OPENAPI_TS_CLI = path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
const HEY_API_CLI = path.join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js');
const GITHUB_SPEC = path.join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const PEERS = path.join(ROOT, 'bench/peers');
const ITEMS = 100_000;

const { values: flags } = parseArgs({
  options: {
    'github-runs': { type: 'string', default: '3' },
    'provider-runs': { type: 'string', default: '5' },
    requests: { type: 'string', default: '5000' },
    'no-github': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    client: { type: 'string', default: path.join(ROOT, 'generated/whop/src/index.ts') },
  },
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();
const results: BenchResults = {
  machine: describeMachine(),
  startedAt: new Date().toISOString(),
  durationMs: 0,
  bundles: [],
};
const workDir = await mkdtemp(path.join(tmpdir(), 'sdkgen-bench-'));

try {
  log('generation: providers');
  const documents = await providerDocuments(path.join(ROOT, 'specs'));
  const docOut = (dir: string, doc: { provider: string; file: string }) =>
    path.join(dir, `${doc.provider}-${path.parse(doc.file).name}`);
  results.providers = await runGenerationCase(
    {
      name: 'providers',
      invocations: {
        sdkgen: (out) => [SDKGEN, 'generate', '--out-dir', out],
        'openapi-typescript': (out) => [
          path.join(PEERS, 'openapi-typescript.mjs'),
          ...documents.flatMap((d) => [d.file, `${docOut(out, d)}.ts`]),
        ],
        'hey-api': (out) => [
          path.join(PEERS, 'hey-api.mjs'),
          ...documents.flatMap((d) => [d.file, docOut(out, d)]),
        ],
      },
      rounds: Number(flags['provider-runs']),
      warmup: 1,
      budgetMs: 90_000,
      timeoutMs: 120_000,
    },
    workDir,
    log,
  );

  log('runtime: generated client vs fetch');
  results.runtime = await runRuntimeBench(path.resolve(flags.client), Number(flags.requests), ITEMS).catch(
    (error: Error) => ({ failure: error.message }),
  );

  // The bundle rows are measured once GitHub's outputs exist (or are known to be skipped), below.
  const heyWhop = docOut(
    results.providers.results['hey-api'].outDir,
    documents.find((d) => /retrieve/.test(d.file)) ?? documents[0]!,
  );

  if (!flags['no-github']) {
    log('generation: GitHub');
    results.github = await runGenerationCase(
      {
        name: 'github',
        invocations: {
          sdkgen: (out) => [SDKGEN, 'generate', '--spec', GITHUB_SPEC, '--out', out, '--name', 'GitHub'],
          'openapi-typescript': (out) => [OPENAPI_TS_CLI, GITHUB_SPEC, '-o', path.join(out, 'types.ts')],
          'hey-api': (out) => [
            HEY_API_CLI,
            '-i',
            GITHUB_SPEC,
            '-o',
            out,
            '-c',
            '@hey-api/client-fetch',
            '-p',
            '@hey-api/typescript',
            '@hey-api/sdk',
            '-s',
            '--no-log-file',
          ],
        },
        rounds: Number(flags['github-runs']),
        warmup: 0,
        budgetMs: 420_000,
        timeoutMs: 8 * 60_000,
      } satisfies GenerationCase,
      workDir,
      log,
    );

    log('type-check: GitHub outputs');
    const checks: Partial<Record<ToolId, TypecheckResult>> = {};
    for (const { id } of TOOLS) {
      const result = results.github.results[id];
      if (result.runs.length === 0) continue;
      const outDir = id === 'sdkgen' ? path.join(result.outDir, 'src') : result.outDir;
      checks[id] = await typecheck(outDir, workDir, id);
      log(
        `  ${id}: ${checks[id]!.failure ?? `${(checks[id]!.totalTimeMs / 1000).toFixed(2)} s, ${checks[id]!.instantiations} instantiations`}`,
      );
    }
    results.typecheck = checks;
  }

  log('bundle: one-call apps');
  const githubRun = results.github?.results.sdkgen;
  results.bundles.push(
    ...(await bundleRows({
      whopPackage: path.dirname(path.dirname(path.resolve(flags.client))),
      heyWhop,
      ...(results.github && githubRun && githubRun.runs.length > 0
        ? { githubPackage: githubRun.outDir, heyGitHub: results.github.results['hey-api'].outDir }
        : {}),
    })),
  );
} finally {
  if (!flags.keep) await rm(workDir, { recursive: true, force: true });
  else log(`outputs kept in ${workDir}`);
}

results.durationMs = performance.now() - started;
const report = renderReport(results);
process.stdout.write(report);
if (!flags['no-write']) {
  const header =
    '# Benchmark results\n\nThe latest `npm run bench` (bench/run.ts). Regenerate with `npm run bench`; do not edit by hand.\n\n';
  await writeFile(path.join(ROOT, 'bench/RESULTS.md'), header + report);
  log('wrote bench/RESULTS.md');
}
