import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { MANIFEST_FILE } from './format/write-output.js';
import { displayPath } from './load/bundle.js';
import { generatePackage, type PipelineOptions } from './pipeline.js';
import type { ProviderConfig } from './providers.js';

export interface GeneratedDrift {
  clean: boolean;
  text: string;
  changes: { provider: string; file: string; kind: 'added' | 'removed' | 'changed' }[];
}

/** Regenerates every provider in memory and compares with what is on disk; writes nothing. */
export async function checkGenerated(
  providers: readonly ProviderConfig[],
  outRoot: string,
  options: PipelineOptions,
): Promise<GeneratedDrift> {
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
  const counts = (['added', 'removed', 'changed'] as const)
    .map((kind) => `${changes.filter((c) => c.kind === kind).length} ${kind}`)
    .join(', ');
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
    // Not generated text: installs and builds, and the write stage's manifest (derived from the file list).
    if (relative.startsWith('node_modules/') || relative.startsWith('dist/') || relative === MANIFEST_FILE)
      continue;
    files.set(relative, await readFile(full, 'utf8'));
  }
  return files;
}

/**
 * The changed lines of a file as unified-diff hunks (the `diff` library's line diff, no context), capped so a large
 * change stays readable: two lines inserted far apart are two one-line hunks, not one block spanning both.
 */
export function shortDiff(before: string, after: string, limit = 12): string[] {
  const { hunks } = structuredPatch('disk', 'generated', before, after, '', '', { context: 0 });
  const out: string[] = [];
  let shown = 0;
  let hidden = 0;
  for (const hunk of hunks) {
    const changed = hunk.lines.filter((line) => line.startsWith('-') || line.startsWith('+'));
    if (shown >= limit) {
      hidden += changed.length;
      continue;
    }
    out.push(
      `  @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@ (disk, generated)`,
    );
    for (const line of changed) {
      if (shown < limit) out.push(`  ${line[0]} ${line.slice(1)}`);
      else hidden++;
      shown++;
    }
  }
  if (hidden) out.push(`  ... ${hidden} more changed line(s)`);
  return out;
}
