import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Manifest } from '../../generator/emit/package/manifest.js';
import { importingPackage } from '../../generator/emit/samples/check-samples.js';
import { generatePackage, type GeneratedPackage } from '../../generator/pipeline.js';
import { resolveProviderConfig } from '../../generator/providers.js';
import { startPayfixServer, type PayfixServer } from '../support/payfix-server.js';
import { browserBundle } from '../support/browser-bundle.js';
import { dumpDom, requireChromium } from './support/browser.js';
import { pageResult, serveSameOrigin } from './support/same-origin.js';

/**
 * The standalone functions and the lazy client of a multi-resource package (the Payfix fixture, in the style of a
 * Stainless-made spec): every code sample run once through the class and once through the functions with the core
 * client, against one loopback server, must send the same requests; a browser bundle of one function must carry
 * no other resource's code, and run in headless chromium.
 */
const run = promisify(execFile);
const FIXTURE = path.resolve('test/e2e/fixtures/stainless');
const KEY = 'payfix-test-key';
let pkg: GeneratedPackage;
let manifest: Manifest;
let dir: string;
let server: PayfixServer;

beforeAll(async () => {
  const provider = resolveProviderConfig(
    { clientName: 'Payfix', packageName: 'payfix', sources: [{ file: 'openapi.yaml' }] },
    FIXTURE,
    '--spec',
  );
  pkg = await generatePackage(provider, { rootDir: process.cwd(), templatesDir: path.resolve('templates') });
  manifest = JSON.parse(pkg.files.get('manifest.json')!) as Manifest;
  dir = await mkdtemp(path.join(tmpdir(), 'payfix-funcs-'));
  for (const [file, text] of pkg.files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  server = await startPayfixServer(KEY);
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function specSamples(): Promise<{ id: string; source: string }[]> {
  const doc = parse(await readFile(path.join(FIXTURE, 'openapi.yaml'), 'utf8'));
  return Object.values<any>(doc.paths).flatMap((item) =>
    Object.values<any>(item).flatMap((op) =>
      (op?.['x-codeSamples'] ?? []).map((s: { source: string }) => ({
        id: op.operationId,
        source: s.source,
      })),
    ),
  );
}

/** A sample rewritten to make its call with the operation's function and the core client, from the sources. */
function asFunctionCall(source: string, operationId: string): string {
  const op = manifest.operations.find((o) => o.operationId === operationId)!;
  const file = op.function.module.replace(`${manifest.packageName}/funcs/`, '');
  const rewritten = importingPackage(source, path.join(dir, 'src/index.ts'))
    .replace(
      /^import Payfix from .*$/m,
      `import { PayfixCore } from ${JSON.stringify(path.join(dir, 'src/core.ts'))};`,
    )
    .replace('new Payfix(', 'new PayfixCore(')
    .replace(`${op.call}(`, `${op.function.name}(client, `)
    .replace(/, \)/, ')');
  return `import { ${op.function.name} } from ${JSON.stringify(path.join(dir, 'src/funcs', `${file}.ts`))};\n${rewritten}`;
}

/** Runs the samples in one process, in order; returns what each printed and the requests the server saw. */
async function runSamples(sources: { id: string; source: string }[], name: string) {
  const files: string[] = [];
  for (const [i, sample] of sources.entries()) {
    const file = path.join(dir, `${name}-${i}.mts`);
    await writeFile(file, sample.source);
    files.push(file);
  }
  const runner = path.join(dir, `${name}.mts`);
  await writeFile(
    runner,
    files
      .map((f, i) => `console.log('--- ${sources[i]!.id}');\nawait import(${JSON.stringify(f)});`)
      .join('\n'),
  );
  const before = server.requests.length;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', runner], {
    env: { ...process.env, PAYFIX_API_KEY: KEY, PAYFIX_BASE_URL: server.url },
    timeout: 60_000,
  });
  // Every header but the idempotency key, which is random per request (its presence is compared).
  const requests = server.requests.slice(before).map((r) => ({
    method: r.method,
    url: r.url,
    body: r.body,
    headers: Object.fromEntries(
      Object.entries(r.headers).map(([name, value]) => [
        name,
        name === 'idempotency-key' ? typeof value : value,
      ]),
    ),
  }));
  return { stdout, requests };
}

