// `npm run bench:generation`: only the generation rows of `npm run bench` (--help, the providers, GitHub's JSON and
// the full-size YAML case), sdkgen against its peers in one run; prints the markdown tables and never writes
// bench/RESULTS.md (the whole bench does).
// Options: --github-runs N (3), --provider-runs N (5), --yaml-runs N (3), --help-runs N (5), --no-github,
//          --no-yaml, --keep.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATION_FLAGS, generationOptions, runGenerationRows } from './generation-cases.js';
import { describeMachine } from './lib/machine.js';
import { renderGenerationReport } from './report.js';

const { values: flags } = parseArgs({
  options: { ...GENERATION_FLAGS, keep: { type: 'boolean', default: false } },
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();
const machine = describeMachine();
const startedAt = new Date().toISOString();
const workDir = await mkdtemp(path.join(tmpdir(), 'sdkgen-bench-generation-'));
try {
  const results = await runGenerationRows(generationOptions(flags), workDir, log);
  process.stdout.write(
    renderGenerationReport({ ...results, machine, startedAt, durationMs: performance.now() - started }),
  );
} finally {
  if (!flags.keep) await rm(workDir, { recursive: true, force: true });
  else log(`outputs kept in ${workDir}`);
}
