import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from './load/bundle.js';
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
      // `added`: the generator makes it and it is missing on disk; `removed`: on disk, no longer generated.
      lines.push(`${kind.padEnd(8)} ${displayPath(path.join(dir, file)).split(path.sep).join('/')}`);
      if (kind === 'changed') lines.push(...shortDiff(have!, want!));
    }
  }
  const clean = changes.length === 0;
  const counts = (['added', 'removed', 'changed'] as const).map((kind) => `${changes.filter((c) => c.kind === kind).length} ${kind}`).join(', ');
  lines.push(
    clean
      ? `generated/ matches the specs (${providers.length} providers)`
      : `${changes.length} file(s) differ from what the specs generate (${counts}): run \`npm run generate\` and commit the result`,
  );
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

/**
 * The changed region of a file: the lines between the common start and the common end, removed then added, capped
 * so a large change stays readable. Enough to see what changed without a diff tool.
 */
export function shortDiff(before: string, after: string, limit = 6): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const removed = a.slice(start, endA);
  const added = b.slice(start, endB);
  const out = [`  @@ line ${start + 1}: ${removed.length} line(s) on disk, ${added.length} line(s) generated`];
  const show = (lines: string[], sign: string) => {
    for (const line of lines.slice(0, limit)) out.push(`  ${sign} ${line}`);
    if (lines.length > limit) out.push(`  ${sign} ... ${lines.length - limit} more`);
  };
  show(removed, '-');
  show(added, '+');
  return out;
}
