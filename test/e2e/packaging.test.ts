import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../generator/emit/package/manifest.js';
import { packDryRun, publishPackage, type PackSummary } from '../../scripts/release.js';
import { writeMergedSpec } from '../support/merged-spec.js';
import { startPrism, type PrismServer } from '../support/prism.js';
import { dumpDom, requireChromium, servePage } from './support/browser.js';
import { compileVariant, runVariant, VARIANTS, writeConsumer, type Variant } from './support/consumer.js';
import { exportedNames } from './support/exports.js';
import { buildGeneratedPackages, REPO_ROOT, type BuiltPackage } from './support/packages.js';
import { runCommand, type RunResult } from './support/processes.js';
import { startRegistry, type Registry } from './support/registry.js';

/**
 * The generated packages as users get them: built with `npm run build`'s code, linted, published to a private
 * registry, installed from it into a fresh project, compiled there as ESM and as CommonJS, run under Node against
 * the Prism mock of each provider, and bundled for a browser that calls the Whop mock from a page. Every server is
 * started and stopped here; nothing touches the network beyond loopback.
 */
const PROVIDERS = ['decisionly', 'pismo', 'whop'] as const;
const VARIANT_NAMES = Object.keys(VARIANTS) as Variant[];
/** Budget for a browser bundle that uses one Whop method, minified and gzipped: growth past it is a regression. */
const BROWSER_BUNDLE_BUDGET = 12 * 1024;

let work: string;
let packages: BuiltPackage[] = [];
let registry: Registry | undefined;
const prisms = new Map<string, PrismServer>();
const packed = new Map<string, PackSummary>();
let browserBundle: { minified: number; gzipped: number } | undefined;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sdkgen-packaging-'));
  // The servers start while the packages build; whatever started is stopped in afterAll even if something failed.
  const results = await Promise.allSettled([
    buildGeneratedPackages(path.join(work, 'packages')).then((built) => (packages = built)),
    startRegistry(path.join(work, 'registry')).then((started) => (registry = started)),
    ...PROVIDERS.map(async (id) => prisms.set(id, await startPrism(await writeMergedSpec(id)))),
  ]);
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  expect(packages.map((p) => p.id)).toEqual([...PROVIDERS]);
}, 240_000);

afterAll(async () => {
  await Promise.all([registry?.service.stop(), ...[...prisms.values()].map((p) => p.close())]);
  if (work) await rm(work, { recursive: true, force: true });
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const lines = [...packed.values()].map(
    (s) =>
      `  ${s.name}@${s.version}: packed ${kB(s.size)}, unpacked ${kB(s.unpackedSize)}, ${s.files.length} files`,
  );
  if (browserBundle)
    lines.push(
      `  browser bundle using one Whop method: ${kB(browserBundle.minified)} minified, ${kB(browserBundle.gzipped)} min+gz`,
    );
  if (lines.length) console.log(`package sizes:\n${lines.join('\n')}`);
}, 60_000);

function pkg(id: string): BuiltPackage {
  const found = packages.find((p) => p.id === id);
  if (!found) throw new Error(`package ${id} was not built`);
  return found;
}

describe('each package', () => {
  let attw: Map<string, Promise<RunResult>>;

  beforeAll(async () => {
    // attw does not resolve wildcard subpaths (`./funcs/*`) by itself: each function module is named to it.
    const functions = new Map(
      await Promise.all(
        packages.map(async (p) => {
          const manifest = JSON.parse(await readFile(path.join(p.dir, 'manifest.json'), 'utf8')) as Manifest;
          const modules = manifest.operations.map(
            (o) => `.${o.function.module.slice(manifest.packageName.length)}`,
          );
          return [p.id, modules] as const;
        }),
      ),
    );
    // attw packs and type-checks each package: slow, so the three run side by side while other tests go on.
    attw = new Map(
      packages.map((p) => [
        p.id,
        runCommand(
          process.execPath,
          [
            path.join(REPO_ROOT, 'node_modules/.bin/attw'),
            '--pack',
            p.dir,
            '--format',
            'json',
            '--include-entrypoints',
            ...functions.get(p.id)!,
          ],
          {
            env: registry!.npmEnv,
            timeoutMs: 120_000,
          },
        ),
      ]),
    );
  });

  it.each(PROVIDERS)(
    '%s: npm pack holds only dist (with sourcemaps), src, README.md, api.md, LICENSE and package.json',
    async (id) => {
      const summary = await packDryRun(pkg(id).dir, { env: registry!.npmEnv });
      packed.set(id, summary);
      const config = JSON.parse(await readFile(path.join(REPO_ROOT, 'specs', id, 'sdkgen.json'), 'utf8')) as {
        packageName: string;
        version: string;
      };
      expect({ name: summary.name, version: summary.version }).toEqual({
        name: config.packageName,
        version: config.version,
      });
      expect(summary.files.filter((f) => !f.startsWith('dist/') && !f.startsWith('src/'))).toEqual([
        'LICENSE',
        'README.md',
        'api.md',
        'manifest.json',
        'package.json',
      ]);
      expect(
        summary.files.filter(
          (f) => f.startsWith('dist/') && !/(\.js|\.d\.ts|\.js\.map|\.d\.ts\.map|\/package\.json)$/.test(f),
        ),
      ).toEqual([]);
      // Sources ship with their maps, so go-to-definition lands in src/, not in a declaration file.
      expect(summary.files).toEqual(
        expect.arrayContaining([
          'src/index.ts',
          'dist/esm/index.js.map',
          'dist/esm/index.d.ts.map',
          'dist/cjs/index.d.ts.map',
        ]),
      );
      for (const format of ['esm', 'cjs']) {
        expect(summary.files).toEqual(
          expect.arrayContaining([
            `dist/${format}/index.js`,
            `dist/${format}/index.d.ts`,
            `dist/${format}/package.json`,
          ]),
        );
      }
    },
    60_000,
  );

  it.each(PROVIDERS)(
    '%s: publint finds nothing to report, suggestions included',
    async (id) => {
      const { messages, pkg: manifest } = await publint({
        pkgDir: pkg(id).dir,
        pack: 'npm',
        level: 'suggestion',
        strict: true,
      });
      expect(messages.map((m) => formatMessage(m, manifest) ?? m.code)).toEqual([]);
    },
    60_000,
  );

  it.each(PROVIDERS)(
    '%s: attw finds no problem in any module resolution',
    async (id) => {
      const result = await attw.get(id)!;
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as {
        analysis: { types: { kind: string }; entrypoints: Record<string, unknown> };
        problems: Record<string, unknown>;
      };
      expect(report.analysis.types.kind).toBe('included');
      // The core client and every function are entry points of their own, each resolved in every mode.
      expect(Object.keys(report.analysis.entrypoints)).toEqual(
        expect.arrayContaining(['.', './core', expect.stringMatching(/^\.\/funcs\/[a-z0-9-]+$/)]),
      );
      expect(report.problems).toEqual({});
    },
    120_000,
  );

  it.each(PROVIDERS)('%s: api.md names every export of the package', async (id) => {
    const apiMd = await readFile(path.join(pkg(id).dir, 'api.md'), 'utf8');
    const names = exportedNames(path.join(pkg(id).dir, 'dist/esm/index.d.ts'));
    expect(names.length).toBeGreaterThan(20);
    // As code: `Name`, `Name<T>`, `Name(...)` or `Name['...']`, so that `PagePromise` does not count for `Page`.
    expect(names.filter((name) => !new RegExp(`\`${name}[\`<(\\[]`).test(apiMd))).toEqual([]);
  });
});

