// Output drift: `sdkgen check --generated` regenerates in memory, lists every file that differs with a short
// diff, and writes nothing.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGenerated, shortDiff } from '../../generator/check-generated.js';
import { writeOutputs } from '../../generator/format/write-output.js';
import { generatePackage } from '../../generator/pipeline.js';
import { loadProviders } from '../../generator/providers.js';
import { makeWorkspace, ROOT, type Workspace } from './support/workspace.js';

const options = { rootDir: ROOT, templatesDir: path.join(ROOT, 'templates') };

describe('checkGenerated', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await makeWorkspace(['pismo']);
    const [pismo] = await loadProviders(workspace.specsDir, ['pismo']);
    await writeOutputs(new Map([[path.join(workspace.outDir, 'pismo'), (await generatePackage(pismo!, options)).files]]));
  }, 60_000);
  afterAll(() => workspace.remove());

  it('is clean right after generating', { timeout: 60_000 }, async () => {
    const report = await checkGenerated(await loadProviders(workspace.specsDir), workspace.outDir, options);
    expect(report.clean).toBe(true);
    expect(report.text).toBe('generated/ matches the specs (1 providers)\n');
  });

  it('lists added, removed and changed files with a diff, and writes nothing', { timeout: 60_000 }, async () => {
    const dir = path.join(workspace.outDir, 'pismo');
    const client = path.join(dir, 'src/client.ts');
    await writeFile(client, (await readFile(client, 'utf8')).replace(/\n/, '\n// edited by hand\n'));
    await rm(path.join(dir, 'api.md'));
    await writeFile(path.join(dir, 'src/stray.ts'), 'export {};\n');
    const before = await workspace.fingerprint();
    const report = await checkGenerated(await loadProviders(workspace.specsDir), workspace.outDir, options);
    expect(report.clean).toBe(false);
    expect(report.changes).toEqual([
      { provider: 'pismo', file: 'api.md', kind: 'added' },
      { provider: 'pismo', file: 'src/client.ts', kind: 'changed' },
      { provider: 'pismo', file: 'src/stray.ts', kind: 'removed' },
    ]);
    expect(report.text).toContain('  @@ line 2: 1 line(s) on disk, 0 line(s) generated\n  - // edited by hand\n');
    expect(report.text).toContain('3 file(s) differ from what the specs generate (1 added, 1 removed, 1 changed)');
    expect(await workspace.fingerprint()).toBe(before);
  });
});

describe('shortDiff', () => {
  it('shows only the changed region, capped', () => {
    expect(shortDiff('a\nb\nc\nd', 'a\nB\nc\nd')).toEqual(['  @@ line 2: 1 line(s) on disk, 1 line(s) generated', '  - b', '  + B']);
    const many = Array.from({ length: 9 }, (_, i) => `x${i}`).join('\n');
    expect(shortDiff('a', `a\n${many}`, 2)).toEqual(['  @@ line 2: 0 line(s) on disk, 9 line(s) generated', '  + x0', '  + x1', '  + ... 7 more']);
  });
});
