import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../generator/cli.js';
import { EXIT } from '../../../generator/cli/help.js';
import { tempDir } from '../../support/temp-dir.js';

/** The command line as a user meets it: help, version, usage errors, exit codes, and what errors name. */
async function capture(argv: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
const WHOP = path.join(ROOT, 'specs/whop');
const SPEC = path.join(ROOT, 'test/e2e/fixtures/journey/openapi.yaml');
const COMMANDS = ['generate', 'check', 'suggest', 'init'] as const;

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v'])
      expect(await capture([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each(['--help', '-h', 'help'])('sdkgen %s lists every command and the exit codes', async (flag) => {
    const { code, stdout } = await capture([flag]);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(`sdkgen ${command}`);
    expect(stdout).toMatch(
      /Exit codes[^\n]*\n\s+0 {2}done[^\n]*\n\s+1 {2}problems found[^\n]*\n\s+2 {2}usage/,
    );
  });

  it.each([...COMMANDS, 'check --upstream'])(
    'sdkgen %s --help shows its usage, exits 0 and runs nothing',
    async (command) => {
      const { code, stdout, stderr } = await capture([...command.split(' '), '--help']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(new RegExp(`Usage:\\s+sdkgen ${command}`));
      if (command !== 'check --upstream') expect(stdout).toContain('Exit codes');
    },
  );

  it.each([
    ['--help'],
    ['--version'],
    ['generate', '--help'],
    ['generate', '--bogus'],
    ['check', '--upstream', '--help'],
    ['check', '--upstream', '--bogus'],
  ])(
    'sdkgen %s loads none of the heavy libraries, from the real CLI process',
    async (...argv) => {
      const dir = await tempDir('sdkgen-loads-');
      const log = path.join(dir, 'resolved.log');
      await writeFile(
        path.join(dir, 'hooks.mjs'),
        `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');\n  return result;\n}\n`,
      );
      await writeFile(
        path.join(dir, 'register.mjs'),
        `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${path.join(dir, 'hooks.mjs')}`).href)});\n`,
      );
      const child = await promisify(execFile)(
        process.execPath,
        ['--import', path.join(dir, 'register.mjs'), path.join(ROOT, 'bin/sdkgen.js'), ...argv],
        { timeout: 60_000 },
      ).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
      expect(child.code).toBe(argv.includes('--bogus') ? EXIT.usage : EXIT.done);
      const resolved = await readFile(log, 'utf8');
      expect(resolved).toMatch(/cli\.(ts|mjs)|sdkgen\.mjs/);
      expect(
        resolved
          .split('\n')
          .filter((url) =>
            /node_modules\/(typescript|ts-morph|prettier|@redocly|openapi-typescript|handlebars)\//.test(url),
          ),
      ).toEqual([]);
    },
    60_000,
  );
});

describe('usage errors exit 2 with the command help', () => {
  it('an unknown command', async () => {
    const { code, stderr } = await capture(['generat']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/^sdkgen: unknown command "generat"\n\n.*Usage:/s);
  });

  it.each([...COMMANDS, 'check --upstream'])('an unknown flag of sdkgen %s', async (command) => {
    const { code, stdout, stderr } = await capture([...command.split(' '), '--bogus-flag']);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toContain("unknown flag '--bogus-flag'");
  });

  it('names the nearest flag', async () => {
    const { code, stderr } = await capture(['generate', '--verbsoe']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("sdkgen generate: unknown flag '--verbsoe'; did you mean --verbose?");
  });

  it('a missing flag value and missing --spec companions', async () => {
    expect((await capture(['generate', '--spec'])).stderr).toMatch(
      /option '--spec <value>' argument missing/,
    );
    const { code, stderr } = await capture(['generate', '--spec', SPEC]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('--spec needs --out <dir> and --name <ClientName>');
  });

  it('a folder as --spec says so, instead of EISDIR', async () => {
    const { code, stderr } = await capture([
      'generate',
      '--spec',
      WHOP,
      '--out',
      path.join(await tempDir('sdkgen-usage-'), 'x'),
      '--name',
      'X',
    ]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(`--spec ${WHOP} is a folder; give the OpenAPI document itself`);
    expect(stderr).not.toContain('EISDIR');
  });
});

describe('a spec from a URL', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const broken = (await readFile(SPEC, 'utf8')).replace(
      "$ref: '#/components/schemas/Widget'",
      "$ref: '#/components/schemas/NoSuchWidget'",
    );
    server = createServer((request, response) => {
      if (request.url === '/good/openapi.yaml') response.end(readFileSync(SPEC));
      else if (request.url === '/broken/openapi.yaml') response.end(broken);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const sdkgenTemps = async () =>
    (await readdir(tmpdir())).filter((name) => name.startsWith('sdkgen-spec-')).sort();

  it('generates, names the URL in the provenance line, and removes its download', async () => {
    const out = path.join(await tempDir('sdkgen-usage-'), 'acme');
    const before = await sdkgenTemps();
    const { code, stdout } = await capture([
      'generate',
      '--spec',
      `${base}/good/openapi.yaml`,
      '--out',
      out,
      '--name',
      'Acme',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Acme: \d+ files/);
    expect(await readFile(path.join(out, 'src/index.ts'), 'utf8')).toMatch(
      /^\/\/ Generated by sdkgen from 127\.0\.0\.1\/good\/openapi\.yaml\./,
    );
    expect(await sdkgenTemps()).toEqual(before);
  });

  it('cites the URL, not a temporary copy, in errors, and removes its download', async () => {
    const before = await sdkgenTemps();
    const url = `${base}/broken/openapi.yaml`;
    const { code, stderr } = await capture([
      'generate',
      '--spec',
      url,
      '--out',
      path.join(await tempDir('sdkgen-usage-'), 'x'),
      '--name',
      'Acme',
    ]);
    expect(code).toBe(EXIT.problems);
    expect(stderr).toContain(
      `${url} at #/paths/~1widgets~1{id}/get/responses/200/content/application~1json/schema`,
    );
    expect(stderr).not.toContain(tmpdir());
    expect(await sdkgenTemps()).toEqual(before);
  });

  it('says why a fetch failed', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { code, stderr } = await capture([
      'generate',
      '--spec',
      `http://127.0.0.1:${port}/openapi.yaml`,
      '--out',
      'x',
      '--name',
      'Acme',
    ]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/cannot fetch: fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
    const missing = await capture([
      'generate',
      '--spec',
      `${base}/nothing.yaml`,
      '--out',
      'x',
      '--name',
      'Acme',
    ]);
    expect(missing.stderr).toMatch(/cannot fetch: HTTP 404/);
  });
});