describe('installed from a private registry', () => {
  const consumer = () => path.join(work, 'consumer');
  let compiled: Map<Variant, Promise<RunResult>>;

  beforeAll(async () => {
    for (const p of packages) await publishPackage(p.dir, { env: registry!.npmEnv, registry: registry!.url });
    await writeConsumer(consumer(), packages);
    const install = await runCommand(
      'npm',
      ['install', '--registry', registry!.url, '--no-audit', '--no-fund'],
      {
        cwd: consumer(),
        env: registry!.npmEnv,
        timeoutMs: 120_000,
      },
    );
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.stdout}\n${install.stderr}`);
    compiled = new Map(VARIANT_NAMES.map((v) => [v, compileVariant(consumer(), v, packages)]));
  }, 180_000);

  it('installs each package from that registry, and nothing else', async () => {
    const lock = JSON.parse(await readFile(path.join(consumer(), 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };
    const installed = Object.entries(lock.packages).filter(([key]) => key !== '');
    expect(installed.map(([key]) => key).sort()).toEqual(
      packages.map((p) => `node_modules/${p.name}`).sort(),
    );
    for (const [, entry] of installed) expect(entry.resolved?.startsWith(registry!.url)).toBe(true);
  });

  it.each(VARIANT_NAMES)(
    'a %s consumer, README examples included, compiles with tsc --strict',
    async (variant) => {
      const result = await compiled.get(variant)!;
      expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
    },
    120_000,
  );

  it.each(VARIANT_NAMES)(
    'a %s consumer calls every provider under Node, against Prism',
    async (variant) => {
      expect((await compiled.get(variant)!).code).toBe(0);
      const result = await runVariant(
        consumer(),
        variant,
        ['whop', 'decisionly', 'pismo'].map((id) => prisms.get(id)!.url),
      );
      expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
      const output = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
      expect(output).toEqual({
        whop: {
          listed: expect.any(Number),
          firstItemId: expect.stringMatching(/\S/),
          retrievedId: expect.stringMatching(/\S/),
          notFound: { name: 'NotFoundError', isNotFoundError: true, status: 404 },
        },
        decisionly: { listed: expect.any(Number), hasMore: expect.any(Boolean) },
        pismo: { listed: 1, disputeId: expect.any(Number) },
      });
      expect(output.whop!.listed).toBeGreaterThan(0);
      expect(output.decisionly!.listed).toBeGreaterThan(0);
      for (const [id, prism] of prisms)
        expect(
          prism
            .log()
            .split('\n')
            .filter((line) => /Violation: request/.test(line)),
          id,
        ).toEqual([]);
    },
    60_000,
  );

  it('the Whop client, bundled by esbuild, calls the Prism mock from a page in headless chromium', async () => {
    await requireChromium();
    const bundled = await build({
      entryPoints: [path.join(consumer(), 'browser-entry.ts')],
      absWorkingDir: consumer(),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2022'],
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    const script = bundled.outputFiles[0]!.text;
    browserBundle = { minified: Buffer.byteLength(script), gzipped: gzipSync(script, { level: 9 }).length };
    expect(browserBundle.gzipped).toBeLessThan(BROWSER_BUNDLE_BUDGET);

    const page = await servePage(
      '<!doctype html><title>sdkgen</title><pre id="result"></pre><script type="module" src="/app.js"></script>',
      script,
    );
    try {
      const api = prisms.get('whop')!.url;
      const dom = await dumpDom(
        `${page.url}?api=${encodeURIComponent(api)}`,
        path.join(work, 'chromium-profile'),
      );
      const text = /<pre id="result">([^<]*)<\/pre>/.exec(dom)?.[1];
      expect(text, `the page shows no result:\n${dom}`).toBeTruthy();
      expect(JSON.parse(text!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))).toEqual({
        id: expect.stringMatching(/\S/),
        status: expect.any(String),
      });
    } finally {
      await page.close();
    }
  }, 90_000);
});
