// The done-when scenario: a loopback upstream publishes the Whop docs pages with a handful of mixed
// changes; the check reports each with its class and the bump, --json is stable, and --update regenerates cleanly.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGenerated } from '../../generator/check-generated.js';
import { loadProviders } from '../../generator/providers.js';
import { startUpstreamServer, type UpstreamServer } from './support/upstream-server.js';
import {
  docsPage,
  makeWorkspace,
  readSpec,
  ROOT,
  runUpstream,
  toYaml,
  type Workspace,
} from './support/workspace.js';

const LIST = 'list-resolution-center-cases.yaml';
const RETRIEVE = 'retrieve-resolution-center-case.yaml';

let server: UpstreamServer;
let pages: { list: string; retrieve: string; listText: string; retrieveText: string };

/** Five changes: two breaking, two non-breaking, one docs-only. */
async function mixedWhop() {
  const list = await readSpec('whop', LIST);
  const retrieve = await readSpec('whop', RETRIEVE);
  delete retrieve.components.schemas.ResolutionCenterCase.properties.merchant_appealed;
  const params = list.paths['/resolution_center_cases'].get.parameters;
  params.find((p: any) => p.name === 'company_id').required = true;
  params.push({ name: 'include_archived', in: 'query', required: false, schema: { type: 'boolean' } });
  for (const doc of [list, retrieve])
    doc.components.schemas.ResolutionCenterCaseStatuses.enum.push('escalated');
  retrieve.paths['/resolution_center_cases/{id}'].get.description = 'Retrieves one resolution center case.';
  return { list: toYaml(list), retrieve: toYaml(retrieve) };
}

beforeAll(async () => {
  server = await startUpstreamServer();
  const { list, retrieve } = await mixedWhop();
  pages = {
    list: server.serve('/whop/list.md', { body: docsPage('List resolution center cases', list) }),
    retrieve: server.serve('/whop/retrieve.md', {
      body: docsPage('Retrieve resolution center case', retrieve),
    }),
    listText: list,
    retrieveText: retrieve,
  };
});
afterAll(() => server.stop());

const sources = () => ['--source', pages.list, '--source', pages.retrieve];

