import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './corpus.js';
import { writeExamples } from './examples.js';
import { formatErrors, typecheckPackages } from './typecheck.js';

/**
 * The committed packages in generated/ document examples too, the spec's own code samples among them (JSDoc
 * `@example`): copied to a temporary folder, each gets its examples written beside it, and all compile in one
 * program under the consumer's strictest settings.
 */
let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('examples of the generated packages', () => {
  it('every README, api.md and JSDoc example of generated/ type-checks against its package', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-generated-examples-'));
    const providers = (await readdir(path.join(ROOT, 'generated'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(providers.length).toBeGreaterThan(0);
    const dirs: string[] = [];
    let jsdoc = 0;
    for (const provider of providers) {
      const copy = path.join(dir, provider);
      await cp(path.join(ROOT, 'generated', provider), copy, { recursive: true });
      const { files, examples } = await writeExamples(copy);
      expect(examples, provider).toBeGreaterThan(1);
      jsdoc += files.filter((f) => f.endsWith('jsdoc.ts')).length;
      dirs.push(copy);
    }
    // Whop's description carries code samples: the JSDoc path is exercised, not only the README's.
    expect(jsdoc).toBeGreaterThan(0);
    expect(formatErrors(await typecheckPackages(dirs), dir)).toBe('');
  }, 120_000);
});
