import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readmeSnippetsModule } from '../e2e/support/readme-snippets.js';

/**
 * Writes every TypeScript example a generated package documents (README.md, api.md and the `@example` blocks of
 * its JSDoc) into `<dir>/examples/`, importing the package's own source instead of its published name, so one
 * compiler run checks them against the very signatures they document. Returns the files and how many examples
 * they hold.
 */
export async function writeExamples(dir: string): Promise<{ files: string[]; examples: number }> {
  const packageName = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')).name as string;
  // The package's subpaths too: `<name>/core` and `<name>/funcs/<module>` are src/core.ts and src/funcs/<module>.ts.
  const local = (source: string) =>
    source
      .replaceAll(`from '${packageName}'`, `from '../src/index.js'`)
      .replaceAll(`from '${packageName}/core'`, `from '../src/core.js'`)
      .replace(
        new RegExp(`from '${packageName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/funcs/([\\w-]+)'`, 'g'),
        `from '../src/funcs/$1.js'`,
      );
  const out = path.join(dir, 'examples');
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  let examples = 0;
  for (const doc of ['README.md', 'api.md']) {
    const text = await readFile(path.join(dir, doc), 'utf8');
    const blocks = [...text.matchAll(/^```ts\n/gm)].length;
    if (!blocks) continue;
    examples += blocks;
    const file = path.join(out, `${doc.replace('.md', '').toLowerCase()}.ts`);
    await writeFile(file, local(readmeSnippetsModule(text)));
    files.push(file);
  }
  const jsdoc = await jsdocExamples(path.join(dir, 'src'));
  if (jsdoc.length) {
    examples += jsdoc.length;
    const file = path.join(out, 'jsdoc.ts');
    await writeFile(file, local(samplesModule(jsdoc, packageName)));
    files.push(file);
  }
  return { files, examples };
}

/**
 * JSDoc examples are a spec's whole programs (they import the package and create their own client) or calls built
 * from the signature on a `client` like the README's: imports go first, once each, `client` is declared for the
 * calls, and each body becomes an async function of its own.
 */
function samplesModule(samples: readonly string[], packageName: string): string {
  const imports = new Set<string>([`import Client from '${packageName}';`]);
  const bodies = samples.map((sample) =>
    sample
      .split('\n')
      .filter((line) => !(line.startsWith('import ') && imports.add(line)))
      .join('\n'),
  );
  return [
    ...imports,
    'declare const process: { env: Record<string, string | undefined> };',
    'declare const client: Client;',
    ...bodies.map((body, i) => `export async function sample${i}(): Promise<void> {\n${body}\n}`),
    '',
  ].join('\n');
}

/** The code of every `@example` fenced block in the package's TypeScript sources, comment markers removed. */
async function jsdocExamples(srcDir: string): Promise<string[]> {
  const result: string[] = [];
  for (const file of (await readdir(srcDir, { recursive: true })).filter((f) => f.endsWith('.ts')).sort()) {
    const text = await readFile(path.join(srcDir, file), 'utf8');
    for (const match of text.matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)) {
      result.push(
        match[1]!
          .split('\n')
          .map((line) => line.replace(/^\s*\* ?/, ''))
          .join('\n')
          .replaceAll('*\\/', '*/'),
      );
    }
  }
  return result;
}
