import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDocument, OUT_DIR, writePackage } from '../corpus/corpus.js';
import { formatErrors, typecheckPackages } from '../corpus/typecheck.js';
import { openapiDocument } from './arbitraries.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Random valid documents -> generated packages that compile. Type-checking one program per run would take minutes,
 * so a batch of documents is sampled from a seed, generated, and type-checked in one program. A failing batch
 * names its seed and the failing documents; the seed goes into regressions.json and is replayed on every run.
 * `SDKGEN_PROPERTY_SEED` and `SDKGEN_PROPERTY_RUNS` explore further.
 */
const RUNS = Number(process.env.SDKGEN_PROPERTY_RUNS ?? 12);
const SEED = Number(process.env.SDKGEN_PROPERTY_SEED ?? 1_000_003);
const regressions: { seed: number; runs: number; note: string }[] = JSON.parse(
  await readFile(path.join(import.meta.dirname, 'regressions.json'), 'utf8'),
);

async function checkBatch(seed: number, runs: number): Promise<void> {
  const specDir = await tempDir(`sdkgen-property-${seed}-`);
  const outRoot = path.join(OUT_DIR, 'property', String(seed));
  const dirs: string[] = [];
  const samples = fc.sample(openapiDocument(), { seed, numRuns: runs });
  for (const [i, sample] of samples.entries()) {
    const file = path.join(specDir, `doc-${i}.json`);
    await writeFile(file, JSON.stringify(sample.document, null, 2));
    const doc = { id: `seed-${seed}-${i}`, file };
    const pkg = await generateDocument(doc).catch((error: Error) => {
      throw new Error(`seed ${seed}, document ${i} (${file}) did not generate: ${error.message}`);
    });
    dirs.push(await writePackage(doc, pkg, outRoot));
  }
  const errors = await typecheckPackages(dirs);
  expect(formatErrors(errors, outRoot), `seed ${seed}: documents in ${specDir}`).toBe('');
}

describe('random valid documents', () => {
  it(
    `generate packages that compile (seed ${SEED}, ${RUNS} documents)`,
    () => checkBatch(SEED, RUNS),
    300_000,
  );

  it.each(regressions.map((r) => [r.seed, r] as const))(
    'regression seed %s still compiles',
    (_seed, r) => checkBatch(r.seed, r.runs),
    300_000,
  );
});
