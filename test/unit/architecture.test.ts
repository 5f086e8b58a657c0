import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

it('ARCHITECTURE.md names every module of generator/', () => {
  const text = readFileSync('ARCHITECTURE.md', 'utf8');
  const modules = readdirSync('generator', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.basename(f));
  expect(modules.length).toBeGreaterThan(40);
  expect(modules.filter((name) => !text.includes(`\`${name}\``) && !text.includes(`/${name}\``))).toEqual([]);
});
