import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli.js';
import { tempDir } from '../support/temp-dir.js';

/** The CLI end to end, in process: exit codes, messages with file and pointer, and output left alone on failure. */
async function capture(run: () => Promise<number>) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await run();
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

async function workspace() {
  const dir = await tempDir('sdkgen-cli-');
  await cp('specs/whop', path.join(dir, 'specs/whop'), { recursive: true });
  await cp('generated/whop', path.join(dir, 'out/whop'), { recursive: true });
  return { specs: path.join(dir, 'specs'), out: path.join(dir, 'out') };
}

async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  )) {
    const full = path.join(name.parentPath, name.name);
    files[path.relative(dir, full)] = await readFile(full, 'utf8');
  }
  return files;
}

afterEach(() => vi.restoreAllMocks());

describe('sdkgen generate', () => {
  it('regenerates into an output folder, byte for byte what generated/ holds', async () => {
    const { specs, out } = await workspace();
    const { code, stdout } = await capture(() =>
      main(['generate', 'whop', '--specs-dir', specs, '--out-dir', out]),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Whop: \d+ files, 1 resources, 2 operations/);
    expect(await snapshotTree(path.join(out, 'whop'))).toEqual(await snapshotTree('generated/whop'));
  }, 60_000);

  it('fails on a dangling $ref with the file and JSON pointer, and leaves the output untouched', async () => {
    const { specs, out } = await workspace();
    const file = path.join(specs, 'whop/retrieve-resolution-center-case.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace(
        "$ref: '#/components/schemas/ResolutionCenterCase'",
        "$ref: '#/components/schemas/NoSuchCase'",
      ),
    );
    const before = await snapshotTree(out);
    const { code, stderr } = await capture(() => main(['generate', '--specs-dir', specs, '--out-dir', out]));
    expect(code).toBe(1);
    expect(stderr).toContain(
      'retrieve-resolution-center-case.yaml at #/paths/~1resolution_center_cases~1{id}/get/responses/200/content/application~1json/schema',
    );
    expect(stderr).toMatch(/Can't resolve \$ref/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(await snapshotTree(out)).toEqual(before);
  }, 60_000);

  it('rejects a pagination declaration that names a parameter the spec lacks', async () => {
    const { specs, out } = await workspace();
    const configFile = path.join(specs, 'whop/sdkgen.json');
    const config = JSON.parse(await readFile(configFile, 'utf8'));
    config.pagination[0].afterParam = 'cursor';
    await writeFile(configFile, JSON.stringify(config));
    const { code, stderr } = await capture(() => main(['generate', '--specs-dir', specs, '--out-dir', out]));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /sdkgen\.json at #\/paths\/~1resolution_center_cases\/get: pagination of listResolutionCenterCase: afterParam "cursor" is not a query parameter/,
    );
  }, 60_000);

  it('names a provider that does not exist', async () => {
    const { specs, out } = await workspace();
    const { code, stderr } = await capture(() =>
      main(['generate', 'nope', '--specs-dir', specs, '--out-dir', out]),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/no provider named nope \(known: whop\)/);
  });
});

describe('sdkgen suggest', () => {
  it('infers the cursor declaration Whop needs, for a person to confirm', async () => {
    const { code, stdout } = await capture(() =>
      main(['suggest', 'specs/whop/list-resolution-center-cases.yaml']),
    );
    expect(code).toBe(0);
    const [first] = JSON.parse(stdout);
    const { operation, ...declared } = JSON.parse(await readFile('specs/whop/sdkgen.json', 'utf8'))
      .pagination[0];
    expect(first).toEqual({ operation, ...declared });
  });
});
