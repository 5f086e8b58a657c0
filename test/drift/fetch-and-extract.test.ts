// How upstream sources are read: docs pages with an embedded document, redirects, server errors, timeouts and
// invalid documents, each failure exiting 2 with a clear message and writing nothing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../generator/drift/extract-document.js';
import { fetchText } from '../../generator/drift/fetch-source.js';
import { UpstreamError } from '../../generator/drift/upstream-error.js';
import { acmeDocument, acmeSpecs } from './support/acme.js';
import { startUpstreamServer, type UpstreamServer } from './support/upstream-server.js';
import { makeWorkspace, ROOT, runUpstream, toYaml, type Workspace } from './support/workspace.js';

const SEEDS = '/work/shared/seeds';
const FAST = ['--timeout', '300', '--retries', '1'];

describe('extractDocument', () => {
  it.each([
    ['whop-list-resolution-center-cases.md', 'whop/list-resolution-center-cases.yaml', 'yaml'],
    ['whop-retrieve-resolution-center-case.md', 'whop/retrieve-resolution-center-case.yaml', 'yaml'],
    ['pismo-list-disputes.md', 'pismo/list-disputes.json', 'json'],
  ])('the %s page embeds exactly the vendored %s', async (seed, vendored, format) => {
    const page = await readFile(path.join(SEEDS, seed), 'utf8').catch(() => undefined);
    if (page === undefined) return;
    const extracted = extractDocument(page, seed);
    expect(extracted).toMatchObject({ embedded: true, format });
    expect(extracted.text).toBe(await readFile(path.join(ROOT, 'specs', vendored), 'utf8'));
  });

  it('takes a raw document as it is, YAML or JSON', () => {
    expect(extractDocument('openapi: 3.0.3\npaths: {}\n', 'x')).toMatchObject({
      embedded: false,
      format: 'yaml',
      text: 'openapi: 3.0.3\npaths: {}\n',
    });
    expect(extractDocument('{"openapi":"3.1.0","paths":{}}', 'x')).toMatchObject({
      embedded: false,
      format: 'json',
    });
  });

  it('skips fenced blocks that are not OpenAPI documents', () => {
    const page =
      '# Page\n\n```json\n{"id": "example response"}\n```\n\n```yaml\nopenapi: 3.1.0\npaths: {}\n```\n';
    expect(extractDocument(page, 'x').text).toBe('openapi: 3.1.0\npaths: {}\n');
  });

  it.each([
    ['invalid YAML', 'openapi: 3.1.0\npaths: [unclosed\n', /not valid YAML or JSON/],
    [
      'a page with an invalid embedded block',
      '# Page\n\n```yaml\nopenapi: 3.1.0\n  paths: : [\n```\n',
      /embedded yaml block is not valid YAML/,
    ],
    [
      'a page without a document',
      '# Just prose\n\nNothing here.',
      /neither an OpenAPI document nor a page embedding one/,
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(() => extractDocument(text, 'http://upstream/page')).toThrow(message);
    expect(() => extractDocument(text, 'http://upstream/page')).toThrow(UpstreamError);
  });
});

describe('fetching upstream sources', () => {
  let server: UpstreamServer;
  let workspace: Workspace;
  let acme: { specsDir: string; remove: () => Promise<void> };
  const whop = (...args: string[]) =>
    runUpstream(['whop', ...args, '--specs-dir', workspace.specsDir, ...FAST]);

  beforeAll(async () => {
    server = await startUpstreamServer();
    workspace = await makeWorkspace(['whop', 'pismo', 'decisionly']);
    acme = await acmeSpecs('open');
  });
  afterAll(async () => {
    await server.stop();
    await workspace.remove();
    await acme.remove();
  });

  it('reads the document embedded in a docs page (pismo: a one-line page with a ```json fence)', async () => {
    const page = await readFile(path.join(SEEDS, 'pismo-list-disputes.md'), 'utf8');
    const url = server.serve('/pismo/get-v1-disputes.md', { body: page, contentType: 'text/markdown' });
    const run = await runUpstream(['pismo', '--source', url, '--specs-dir', workspace.specsDir]);
    expect(run.stdout).toBe(`pismo: no drift (list-disputes.json <- ${url} (embedded))\n`);
    expect(run.code).toBe(0);
  });

  it('follows redirects', async () => {
    const target = server.serve('/acme/v2/openapi.yaml', { body: toYaml(acmeDocument()) });
    const url = server.serve('/acme/latest', { redirect: '/acme/v2/openapi.yaml', status: 301 });
    const run = await runUpstream(['acme', '--source', url, '--specs-dir', acme.specsDir]);
    expect(run.code).toBe(0);
    expect(server.hits('/acme/v2/openapi.yaml')).toBe(1);
    expect((await fetchText(url, { timeoutMs: 1000, retries: 0, retryDelayMs: 0 })).finalUrl).toBe(target);
  });

  it('retries a 500, then exits 2 naming the status and the attempts', async () => {
    const before = await workspace.fingerprint();
    const url = server.serve('/whop/broken.md', { status: 500, body: 'oops' });
    const run = await whop('--source', `list-resolution-center-cases.yaml=${url}`, '--update');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      `whop: ERROR ${url}: cannot fetch: HTTP 500 Internal Server Error (2 attempts)`,
    );
    expect(server.hits('/whop/broken.md')).toBe(2);
    expect(await workspace.fingerprint()).toBe(before);
  });

  it('does not retry a 404', async () => {
    const run = await whop('--source', `list-resolution-center-cases.yaml=${server.url}/whop/missing.md`);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('cannot fetch: HTTP 404 Not Found\n');
    expect(server.hits('/whop/missing.md')).toBe(1);
  });

  it('times out a silent server, then exits 2', async () => {
    const url = server.serve('/whop/slow.md', { hang: true });
    const started = Date.now();
    const run = await whop('--source', `list-resolution-center-cases.yaml=${url}`, '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).providers[0]).toMatchObject({
      status: 'error',
      error: expect.stringContaining('no answer within 300 ms (2 attempts)'),
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports an unreachable host', async () => {
    const closed = await startUpstreamServer();
    await closed.stop();
    const run = await whop('--source', `list-resolution-center-cases.yaml=${closed.url}/closed.md`);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/cannot fetch: ECONNREFUSED/);
  });

  it('rejects invalid YAML with exit 2 and writes nothing, even with --update', async () => {
    const before = await workspace.fingerprint();
    const url = server.serve('/whop/invalid.yaml', { body: 'openapi: 3.1.0\npaths:\n  /x: [unclosed\n' });
    const run = await whop('--source', `list-resolution-center-cases.yaml=${url}`, '--update');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('invalid upstream document: not valid YAML or JSON');
    expect(await workspace.fingerprint()).toBe(before);
  });

  it('rejects a document the generator cannot load, naming the source and pointer', async () => {
    const document = acmeDocument();
    document.paths['/widgets'].get.responses['200'].content[
      'application/json'
    ].schema.properties.data.items.$ref = '#/components/schemas/Gone';
    const url = server.serve('/acme/unresolved.yaml', { body: toYaml(document) });
    const run = await runUpstream(['acme', '--source', url, '--specs-dir', acme.specsDir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      `acme: ERROR ${url}: invalid upstream document: ${url} at #/paths/~1widgets/get/responses/200/content/application~1json/schema/properties/data/items`,
    );
  });

  it('a provider without an upstream says so and passes', async () => {
    const run = await runUpstream(['decisionly', '--specs-dir', workspace.specsDir]);
    expect(run).toMatchObject({
      code: 0,
      stdout: 'decisionly: no upstream source (the spec is authored in this repository); nothing to check\n',
    });
  });

  it('refuses bad arguments with exit 2', async () => {
    expect(
      (await runUpstream(['whop', '--fail-on', 'sometimes', '--specs-dir', workspace.specsDir])).code,
    ).toBe(2);
    expect((await runUpstream(['--source', 'x.yaml', '--specs-dir', workspace.specsDir])).stderr).toContain(
      'name exactly one provider',
    );
    const unrelated = server.serve('/acme/unrelated.yaml', { body: toYaml(acmeDocument()) });
    const wrong = await runUpstream(['whop', '--source', unrelated, '--specs-dir', workspace.specsDir]);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain(
      `${unrelated} defines none of the operations of list-resolution-center-cases.yaml, retrieve-resolution-center-case.yaml`,
    );
    const missing = await runUpstream([
      'whop',
      '--source',
      'no-such-file.yaml',
      '--specs-dir',
      workspace.specsDir,
    ]);
    expect(missing.stdout).toContain('no-such-file.yaml: cannot read: file not found');
  });
});
