// `npm run bench`: sdkgen against its peers, side by side in one run; prints a markdown table and writes bench/RESULTS.md.
// Options: --github-runs N (3), --provider-runs N (5), --yaml-runs N (3), --help-runs N (5), --requests N (5000),
//          --no-github, --no-yaml, --no-write, --keep, --client <index.ts> (generated/whop/src/index.ts).
// `npm run bench:generation` runs only the generation rows (bench/run-generation.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  firstHeyApiFunction,
  firstSdkgenMethod,
  heyApiApp,
  measureBundle,
  rawFetchApp,
  sdkgenApp,
  type BundleResult,
} from './bundle.js';
import { docOut, GENERATION_FLAGS, generationOptions, ROOT, runGenerationRows } from './generation-cases.js';
import { providerDocuments, TOOLS, type ToolId } from './generation.js';
import { describeMachine } from './lib/machine.js';
import { renderReport, type BenchResults } from './report.js';
import { runRuntimeBench } from './runtime.js';
import { typecheck, type TypecheckResult } from './typecheck.js';

const ITEMS = 100_000;

const { values: flags } = parseArgs({
  options: {
    ...GENERATION_FLAGS,
    requests: { type: 'string', default: '5000' },
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
  Object.assign(results, await runGenerationRows(generationOptions(flags), workDir, log));
  const documents = await providerDocuments(path.join(ROOT, 'specs'));

  log('runtime: generated client vs fetch');
  results.runtime = await runRuntimeBench(path.resolve(flags.client), Number(flags.requests), ITEMS).catch(
    (error: Error) => ({ failure: error.message }),
  );

  log('bundle: one-method apps');
  const heyWhop = docOut(
    results.providers!.results['hey-api'].outDir,
    documents.find((d) => /retrieve/.test(d.file)) ?? documents[0]!,
  );
  results.bundles.push({
    label: 'Whop: construct client, retrieve one case',
    ours: await measureBundle(
      'sdkgen (generated/whop)',
      sdkgenApp(path.resolve(flags.client), 'resolutionCenterCases', 'retrieve', ['reso_1']),
    ),
    peers: [
      await heyApiBundle('@hey-api/openapi-ts', heyWhop),
      await measureBundle('raw fetch (floor)', rawFetchApp()),
    ],
  });

  if (results.github) {
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

    log('bundle: GitHub one-method apps');
    results.bundles.push({
      label: 'GitHub: construct client, call one method',
      ours: await sdkgenGitHubBundle(
        results.github.results.sdkgen.outDir,
        results.github.results.sdkgen.runs.length > 0,
      ),
      peers: [await heyApiBundle('@hey-api/openapi-ts', results.github.results['hey-api'].outDir)],
    });
  }
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

async function heyApiBundle(name: string, outDir: string): Promise<BundleResult> {
  const fn = await firstHeyApiFunction(outDir).catch(() => undefined);
  if (!fn) return { name, minBytes: Number.NaN, gzipBytes: Number.NaN, failure: 'no hey-api output' };
  return measureBundle(`${name} (${fn})`, heyApiApp(path.join(outDir, 'sdk.gen.ts'), fn));
}

async function sdkgenGitHubBundle(packageDir: string, generated: boolean): Promise<BundleResult> {
  const name = 'sdkgen';
  const target = generated ? await firstSdkgenMethod(packageDir).catch(() => undefined) : undefined;
  if (!target) return { name, minBytes: Number.NaN, gzipBytes: Number.NaN, failure: 'no sdkgen output' };
  return measureBundle(
    `${name} (${target.resource}.${target.method})`,
    sdkgenApp(path.join(packageDir, 'src/index.ts'), target.resource, target.method, ['a', 'b']),
  );
}
