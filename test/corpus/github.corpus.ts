import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../generator/emit/package/manifest.js';
import { dumpDom, requireChromium } from '../e2e/support/browser.js';
import { pageResult, serveSameOrigin } from '../e2e/support/same-origin.js';
import { mountedResources, resourceMethods } from '../support/client-surface.js';
import { browserBundle } from '../support/browser-bundle.js';
import {
  declared,
  generateDocument,
  GITHUB,
  githubAs31,
  OUT_DIR,
  parseDocument,
  produced,
  writePackage,
  type CorpusDocument,
} from './corpus.js';
import { writeExamples } from './examples.js';
import { formatErrors, typecheckPackages } from './typecheck.js';

/**
 * The slow corpus (`npm run test:corpus`): GitHub's REST API description as published (OpenAPI 3.0.3, 13 MB),
 * rewritten in the 3.1 dialect, and the Enterprise Cloud and Server 3.19 descriptions. All packages, with every example they document, are type-checked in one program
 * under a demanding consumer's settings, and their clients constructed.
 */
const outRoot = path.join(OUT_DIR, 'github');
const documents: CorpusDocument[] = [
  { id: 'github-3-0', file: GITHUB },
  {
    id: 'github-3-1',
    file: await githubAs31(
      path.join(await mkdtemp(path.join(tmpdir(), 'sdkgen-github-')), 'api.github.com.3.1.json'),
    ),
  },
  // GitHub Enterprise Cloud and Server publish descriptions of their own (other operations, other schemas).
  { id: 'github-ghec', file: path.join(path.dirname(GITHUB), 'ghec.json') },
  { id: 'github-ghes-3-19', file: path.join(path.dirname(GITHUB), 'ghes-3.19.json') },
];
const written = new Map<string, { dir: string; clientName: string; resources: number }>();

describe('public corpus (GitHub)', () => {
  it.each(documents.map((d) => [d.id, d] as const))(
    '%s generates, accounting for every operation and schema',
    async (_id, doc) => {
      const pkg = await generateDocument(doc);
      const want = declared(await parseDocument(doc.file));
      const got = produced(pkg);
      expect(got.operations.sort()).toEqual(want.operations.sort());
      expect(got.schemas).toEqual(expect.arrayContaining(want.schemas));
      const dir = await writePackage(doc, pkg, outRoot);
      const { examples } = await writeExamples(dir);
      expect(examples).toBeGreaterThan(got.operations.length);
      written.set(doc.id, {
        dir,
        clientName: pkg.provider.clientName,
        resources: pkg.model.resources.length + (pkg.model.webhooks ? 1 : 0),
      });
      const repairs = [...got.repairs].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none';
      process.stdout.write(
        `${doc.id}: ${got.operations.length} operations, ${got.schemas.length} component schemas, ${got.types} types, ${got.warnings} warnings, ${examples} examples; repairs: ${repairs}\n`,
      );
    },
  );

  it('type-checks every package and its examples (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess), in one program, with zero errors', async () => {
    expect(written.size).toBe(documents.length);
    const errors = await typecheckPackages([...written.values()].map((w) => w.dir));
    expect(formatErrors(errors, outRoot)).toBe('');
  });

  it.each(documents.map((d) => [d.id] as const))(
    '%s: the client constructs, with every resource method callable',
    async (id) => {
      const entry = written.get(id)!;
      const module = await import(pathToFileURL(path.join(entry.dir, 'src/index.ts')).href);
      const client = new module.default({ apiKey: 'test-key', baseURL: 'http://127.0.0.1:9' });
      const resources = mountedResources(client);
      expect(resources.length).toBe(entry.resources);
      for (const resource of resources) {
        for (const method of resourceMethods(resource))
          expect(typeof (resource as any)[method]).toBe('function');
      }
    },
  );

  it('github-3-0: a browser bundle of one function carries none of the other 1 200 operations, and runs in chromium', async () => {
    await requireChromium();
    const entry = written.get('github-3-0')!;
    const manifest = JSON.parse(await readFile(path.join(entry.dir, 'manifest.json'), 'utf8')) as Manifest;
    const op = manifest.operations.find((o) => o.operationId === 'repos/get')!;
    const file = op.function.module.slice(`${manifest.packageName}/funcs/`.length);
    const core = `${manifest.clientName}Core`;
    const text = await browserBundle({
      source: [
        `import { ${core} } from './src/core.js';`,
        `import { ${op.function.name} } from './src/funcs/${file}.js';`,
        `const client = new ${core}({ apiKey: 'k', baseURL: location.origin });`,
        `${op.function.name}(client, 'r', { owner: 'o' }).then(`,
        `  (repo) => { document.getElementById('result').textContent = JSON.stringify({ full_name: repo.full_name }); },`,
        `  (e) => { document.getElementById('result').textContent = 'error: ' + e.message; },`,
        `);`,
      ].join('\n'),
      resolveDir: entry.dir,
    });
    expect(text).toContain('/repos/');
    // Paths of other resources (each a literal in its own function module).
    const others = [
      '/gists',
      '/orgs/',
      '/issues',
      '/pulls',
      '/search/',
      '/user/',
      '/notifications',
      '/actions/',
    ];
    expect(others.filter((p) => text.includes(p))).toEqual([]);
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(12 * 1024);

    const site = await serveSameOrigin(text, (url) =>
      url === '/repos/o/r' ? { full_name: 'o/r' } : undefined,
    );
    const profile = await mkdtemp(path.join(tmpdir(), 'sdkgen-chromium-'));
    try {
      expect(JSON.parse(pageResult(await dumpDom(site.url, profile)))).toEqual({ full_name: 'o/r' });
      expect(site.seen.map((r) => [r.method, r.url])).toEqual([['GET', '/repos/o/r']]);
    } finally {
      await site.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
