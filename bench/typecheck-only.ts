// `npm run bench:typecheck`: only the type-check row of `npm run bench`. Generates the GitHub description with sdkgen
// and openapi-typescript, checks each output `--runs` times (alternating, so drifting load hits both alike), prints
// medians and ratios, then where sdkgen's check time goes by area (bench/typecheck-areas.ts).
// Options: --runs N (5), --area-rounds N (3), --keep, --sdkgen-out DIR (check this output instead of generating).
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

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'area-rounds': { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'sdkgen-out': { type: 'string' },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const workDir = await mkdtemp(path.join(tmpdir(), 'sdkgen-bench-typecheck-'));

try {
  const sdkgenOut = flags['sdkgen-out'] ? path.resolve(flags['sdkgen-out']) : path.join(workDir, 'sdkgen');
  const openapiTsOut = path.join(workDir, 'openapi-typescript');
  await mkdir(openapiTsOut, { recursive: true });
  log('generating GitHub with sdkgen and openapi-typescript');
  if (!flags['sdkgen-out'])
    await generate([
      path.join(ROOT, 'bin/sdkgen.js'),
      'generate',
      '--spec',
      GITHUB_SPEC,
      '--out',
      sdkgenOut,
      '--name',
      'GitHub',
    ]);
  await generate([
    path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
    GITHUB_SPEC,
    '-o',
    path.join(openapiTsOut, 'types.ts'),
  ]);

  const outputs = [
    { label: 'sdkgen', dir: path.join(sdkgenOut, 'src') },
    { label: 'openapi-typescript 7.13.0 (types only)', dir: openapiTsOut },
  ];
  const runs = new Map<string, TypecheckResult[]>(outputs.map((o) => [o.label, []]));
  for (let round = 0; round < Number(flags.runs); round++) {
    for (const [i, output] of outputs.entries()) {
      const result = await typecheck(output.dir, workDir, `tool${i}`);
      if (result.failure) throw new Error(`${output.label}: ${result.failure}`);
      runs.get(output.label)!.push(result);
      log(`  ${output.label}: ${seconds(result.totalTimeMs)} total, ${seconds(result.checkTimeMs)} check`);
    }
  }
  const medians = outputs.map((o) => ({ label: o.label, ...medianOf(runs.get(o.label)!) }));
  const ours = medians[0]!;
  const peer = medians[1]!;
  process.stdout.write(
    table(
      ['Output of', 'tsc total', 'check', 'CPU', 'Instantiations', 'Types', 'Peak RSS', 'Errors'],
      [
        ...medians.map((m) => [
          m.label,
          seconds(m.totalTimeMs),
          seconds(m.checkTimeMs),
          seconds(m.cpuMs),
          count(m.instantiations),
          count(m.types),
          mib(m.maxRssBytes),
          String(m.errors),
        ]),
        [
          'sdkgen ÷ openapi-typescript',
          ratio(ours.totalTimeMs, peer.totalTimeMs),
          ratio(ours.checkTimeMs, peer.checkTimeMs),
          ratio(ours.cpuMs, peer.cpuMs),
          ratio(ours.instantiations, peer.instantiations),
          ratio(ours.types, peer.types),
          ratio(ours.maxRssBytes, peer.maxRssBytes),
          '',
        ],
      ],
    ) +
      `\n\nMedians of ${flags.runs} runs each of \`tsc --noEmit --extendedDiagnostics\` (bench/typecheck.ts options).\n\n`,
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