describe('sdkgen.json', () => {
  it('an unknown key names the file, the pointer and the nearest known key, and exits 1', async () => {
    const specs = await tempDir('sdkgen-usage-');
    await cp(WHOP, path.join(specs, 'whop'), { recursive: true });
    const file = path.join(specs, 'whop/sdkgen.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    config.paginaton = config.pagination;
    delete config.pagination;
    (config.queryFormat as Record<string, unknown>).arays = 'comma';
    await writeFile(file, JSON.stringify(config));
    const { code, stderr } = await capture([
      'generate',
      '--specs-dir',
      specs,
      '--out-dir',
      path.join(specs, 'out'),
    ]);
    expect(code).toBe(EXIT.problems);
    expect(stderr).toContain(`${file} at /paginaton: unknown key "paginaton"; did you mean "pagination"?`);
    expect(stderr).toContain(`${file} at /queryFormat/arays: unknown key "arays"; did you mean "arrays"?`);
    await expect(readdir(path.join(specs, 'out'))).rejects.toThrow(/ENOENT/);
  });
});

describe('--out', () => {
  it('refuses a folder sdkgen did not generate (exit 2, untouched); --force replaces it; a generated one is replaced', async () => {
    const out = path.join(await tempDir('sdkgen-usage-'), 'mine');
    await mkdir(path.join(out, '.git'), { recursive: true });
    await writeFile(path.join(out, '.git/HEAD'), 'ref: refs/heads/main\n');
    await writeFile(path.join(out, 'notes.md'), 'mine');
    const args = ['generate', '--spec', SPEC, '--out', out, '--name', 'Acme'];
    const refused = await capture(args);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain(`${out} is not empty and was not generated by sdkgen`);
    expect((await readdir(out)).sort()).toEqual(['.git', 'notes.md']);
    expect((await capture([...args, '--force'])).code).toBe(0);
    expect(await readdir(out)).toContain('.sdkgen-manifest.json');
    await expect(readFile(path.join(out, 'notes.md'))).rejects.toThrow(/ENOENT/);
    await mkdir(path.join(out, 'node_modules'));
    expect((await capture(args)).code).toBe(0);
    expect(await readdir(out)).toContain('node_modules');
  }, 60_000);
});

describe('init', () => {
  it('scaffolds a repository whose config points at the shipped schema; refuses a non-empty folder', async () => {
    const dir = path.join(await tempDir('sdkgen-usage-'), 'acme-sdks');
    const { code, stdout } = await capture(['init', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Next:');
    const files = (await readdir(dir, { recursive: true })).map((f) => f.split(path.sep).join('/')).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/sdkgen.yml',
        '.gitignore',
        'README.md',
        'package.json',
        'specs/acme/sdkgen.json',
      ]),
    );
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts).toMatchObject({
      generate: 'sdkgen generate',
      check: 'sdkgen check --generated',
      'check:upstream': 'sdkgen check --upstream',
    });
    expect(await readFile(path.join(dir, '.github/workflows/sdkgen.yml'), 'utf8')).toMatch(
      /npm run check\n[\s\S]*npm run check:upstream/,
    );
    const again = await capture(['init', dir]);
    expect(again.code).toBe(EXIT.usage);
    expect(again.stderr).toContain('is not empty');
  });
});
