// `npm run bench:typecheck`: only the type-check rows of `npm run bench`. Generates the GitHub description with sdkgen,
// openapi-typescript and hey-api, checks each output `--runs` times (in turn, so drifting load hits all alike),
// prints medians and ratios, then where sdkgen's check time goes by area (bench/typecheck-areas.ts).
// Options: --runs N (5), --area-rounds N (3), --keep, --skip-hey-api,
//          --sdkgen-out DIR (check this package instead of generating one, e.g. an older branch's output).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { count, mib, ratio, seconds, table } from './lib/format.js';
import { run } from './lib/process.js';
import { median } from './lib/stats.js';
import { typecheck, type TypecheckResult } from './typecheck.js';
import { typecheckAreas } from './typecheck-areas.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GITHUB_SPEC = path.join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const SDKGEN = path.join(ROOT, 'bin/sdkgen.js');
const OPENAPI_TS_CLI = path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
const HEY_API_CLI = path.join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js');

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'area-rounds': { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'sdkgen-out': { type: 'string' },
    'skip-hey-api': { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const workDir = await mkdtemp(path.join(tmpdir(), 'sdkgen-bench-typecheck-'));

try {
  const sdkgenOut = flags['sdkgen-out'] ? path.resolve(flags['sdkgen-out']) : path.join(workDir, 'sdkgen');
  const openapiTsOut = path.join(workDir, 'openapi-typescript');
  const heyApiOut = path.join(workDir, 'hey-api');
  await mkdir(openapiTsOut, { recursive: true });
  log('generating GitHub');
  if (!flags['sdkgen-out'])
    await generate([SDKGEN, 'generate', '--spec', GITHUB_SPEC, '--out', sdkgenOut, '--name', 'GitHub']);
  await generate([OPENAPI_TS_CLI, GITHUB_SPEC, '-o', path.join(openapiTsOut, 'types.ts')]);
  // The same invocation as bench/run.ts: types, SDK functions and its fetch client, the nearest peer in scope.
  if (!flags['skip-hey-api'])
    await generate([
      HEY_API_CLI,
      '-i',
      GITHUB_SPEC,
      '-o',
      heyApiOut,
      '-c',
      '@hey-api/client-fetch',
      '-p',
      '@hey-api/typescript',
      '@hey-api/sdk',
      '-s',
      '--no-log-file',
    ]);

  const outputs = [
    { label: 'sdkgen', dir: path.join(sdkgenOut, 'src') },
    { label: 'openapi-typescript 7.13.0 (types only)', dir: openapiTsOut },
    ...(flags['skip-hey-api'] ? [] : [{ label: '@hey-api/openapi-ts 0.95.0', dir: heyApiOut }]),
  ];
  const runs = new Map<string, TypecheckResult[]>(outputs.map((o) => [o.label, []]));
  for (let round = 0; round < Number(flags.runs); round++) {
    for (const [i, output] of outputs.entries()) {
      const result = await typecheck(output.dir, workDir, `tool${i}`);
      if (result.failure) throw new Error(`${output.label}: ${result.failure}`);
      runs.get(output.label)!.push(result);
      log(`  ${output.label}: ${seconds(result.totalTimeMs)} total, ${seconds(result.cpuMs)} CPU`);
    }
  }
  const [ours, ...peers] = outputs.map((o) => ({ label: o.label, ...medianOf(runs.get(o.label)!) }));
  process.stdout.write(
    table(
      ['Output of', 'tsc total', 'check', 'CPU', 'Instantiations', 'Types', 'Peak RSS', 'Errors'],
      [
        ...[ours!, ...peers].map((m) => [
          m.label,
          seconds(m.totalTimeMs),
          seconds(m.checkTimeMs),
          seconds(m.cpuMs),
          count(m.instantiations),
          count(m.types),
          mib(m.maxRssBytes),
          String(m.errors),
        ]),
        ...peers.map((peer) => [
          `sdkgen ÷ ${peer.label}`,
          ratio(ours!.totalTimeMs, peer.totalTimeMs),
          ratio(ours!.checkTimeMs, peer.checkTimeMs),
          ratio(ours!.cpuMs, peer.cpuMs),
          ratio(ours!.instantiations, peer.instantiations),
          ratio(ours!.types, peer.types),
          ratio(ours!.maxRssBytes, peer.maxRssBytes),
          '',
        ]),
      ],
    ) +
      `\n\nMedians of ${flags.runs} runs each of \`tsc --noEmit --extendedDiagnostics\` (bench/typecheck.ts options). ` +
      'CPU is user + system time of the whole tsc process, the steadiest of the times on a loaded machine.\n\n',
  );

  log('areas of the sdkgen output');
  const areas = await typecheckAreas(outputs[0]!.dir, Number(flags['area-rounds']));
  process.stdout.write(
    table(
      ['Area of the sdkgen output', 'Files', 'Check CPU', 'Instantiations'],
      areas.map((a) => [a.area, String(a.files), `${a.checkCpuMs.toFixed(0)} ms`, count(a.instantiations)]),
    ) +
      `\n\nIn-process, least of ${flags['area-rounds']} rounds, core first (see bench/typecheck-areas.ts for what the split means).\n`,
  );
} finally {
  if (!flags.keep) await rm(workDir, { recursive: true, force: true });
  else log(`outputs kept in ${workDir}`);
}

type Row = Omit<TypecheckResult, 'failure'>;

function medianOf(results: readonly TypecheckResult[]): Row {
  const of = (pick: (r: TypecheckResult) => number) => median(results.map(pick));
  return {
    wallMs: of((r) => r.wallMs),
    cpuMs: of((r) => r.cpuMs),
    maxRssBytes: of((r) => r.maxRssBytes),
    checkTimeMs: of((r) => r.checkTimeMs),
    totalTimeMs: of((r) => r.totalTimeMs),
    instantiations: of((r) => r.instantiations),
    types: of((r) => r.types),
    errors: of((r) => r.errors),
  };
}

async function generate(args: string[]): Promise<void> {
  const result = await run(process.execPath, args, { timeoutMs: 8 * 60_000 });
  if (result.exitCode !== 0)
    throw new Error(`${path.basename(args[0]!)} failed: ${result.stderr.trim().slice(-400)}`);
}