describe('mixed changes to the Whop spec', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await makeWorkspace(['whop']);
  });
  afterAll(() => workspace.remove());

  it('prints every change with its class and the implied bump, exits 1, writes nothing', async () => {
    const before = await workspace.fingerprint();
    const run = await runUpstream(['whop', ...sources(), '--specs-dir', workspace.specsDir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('whop: 5 changes upstream (2 breaking, 2 non-breaking, 1 docs-only)');
    expect(run.stdout).toContain('bump     major (0.1.0 -> 0.2.0)');
    expect(run.stdout).toMatch(/breaking +ResolutionCenterCase\.merchant_appealed: field removed/);
    expect(run.stdout).toMatch(
      /breaking +GET \/resolution_center_cases query "company_id": parameter is now required/,
    );
    expect(run.stdout).toMatch(
      /non-breaking +GET \/resolution_center_cases query "include_archived": optional query parameter added/,
    );
    expect(run.stdout).toMatch(/non-breaking +ResolutionCenterCaseStatuses: enum value added: "escalated"/);
    expect(run.stdout).toMatch(/docs-only +GET \/resolution_center_cases\/\{id\}: description changed/);
    expect(run.stdout).toContain('affects ResolutionCenterCase, client.resolutionCenterCases.retrieve');
    expect(run.stdout).toContain('(embedded)');
    expect(await workspace.fingerprint()).toBe(before);
  });

  it('runs the same through bin/sdkgen.js (exit code and report)', { timeout: 60_000 }, async () => {
    const args = ['check', '--upstream', 'whop', ...sources(), '--specs-dir', workspace.specsDir];
    const child = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'bin/sdkgen.js'), ...args],
        { cwd: ROOT },
        (error, stdout) => resolve({ code: error ? (error.code as number) : 0, stdout }),
      );
    });
    const inProcess = await runUpstream(args.slice(2));
    expect(child.code).toBe(1);
    expect(child.stdout).toBe(inProcess.stdout);
  });

  it('--json is complete and byte-stable across runs', async () => {
    const args = ['whop', ...sources(), '--specs-dir', workspace.specsDir, '--json'];
    const first = await runUpstream(args);
    const second = await runUpstream(args);
    expect(first.stdout).toBe(second.stdout);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, exitCode: 1, failOn: 'any' });
    const [whop] = report.providers;
    expect(whop).toMatchObject({
      provider: 'whop',
      status: 'drift',
      version: '0.1.0',
      bump: 'major',
      nextVersion: '0.2.0',
      textChanged: true,
      error: null,
    });
    expect(whop.summary).toEqual({ breaking: 2, 'non-breaking': 2, 'docs-only': 1 });
    expect(whop.changes.map((c: any) => [c.class, c.kind, c.location])).toEqual([
      ['breaking', 'parameter-required', 'GET /resolution_center_cases query "company_id"'],
      ['breaking', 'field-removed', 'ResolutionCenterCase.merchant_appealed'],
      ['non-breaking', 'parameter-added', 'GET /resolution_center_cases query "include_archived"'],
      ['non-breaking', 'enum-value-added', 'ResolutionCenterCaseStatuses'],
      ['docs-only', 'description-changed', 'GET /resolution_center_cases/{id}'],
    ]);
    const enumChange = whop.changes.find((c: any) => c.kind === 'enum-value-added');
    expect(enumChange.operations).toEqual(['listResolutionCenterCase', 'retrieveResolutionCenterCase']);
    expect(enumChange.affects.types).toEqual([
      'ResolutionCenterCaseStatuses',
      'ResolutionCenterCaseStatusesValues',
    ]);
    expect(whop.surface.types.changed).toEqual(
      expect.arrayContaining([
        'ResolutionCenterCase',
        'ResolutionCenterCaseListParams',
        'ResolutionCenterCaseStatuses',
        'ResolutionCenterCaseStatusesValues',
      ]),
    );
    expect(whop.surface.methods.changed).toEqual(['client.resolutionCenterCases.list']);
  });

  it('--fail-on breaking still fails on breaking drift; --fail-on breaking passes docs-only drift', async () => {
    expect(
      (await runUpstream(['whop', ...sources(), '--specs-dir', workspace.specsDir, '--fail-on', 'breaking']))
        .code,
    ).toBe(1);
    const retrieve = await readSpec('whop', RETRIEVE);
    retrieve.paths['/resolution_center_cases/{id}'].get.summary = 'Get a case';
    const url = server.serve('/whop/docs-only.yaml', { body: toYaml(retrieve) });
    const args = ['whop', '--source', `${RETRIEVE}=${url}`, '--specs-dir', workspace.specsDir];
    expect((await runUpstream([...args, '--fail-on', 'breaking'])).code).toBe(0);
    const strict = await runUpstream(args);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('bump     patch (0.1.0 -> 0.1.1)');
  });
});

/** The two vendored Whop documents as one API document, the way the full upstream spec publishes them. */
async function wholeWhop(specsDir?: string) {
  const list = await readSpec('whop', LIST, specsDir);
  const retrieve = await readSpec('whop', RETRIEVE, specsDir);
  return {
    ...list,
    paths: { ...list.paths, ...retrieve.paths },
    components: {
      schemas: { ...list.components.schemas, ...retrieve.components.schemas },
      securitySchemes: list.components.securitySchemes,
    },
  };
}

