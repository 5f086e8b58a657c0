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
    await writeOutputs(
      new Map([[path.join(workspace.outDir, 'pismo'), (await generatePackage(pismo!, options)).files]]),
    );
  }, 60_000);
  afterAll(() => workspace.remove());

  it('is clean right after generating', { timeout: 60_000 }, async () => {
    const report = await checkGenerated(await loadProviders(workspace.specsDir), workspace.outDir, options);
    expect(report.clean).toBe(true);
    expect(report.text).toBe('generated/ matches the specs (1 providers)\n');
  });

  it(
    'lists added, removed and changed files with a diff, and writes nothing',
    { timeout: 60_000 },
    async () => {
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
      expect(report.text).toContain('  @@ -2,1 +2,0 @@ (disk, generated)\n  - // edited by hand\n');
      expect(report.text).toContain(
        '3 file(s) differ from what the specs generate (1 added, 1 removed, 1 changed)',
      );
      expect(await workspace.fingerprint()).toBe(before);
    },
  );
});

describe('shortDiff', () => {
  it('shows each changed line once, as unified-diff hunks without context', () => {
    expect(shortDiff('a\nb\nc\nd', 'a\nB\nc\nd')).toEqual([
      '  @@ -2,1 +2,1 @@ (disk, generated)',
      '  - b',
      '  + B',
    ]);
  });

  it('reports two lines inserted far apart as two one-line hunks', () => {
    const lines = Array.from({ length: 90 }, (_, i) => `line ${i}`);
    const after = [
      ...lines.slice(0, 10),
      'inserted 1',
      ...lines.slice(10, 80),
      'inserted 2',
      ...lines.slice(80),
    ];
    expect(shortDiff(lines.join('\n'), after.join('\n'))).toEqual([
      '  @@ -11,0 +11,1 @@ (disk, generated)',
      '  + inserted 1',
      '  @@ -81,0 +82,1 @@ (disk, generated)',
      '  + inserted 2',
    ]);
  });

  it('caps what it shows and counts the rest', () => {
    const many = Array.from({ length: 9 }, (_, i) => `x${i}\n`).join('');
    expect(shortDiff('a\n', `a\n${many}`, 2)).toEqual([
      '  @@ -2,0 +2,9 @@ (disk, generated)',
      '  + x0',
      '  + x1',
      '  ... 7 more changed line(s)',
    ]);
  });
});
