import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { installedClosure, mirrorPackages } from './support/mirror.js';
import { REPO_ROOT } from './support/packages.js';
import { runCommand, type RunResult } from './support/processes.js';
import { startRegistry, type Registry } from './support/registry.js';

/**
 * The whole journey of a new user, against a registry on loopback that holds sdkgen and, mirrored from the local
 * install, its dependencies (tests never reach the internet): from an empty folder, `npx sdkgen init`, add a spec,
 * generate, build, publish the package, install it in a consumer and call an API with it; and one package generated
 * with --spec outside any repository, which builds itself.
 */
const SPEC = path.join(REPO_ROOT, 'test/e2e/fixtures/journey/openapi.yaml');
const TOKEN = 'journey-secret-token';

let work: string;
let registry: Registry | undefined;
let api: Server | undefined;
let apiURL: string;
const requests: { url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sdkgen-journey-'));
  api = createServer((request, response) => {
    requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    const id = /^\/v1\/widgets\/([^/]+)$/.exec(request.url ?? '')?.[1];
    response.setHeader('content-type', 'application/json');
    if (request.headers.authorization !== `Bearer ${TOKEN}`)
      response.writeHead(401).end(JSON.stringify({ message: 'no token' }));
    else if (id === 'w_1') response.end(JSON.stringify({ id, name: 'Sprocket' }));
    else response.writeHead(404).end(JSON.stringify({ message: 'no such widget' }));
  });
  await new Promise<void>((resolve) => api!.listen(0, '127.0.0.1', resolve));
  apiURL = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1`;
  registry = await startRegistry(path.join(work, 'registry'));
}, 90_000);

afterAll(async () => {
  await registry?.service.stop();
  await new Promise((resolve) => (api ? api.close(resolve) : resolve(undefined)));
  if (work) await rm(work, { recursive: true, force: true });
}, 60_000);

async function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs = 180_000,
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  const result = await runCommand(command, args, { cwd, env: { ...registry!.npmEnv, ...env }, timeoutMs });
  expect(result.code, `${command} ${args.join(' ')} in ${cwd}:\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** Packs sdkgen as `npm publish` would, from a copy, so dist/ of this checkout is never rebuilt under other tests. */
async function packSdkgen(): Promise<string> {
  const listing = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], REPO_ROOT);
  const files = (JSON.parse(listing.stdout) as [{ files: { path: string }[] }])[0].files
    .map((f) => f.path)
    .filter((f) => !f.startsWith('dist/'));
  const copy = path.join(work, 'sdkgen');
  for (const file of files) {
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await cp(path.join(REPO_ROOT, file), path.join(copy, file));
  }
  await run(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts/build-cli.mjs'), path.join(copy, 'dist')],
    REPO_ROOT,
  );
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], copy);
  return path.join(work, (JSON.parse(packed.stdout) as [{ filename: string }])[0].filename);
}

