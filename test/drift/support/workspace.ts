// Temporary copies of specs/ and generated/ for commands that may write, plus helpers to run the upstream check
// in-process and to alter vendored documents.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkUpstreamCommand } from '../../../generator/drift/command.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Workspace {
  dir: string;
  specsDir: string;
  outDir: string;
  /** Hash of every file under the workspace: equal before and after means nothing was written. */
  fingerprint(): Promise<string>;
  remove(): Promise<void>;
}

/** Copies the named providers' specs (and generated packages, when `withGenerated`) into a temporary folder. */
export async function makeWorkspace(
  providers: string[],
  options: { withGenerated?: boolean } = {},
): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-drift-'));
  const specsDir = path.join(dir, 'specs');
  const outDir = path.join(dir, 'generated');
  for (const id of providers) {
    await cp(path.join(ROOT, 'specs', id), path.join(specsDir, id), { recursive: true });
    if (options.withGenerated)
      await cp(path.join(ROOT, 'generated', id), path.join(outDir, id), { recursive: true });
  }
  return {
    dir,
    specsDir,
    outDir,
    fingerprint: () => fingerprint(dir),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(`${path.relative(dir, file)}\0`).update(await readFile(file));
  return hash.digest('hex');
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `sdkgen check --upstream <args>` in-process, capturing what it prints. */
export async function runUpstream(args: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await checkUpstreamCommand(args, {
      rootDir: ROOT,
      templatesDir: path.join(ROOT, 'templates'),
    });
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export async function readSpec(
  provider: string,
  file: string,
  specsDir = path.join(ROOT, 'specs'),
): Promise<any> {
  return parse(await readFile(path.join(specsDir, provider, file), 'utf8'));
}

export const toYaml = (document: unknown) => stringify(document, { lineWidth: 0 });

/** A documentation page in the style of docs.whop.com: prose, then the document in a ````yaml fence. */
export function docsPage(title: string, yamlText: string): string {
  return `# ${title}\n\n> Retrieves things.\n\n\`\`\`javascript\nconst x = await client.things.list();\n\`\`\`\n\n## OpenAPI\n\n\`\`\`\`yaml https://example.test/openapi.yml get /things\n${yamlText}\n\`\`\`\`\n`;
}
