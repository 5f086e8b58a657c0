import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationErrors, SpecError } from '../../../generator/errors.js';
import { writeOutputs } from '../../../generator/format/write-output.js';
import { generatePackage, type GeneratedPackage } from '../../../generator/pipeline.js';
import { resolveProviderConfig } from '../../../generator/providers.js';
import { formatErrors, typecheckPackages } from '../../corpus/typecheck.js';
import { CASES, type CaseContext, type HostileCase } from './cases.js';

/**
 * Documents written to attack the generator (test/hostile/documents/cases.ts). Each either generates a package
 * that compiles under strict tsc and imports without running any payload, or fails with its file, JSON pointer
 * and a way out, no stack trace, within its budget. No case may read outside its folder (a secret sits next to
 * it) or fetch anything (a canary server listens on loopback and must see no request).
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const SECRET = `SECRET-CANARY-${process.pid}`;

let work: string;
let canary: Server;
const canaryRequests: string[] = [];
let ctx: CaseContext;
const results = new Map<string, { pkg?: GeneratedPackage; error?: unknown; ms: number; specFile: string }>();
const generatedDirs = new Map<string, string>();
const budgetFigures: { id: string; code: number; ms: number; maxRssMB: number }[] = [];

/** The package's ES module build (`dist/esm`), file by file: what a consumer of the published package imports. */
async function buildJs(dir: string): Promise<void> {
  for (const file of await readdir(path.join(dir, 'src'), { recursive: true })) {
    if (!file.endsWith('.ts')) continue;
    const source = await readFile(path.join(dir, 'src', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    });
    const target = path.join(dir, 'dist/esm', file.replace(/\.ts$/, '.js'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
}

async function writeCase(dir: string, files: Record<string, string | { link: string }>): Promise<void> {
  for (const [name, file] of Object.entries(files)) {
    const target = path.join(dir, name);
    await mkdir(path.dirname(target), { recursive: true });
    if (typeof file === 'string') await writeFile(target, file);
    else await symlink(file.link, target);
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sdkgen-hostile-'));
  canary = createServer((request, response) => {
    canaryRequests.push(`${request.method} ${request.url}`);
    response.end('type: object\n');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  const outside = path.join(work, 'outside');
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.yaml'), `type: object\ndescription: ${SECRET}\n`);
  await writeFile(path.join(outside, 'secret.json'), JSON.stringify({ type: 'object', description: SECRET }));
  ctx = { outside, secret: SECRET, canary: `http://127.0.0.1:${(canary.address() as AddressInfo).port}` };
  for (const hostile of CASES) {
    const dir = path.join(work, 'specs', hostile.id);
    await writeCase(dir, hostile.files(ctx));
    const specFile = path.join(dir, hostile.root ?? 'openapi.yaml');
    const sources = [hostile.root ?? 'openapi.yaml', ...(hostile.also ?? [])].map((file) => ({ file }));
    const provider = resolveProviderConfig(
      { clientName: 'Acme', packageName: `@hostile/${hostile.id.toLowerCase()}`, sources },
      dir,
      '--spec',
    );
    const started = performance.now();
    try {
      const pkg = await generatePackage(provider, {
        rootDir: ROOT,
        templatesDir: path.join(ROOT, 'templates'),
      });
      results.set(hostile.id, { pkg, ms: performance.now() - started, specFile });
    } catch (error) {
      results.set(hostile.id, { error, ms: performance.now() - started, specFile });
    }
  }
  for (const [id, result] of results) {
    if (!result.pkg) continue;
    const out = path.join(work, 'out', id);
    await writeOutputs(new Map([[out, result.pkg.files]]));
    generatedDirs.set(id, out);
  }
}, 600_000);

afterAll(async () => {
  // The measured figures of the budget cases, for the record (README of issue 10: time and peak memory).
  if (budgetFigures.length)
    console.log(
      budgetFigures.map((f) => `${f.id}: exit ${f.code}, ${f.ms} ms, ${f.maxRssMB} MB peak RSS`).join('\n'),
    );
  await new Promise((resolve) => canary?.close(resolve));
  if (work) await rm(work, { recursive: true, force: true });
});

const generating = CASES.filter((c) => c.expect === 'generates');
const refused = CASES.filter(
  (c): c is HostileCase & { expect: { pointer: string; says: RegExp } } => c.expect !== 'generates',
);

describe('hostile documents', () => {
  it('has at least 60 of them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  it.each(generating.map((c) => [c.id, c] as const))(
    '%s generates, and reads nothing outside its folder',
    (id, hostile) => {
      const result = results.get(id)!;
      expect(result.error, String((result.error as Error | undefined)?.stack)).toBeUndefined();
      for (const [file, text] of result.pkg!.files) {
        expect(text, file).not.toContain(SECRET);
        // The provenance line stays one line, whatever the spec file is called.
        if (file.endsWith('.ts'))
          expect(text.split('\n')[0], file).toMatch(
            /^\/\/ Generated by sdkgen from .*\. Do not edit: change the spec or the generator and regenerate\.$/,
          );
        if (file.endsWith('.md')) {
          // Spec text renders as text: no raw HTML outside code blocks, and the provenance comment ends where it should.
          const prose = text
            .slice(text.indexOf('\n'))
            .replace(/^```[\s\S]*?^```$/gm, '')
            .replace(/(`+)[\s\S]*?\1/g, '');
          expect(prose, file).not.toMatch(/<script|<img/i);
          expect(text.split('<!--').length, file).toBe(2);
          expect(text.split('\n')[0]!.split('-->'), file).toEqual([
            expect.stringMatching(/^<!-- Generated by sdkgen from /),
            '',
          ]);
        }
        if (file.endsWith('package.json')) expect(() => JSON.parse(text), file).not.toThrow();
      }
      for (const [file, wanted] of Object.entries(hostile.contains ?? {})) {
        for (const text of wanted) expect(result.pkg!.files.get(file), file).toContain(text);
      }
    },
  );

  it.each(refused.map((c) => [c.id, c] as const))(
    '%s fails with file, pointer and a way out',
    (id, hostile) => {
      const result = results.get(id)!;
      expect(result.pkg, 'generated instead of failing').toBeUndefined();
      const error = result.error as Error;
      expect(error instanceof SpecError || error instanceof GenerationErrors, error.stack).toBe(true);
      const problems = error instanceof GenerationErrors ? error.errors : [error];
      const match = problems.find((p) => hostile.expect.says.test(p.message)) as SpecError | undefined;
      expect(match, error.message).toBeDefined();
      expect(match!.pointer).toBe(hostile.expect.pointer);
      expect(match!.file).toMatch(/\.(ya?ml|json)$/);
      expect(match!.hint).toBeTruthy();
      expect(error.message).not.toMatch(STACK_FRAME);
      expect(error.message).not.toContain(SECRET);
      expect(result.ms).toBeLessThan(15_000);
    },
  );

  it('every generated package compiles under strict tsc (one program)', async () => {
    expect(generatedDirs.size).toBe(generating.length);
    const errors = await typecheckPackages([...generatedDirs.values()]);
    expect(formatErrors(errors, path.join(work, 'out'))).toBe('');
  }, 300_000);

  it('importing every package, from src and as built JS, runs no payload, and list calls send no inherited names', async () => {
    const markers = path.join(work, 'markers');
    await mkdir(markers, { recursive: true });
    for (const dir of generatedDirs.values()) await buildJs(dir);
    const packages = [...generatedDirs].map(([id, dir]) => ({ id, dir, clientName: 'Acme' }));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        path.join(import.meta.dirname, 'import-packages.ts'),
        JSON.stringify(packages),
      ],
      {
        cwd: markers,
        env: { ...process.env, NODE_OPTIONS: '' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(await readdir(markers)).toEqual([]);
    const { bare, probed } = JSON.parse(stdout) as Record<'bare' | 'probed', Record<string, string[]>>;
    expect(Object.keys(bare).sort()).toEqual([...generatedDirs.keys()].sort());
    const inherited =
      /[?&](hasOwnProperty|valueOf|isPrototypeOf|toLocaleString|__defineGetter__|constructor|toString|__proto__)=/;
    for (const [id, list] of Object.entries(bare))
      for (const url of list) expect(url, id).not.toMatch(inherited);
    // Given by the caller, the same names are sent like any other parameter.
    const sent = new URL(probed['prototype-query-parameters']!.find((url) => url.includes('/charges?'))!)
      .searchParams;
    expect(Object.fromEntries(sent)).toEqual(
      Object.fromEntries(
        [
          'hasOwnProperty',
          'valueOf',
          'isPrototypeOf',
          'toLocaleString',
          '__defineGetter__',
          'constructor',
          'toString',
          '__proto__',
        ].map((n) => [n, 'v']),
      ),
    );
    expect(bare['prototype-query-parameters']).toContain('http://127.0.0.1:9/charges');
  }, 300_000);

  it.each(CASES.filter((c) => c.budget).map((c) => [c.id, c] as const))(
    '%s is refused by the real CLI within 30 s and a 1 GB heap',
    async (id, hostile) => {
      const spec = results.get(id)!.specFile;
      const run = await promisify(execFile)(
        process.execPath,
        [
          '--max-old-space-size=1024',
          '--import',
          import.meta.resolve('tsx'),
          path.join(import.meta.dirname, 'run-cli.ts'),
          spec,
          path.join(work, 'cli-out', id),
        ],
        { cwd: ROOT, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } },
      );
      const figures = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
        code: number;
        ms: number;
        maxRssMB: number;
      };
      budgetFigures.push({ id, ...figures });
      expect(figures.code).toBe(1);
      expect(run.stderr).toContain(`at ${(hostile.expect as { pointer: string }).pointer}: `);
      expect(run.stderr).toMatch((hostile.expect as { says: RegExp }).says);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(figures.ms).toBeLessThan(30_000);
      expect(figures.maxRssMB).toBeLessThan(1024);
    },
    90_000,
  );

  it('no $ref was fetched: the canary server saw no request', () => {
    expect(canaryRequests).toEqual([]);
  });
});