it('installs sdkgen from the registry, inits a repository, generates, builds, publishes, and a consumer calls the API', async () => {
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  await mirrorPackages(registry!, installedClosure(REPO_ROOT, manifest.dependencies));
  await run('npm', ['publish', await packSdkgen(), '--registry', registry!.url], work);

  // From an empty folder: the two commands the README gives.
  const user = path.join(work, 'user');
  await mkdir(user);
  const init = await run(
    'npx',
    ['--yes', `sdkgen@${manifest.version}`, 'init', 'acme-sdks', '--provider', 'acme'],
    user,
  );
  expect(init.stdout).toContain('specs/acme/sdkgen.json');
  const repo = path.join(user, 'acme-sdks');
  await cp(SPEC, path.join(repo, 'specs/acme/openapi.yaml'));
  const configFile = path.join(repo, 'specs/acme/sdkgen.json');
  const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
  expect(config.$schema).toBe('../../node_modules/sdkgen/schema/sdkgen.schema.json');
  Object.assign(config, {
    credential: { option: 'accessToken' },
    repository: 'https://github.com/acme/acme-sdks',
    author: 'Acme Widgets Inc. <sdk@acme.example>',
  });
  await writeFile(configFile, JSON.stringify(config, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund'], repo);
  const schema = JSON.parse(
    await readFile(path.join(repo, 'node_modules/sdkgen/schema/sdkgen.schema.json'), 'utf8'),
  ) as { properties: object };
  expect(Object.keys(schema.properties)).toContain('pagination');

  const generated = await run('npm', ['run', 'generate'], repo);
  expect(generated.stdout).toMatch(/Acme: \d+ files, 1 resources, 1 operations/);
  await run('npm', ['run', 'build'], repo);
  const pkgDir = path.join(repo, 'generated/acme');
  const pkg = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(pkg).toMatchObject({
    name: '@acme/acme',
    author: 'Acme Widgets Inc. <sdk@acme.example>',
    repository: { type: 'git', url: 'git+https://github.com/acme/acme-sdks.git' },
    homepage: 'https://github.com/acme/acme-sdks#readme',
    bugs: 'https://github.com/acme/acme-sdks/issues',
  });
  expect(await readFile(path.join(pkgDir, 'LICENSE'), 'utf8')).toContain(
    'Copyright (c) Acme Widgets Inc. <sdk@acme.example>',
  );
  const map = JSON.parse(await readFile(path.join(pkgDir, 'dist/esm/index.d.ts.map'), 'utf8')) as {
    sources: string[];
  };
  expect(map.sources).toEqual(['../../src/index.ts']);
  await run('npm', ['publish', '--registry', registry!.url], pkgDir);

  // One package from a document, outside any repository: it installs its own TypeScript and builds itself.
  const standalone = path.join(user, 'standalone');
  const single = await run(
    'npx',
    ['sdkgen', 'generate', '--spec', SPEC, '--out', standalone, '--name', 'Standalone'],
    repo,
  );
  expect(single.stdout).toMatch(/^Standalone: \d+ files/);
  await run('npm', ['install', '--no-audit', '--no-fund'], standalone);
  await run('npm', ['run', 'build'], standalone);
  for (const file of [
    'dist/esm/index.js',
    'dist/esm/index.js.map',
    'dist/cjs/index.js',
    'dist/cjs/index.d.ts.map',
    'dist/cjs/package.json',
  ]) {
    expect((await readFile(path.join(standalone, file), 'utf8')).length, file).toBeGreaterThan(0);
  }

  // A consumer installs the published client and calls the API with the token from the option's own variable.
  const consumer = path.join(work, 'consumer');
  await mkdir(consumer);
  await writeFile(
    path.join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { '@acme/acme': '0.1.0' },
    }),
  );
  await writeFile(
    path.join(consumer, 'index.js'),
    [
      "import Acme, { NotFoundError } from '@acme/acme';",
      'const client = new Acme({ baseURL: process.argv[2], maxRetries: 0 });',
      "const widget = await client.widgets.retrieve('w_1');",
      "const missing = await client.widgets.retrieve('w_2').catch((error) => ({ notFound: error instanceof NotFoundError, status: error.status }));",
      'console.log(JSON.stringify({ widget, missing }));',
      '',
    ].join('\n'),
  );
  await run('npm', ['install', '--no-audit', '--no-fund'], consumer);
  const called = await run(process.execPath, ['index.js', apiURL], consumer, 30_000, {
    ACME_ACCESS_TOKEN: TOKEN,
  });
  expect(JSON.parse(called.stdout)).toEqual({
    widget: { id: 'w_1', name: 'Sprocket' },
    missing: { notFound: true, status: 404 },
  });
  expect(requests.map((r) => [r.url, r.authorization])).toEqual([
    ['/v1/widgets/w_1', `Bearer ${TOKEN}`],
    ['/v1/widgets/w_2', `Bearer ${TOKEN}`],
  ]);
}, 600_000);