describe('one --source for a provider that vendors several documents', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await makeWorkspace(['whop'], { withGenerated: true });
  });
  afterAll(() => workspace.remove());

  it('a single docs page stands for the vendored document with its operations; the other keeps its text', async () => {
    const retrieve = await readSpec('whop', RETRIEVE);
    retrieve.components.schemas.ResolutionCenterCase.properties.note = { type: 'string' };
    const url = server.serve('/whop/retrieve-only.md', { body: docsPage('Retrieve', toYaml(retrieve)) });
    const report = JSON.parse(
      (await runUpstream(['whop', '--source', url, '--specs-dir', workspace.specsDir, '--json'])).stdout,
    ).providers[0];
    expect(report.sources).toEqual([{ file: RETRIEVE, upstream: url, embedded: true }]);
    expect(report.changes.map((c: any) => [c.class, c.kind, c.location])).toEqual([
      ['non-breaking', 'field-added', 'ResolutionCenterCase.note'],
    ]);
    expect(report.nextVersion).toBe('0.1.1');
  });

  it(
    'a whole-API document is checked, and --update splits it by the operations each file vendors',
    { timeout: 120_000 },
    async () => {
      const whole = await wholeWhop();
      whole.paths['/resolution_center_cases'].get.parameters.push({
        name: 'q',
        in: 'query',
        schema: { type: 'string' },
      });
      whole.components.schemas.ResolutionCenterCase.properties.id.description = 'The id.';
      const url = server.serve('/whop/openapi.documented.yml', { body: toYaml(whole) });
      const args = [
        'whop',
        '--source',
        url,
        '--specs-dir',
        workspace.specsDir,
        '--out-dir',
        workspace.outDir,
      ];
      const check = await runUpstream(args);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(`source   ${LIST}, ${RETRIEVE} <- ${url}`);
      expect(check.stdout).toMatch(
        /non-breaking +GET \/resolution_center_cases query "q": optional query parameter added/,
      );
      expect(check.stdout).toMatch(/docs-only +ResolutionCenterCase\.id: description changed/);

      const update = await runUpstream([...args, '--update']);
      expect(update.code).toBe(0);
      const list = await readSpec('whop', LIST, workspace.specsDir);
      const retrieve = await readSpec('whop', RETRIEVE, workspace.specsDir);
      expect(Object.keys(list.paths)).toEqual(['/resolution_center_cases']);
      expect(Object.keys(retrieve.paths)).toEqual(['/resolution_center_cases/{id}']);
      expect(list.components.schemas.ResolutionCenterCase).toBeUndefined();
      expect(retrieve.components.schemas.ResolutionCenterCase.properties.id.description).toBe('The id.');
      const providers = await loadProviders(workspace.specsDir, ['whop']);
      expect(providers[0]!.version).toBe('0.1.1');
      const generated = await checkGenerated(providers, workspace.outDir, {
        rootDir: ROOT,
        templatesDir: path.join(ROOT, 'templates'),
      });
      expect(generated.changes).toEqual([]);
      expect((await runUpstream(args)).code).toBe(0);
    },
  );
});

describe('--update', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await makeWorkspace(['whop'], { withGenerated: true });
  });
  afterAll(() => workspace.remove());

  it(
    'vendors the upstream text, bumps the version, regenerates; then both checks are clean',
    { timeout: 120_000 },
    async () => {
      const run = await runUpstream([
        'whop',
        ...sources(),
        '--specs-dir',
        workspace.specsDir,
        '--out-dir',
        workspace.outDir,
        '--update',
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('updated: vendored the upstream text');
      const dir = path.join(workspace.specsDir, 'whop');
      expect(await readFile(path.join(dir, LIST), 'utf8')).toBe(`${pages.listText}\n`);
      expect(await readFile(path.join(dir, RETRIEVE), 'utf8')).toBe(`${pages.retrieveText}\n`);
      const config = await readFile(path.join(dir, 'sdkgen.json'), 'utf8');
      expect(JSON.parse(config).version).toBe('0.2.0');
      const original = await readFile(path.join(ROOT, 'specs/whop/sdkgen.json'), 'utf8');
      expect(config).toBe(original.replace('"version": "0.1.0"', '"version": "0.2.0"'));

      const providers = await loadProviders(workspace.specsDir, ['whop']);
      const generated = await checkGenerated(providers, workspace.outDir, {
        rootDir: ROOT,
        templatesDir: path.join(ROOT, 'templates'),
      });
      expect(generated.changes).toEqual([]);
      expect(await readFile(path.join(workspace.outDir, 'whop/package.json'), 'utf8')).toContain(
        '"version": "0.2.0"',
      );
      expect(await readFile(path.join(workspace.outDir, 'whop/src/models.ts'), 'utf8')).toContain(
        'include_archived',
      );

      const again = await runUpstream([
        'whop',
        ...sources(),
        '--specs-dir',
        workspace.specsDir,
        '--out-dir',
        workspace.outDir,
      ]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^whop: no drift/);
    },
  );

  it(
    'a failed update (the upstream drops an included operation) restores every file',
    { timeout: 60_000 },
    async () => {
      const list = await readSpec('whop', LIST, workspace.specsDir);
      list.paths = {};
      const url = server.serve('/whop/no-list.yaml', { body: toYaml(list) });
      const args = [
        'whop',
        '--source',
        `${LIST}=${url}`,
        '--specs-dir',
        workspace.specsDir,
        '--out-dir',
        workspace.outDir,
      ];
      const check = await runUpstream([...args, '--json']);
      expect(JSON.parse(check.stdout).providers[0].changes[0]).toMatchObject({
        class: 'breaking',
        kind: 'operation-removed',
        operations: ['listResolutionCenterCase'],
      });
      const before = await workspace.fingerprint();
      const run = await runUpstream([...args, '--update']);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('update failed, nothing was changed');
      expect(run.stdout).toContain('listResolutionCenterCase');
      expect(await workspace.fingerprint()).toBe(before);
    },
  );
});
