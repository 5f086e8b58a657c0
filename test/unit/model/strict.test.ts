import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../generator/cli.js';

/** No silent loss: what the generator cannot express is a warning naming its pointer; --strict makes it an error. */
const SPEC = path.resolve(import.meta.dirname, '../../corpus/fixtures/edge-cases/openapi.yaml');

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-strict-'));
  temps.push(dir);
  return dir;
};

async function run(args: string[]) {
  let stderr = '';
  const spy = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await main(args), stderr };
  } finally {
    spy.mockRestore();
    out.mockRestore();
  }
}

describe('warnings and --strict', () => {
  it('warns about a method name it could not give, naming its pointer, and still writes the package', async () => {
    const out = path.join(await tempDir(), 'pkg');
    const { code, stderr } = await run(['generate', '--spec', SPEC, '--out', out, '--name', 'EdgeCases']);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /warning: .*openapi\.yaml at #\/paths\/~1things~1\{thing-id\}~1\{path\}\/get: method name "retrieve" is taken/,
    );
    expect((await stat(path.join(out, 'src/index.ts'))).isFile()).toBe(true);
  }, 60_000);

  it('with --strict, the same warnings are errors and nothing is written', async () => {
    const out = path.join(await tempDir(), 'pkg');
    const { code, stderr } = await run([
      'generate',
      '--spec',
      SPEC,
      '--out',
      out,
      '--name',
      'EdgeCases',
      '--strict',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('nothing was written');
    expect(stderr).toMatch(
      /error: .*openapi\.yaml at #\/paths\/~1things~1\{thing-id\}~1\{path\}\/get: method name "retrieve" is taken[^\n]*\n {2}-> fix the spec, or run without --strict/,
    );
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  }, 60_000);
});