describe('standalone functions', () => {
  it('send exactly the requests the class methods send, for every operation of the fixture', async () => {
    const samples = await specSamples();
    expect(new Set(samples.map((s) => s.id)).size).toBe(manifest.operations.length);
    const methods = await runSamples(
      samples.map((s) => ({ id: s.id, source: importingPackage(s.source, path.join(dir, 'src/index.ts')) })),
      'methods',
    );
    const functions = await runSamples(
      samples.map((s) => ({ id: s.id, source: asFunctionCall(s.source, s.id) })),
      'functions',
    );
    // Each function sample does call a function, not the class.
    for (const s of samples) expect(asFunctionCall(s.source, s.id)).not.toMatch(/client\.\w+\.\w+\(/);
    // And type-checks: tsx strips types, so the package and the rewritten samples go through tsc as well.
    await writeFile(
      path.join(dir, 'tsconfig.check.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          lib: ['es2022', 'dom', 'dom.iterable'],
          types: [],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          allowImportingTsExtensions: true,
          skipLibCheck: true,
        },
        files: ['env.d.ts', ...samples.map((_, i) => `functions-${i}.mts`)],
      }),
    );
    await writeFile(
      path.join(dir, 'env.d.ts'),
      'declare const process: { env: Record<string, string | undefined> };\n',
    );
    const tsc = await run(process.execPath, [
      path.resolve('node_modules/typescript/bin/tsc'),
      '-p',
      path.join(dir, 'tsconfig.check.json'),
    ]).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    expect(tsc.stdout).toBe('');
    expect(methods.requests.length).toBeGreaterThanOrEqual(samples.length);
    expect(functions.requests).toEqual(methods.requests);
    expect(functions.stdout).toBe(methods.stdout);
  }, 120_000);

  it('the client builds each resource once, on first access, and a withOptions copy builds its own', async () => {
    const script = path.join(dir, 'lazy.mts');
    await writeFile(
      script,
      `import Payfix from ${JSON.stringify(path.join(dir, 'src/index.ts'))};
const client = new Payfix({ apiKey: process.env.PAYFIX_API_KEY, baseURL: process.env.PAYFIX_BASE_URL });
const copy = client.withOptions({ maxRetries: 0 });
console.log(JSON.stringify({
  ownKeys: Object.keys(client).filter((k) => ['payments', 'affiliates', 'users', 'webhooks'].includes(k)),
  same: client.payments === client.payments && client.affiliates.overrides === client.affiliates.overrides,
  copyOwn: copy.payments !== client.payments && copy instanceof Payfix,
  viaCopy: (await copy.payments.retrieve('pay_001')).id,
  nested: (await client.affiliates.overrides.list('aff_1')).data.length,
}));`,
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, PAYFIX_API_KEY: KEY, PAYFIX_BASE_URL: server.url },
    });
    expect(JSON.parse(stdout)).toEqual({
      ownKeys: [],
      same: true,
      copyOwn: true,
      viaCopy: 'pay_001',
      nested: 3,
    });
  }, 60_000);
});

/** The browser bundle of an app importing from the generated package, minified: the text a page would load. */
const bundle = (source: string) => browserBundle({ source, resolveDir: dir });

/** Code of the fixture's other resources and features: their paths, page fields, webhook headers. */
const OTHER_CODE = [
  '/affiliates',
  '/overrides',
  '/users',
  '/refund',
  'check_access',
  'page_info',
  'end_cursor',
  'webhook-signature',
];

describe('a browser bundle of one function', () => {
  const app = (baseURL: string) => `
import { PayfixCore } from './src/core.js';
import { paymentsRetrieve } from './src/funcs/payments-retrieve.js';
const client = new PayfixCore({ apiKey: '${KEY}', baseURL: ${baseURL} });
paymentsRetrieve(client, 'pay_001').then(
  (p) => { document.getElementById('result').textContent = JSON.stringify({ id: p.id, status: p.status }); },
  (e) => { document.getElementById('result').textContent = 'error: ' + e.name + ' ' + e.message; },
);`;

  it('carries no code of the other resources (the class API does)', async () => {
    const one = await bundle(app("'https://payfix.test/v1'"));
    expect(one).toContain('/payments/');
    expect(OTHER_CODE.filter((text) => one.includes(text))).toEqual([]);
    // The same call through the class reaches every resource: the check above is one that can fail.
    const whole = await bundle(
      `import Payfix from './src/index.js';\nnew Payfix({ apiKey: 'k' }).payments.retrieve('pay_001').then(console.log);`,
    );
    expect(OTHER_CODE.filter((text) => whole.includes(text)).length).toBeGreaterThan(4);
    expect(one.length).toBeLessThan(whole.length);
  });

  it('runs in headless chromium against a loopback server, credential and typed result included', async () => {
    await requireChromium();
    const script = await bundle(app('location.origin + "/v1"'));
    const site = await serveSameOrigin(script, (url) =>
      url === '/v1/payments/pay_001' ? { id: 'pay_001', amount: 100, status: 'succeeded' } : undefined,
    );
    try {
      const dom = await dumpDom(site.url, path.join(dir, 'chromium-profile'));
      expect(JSON.parse(pageResult(dom))).toEqual({ id: 'pay_001', status: 'succeeded' });
      expect(site.seen.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
        ['GET', '/v1/payments/pay_001', `Bearer ${KEY}`],
      ]);
    } finally {
      await site.close();
    }
  }, 90_000);
});
