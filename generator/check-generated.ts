import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { generatePackage, type PipelineOptions } from './pipeline.js';
import type { ProviderConfig } from './providers.js';

export interface GeneratedDrift {
  clean: boolean;
  text: string;
  changes: { provider: string; file: string; kind: 'added' | 'removed' | 'changed' }[];
}

/** Regenerates every provider in memory and compares with what is on disk; writes nothing. */
export async function checkGenerated(providers: readonly ProviderConfig[], outRoot: string, options: PipelineOptions): Promise<GeneratedDrift> {
  const changes: GeneratedDrift['changes'] = [];
  const lines: string[] = [];
  for (const provider of providers) {
    const expected = (await generatePackage(provider, options)).files;
    const dir = path.join(outRoot, provider.id);
    const actual = await readTree(dir);
    for (const file of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
      const want = expected.get(file);
      const have = actual.get(file);
      if (want === have) continue;
      const kind = have === undefined ? 'added' : want === undefined ? 'removed' : 'changed';
      changes.push({ provider: provider.id, file, kind });
      lines.push(`${kind.padEnd(8)} generated/${provider.id}/${file}`);
      if (kind === 'changed') lines.push(...shortDiff(have!, want!));
    }
  }
  const clean = changes.length === 0;
  lines.push(clean ? `generated/ matches the specs (${providers.length} providers)` : `${changes.length} file(s) differ: run \`npm run generate\` and commit the result`);
  return { clean, text: lines.join('\n') + '\n', changes };
}

async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? (entry as any).path, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    if (relative.startsWith('node_modules/') || relative.startsWith('dist/')) continue;
    files.set(relative, await readFile(full, 'utf8'));
  }
  return files;
}

/** The first differing lines, enough to see what changed without a diff tool. */
function shortDiff(before: string, after: string, context = 3): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  const out: string[] = [`  @@ line ${start + 1}`];
  for (const line of a.slice(start, start + context)) out.push(`  - ${line}`);
  for (const line of b.slice(start, start + context)) out.push(`  + ${line}`);
  return out;
}
