import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePackage } from '../../generator/pipeline.js';
import { loadProviders } from '../../generator/providers.js';

/** One file snapshot per generated file per provider: a change in output shows up as a reviewable diff. */
const root = path.resolve('.');
const providers = await loadProviders(path.join(root, 'specs'));

describe.each(providers.map((p) => [p.id, p] as const))('%s', (id, provider) => {
  it('matches the file snapshots, file by file', async () => {
    const { files } = await generatePackage(provider, { rootDir: root, templatesDir: path.join(root, 'templates') });
    expect([...files.keys()]).toContain('src/index.ts');
    for (const [file, text] of files) {
      await expect(text).toMatchFileSnapshot(`./__snapshots__/${id}/${file}.snap`);
    }
  }, 60_000);
});
