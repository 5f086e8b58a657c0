import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSamples, importingPackage } from '../../generator/emit/samples/check-samples.js';
import { keepCheckedSamples } from '../../generator/emit/samples/keep-checked.js';
import { loadProviders } from '../../generator/providers.js';
import { generatePackage, type GeneratedPackage } from '../../generator/pipeline.js';
import { resolveProviderConfig } from '../../generator/providers.js';
import { startPayfixServer, type PayfixServer } from '../support/payfix-server.js';

/**
 * A document in the style of Stainless-made specs, generated as `sdkgen generate --spec` would: its resource tree,
 * method names and shapes, pagination applied without any config, every code sample type-checked against the
 * package and run against a loopback server, and its webhooks verified.
 */
const run = promisify(execFile);
const FIXTURE = path.resolve('test/e2e/fixtures/stainless');
const KEY = 'payfix-test-key';
let pkg: GeneratedPackage;
let dir: string;
let server: PayfixServer;

beforeAll(async () => {
  const provider = resolveProviderConfig(
    { clientName: 'Payfix', packageName: 'payfix', sources: [{ file: 'openapi.yaml' }] },
    FIXTURE,
    '--spec',
  );
  pkg = await generatePackage(provider, { rootDir: process.cwd(), templatesDir: path.resolve('templates') });
  dir = await mkdtemp(path.join(tmpdir(), 'payfix-'));
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
  const found = [];
  for (const item of Object.values<any>(doc.paths)) {
    for (const op of Object.values<any>(item)) {
      for (const sample of op?.['x-codeSamples'] ?? [])
        found.push({ id: op.operationId, source: sample.source });
    }
  }
  return found;
}

/** Snippets compiled with the samples: each must (or must not) type-check. */
const prelude = "import Payfix from 'payfix';\nconst client = new Payfix();\n";

describe('the Payfix fixture', () => {
  it('places operations on a resource tree named as Stainless SDKs are', () => {
    const surface = (resources: typeof pkg.model.resources, prefix = 'client'): string[] =>
      resources.flatMap((r) => [
        ...r.operations.map((op) => `${prefix}.${r.propertyName}.${op.methodName}`),
        ...surface(r.children, `${prefix}.${r.propertyName}`),
      ]);
    expect(surface(pkg.model.resources).sort()).toEqual([
      'client.affiliates.overrides.create',
      'client.affiliates.overrides.delete',
      'client.affiliates.overrides.list',
      'client.payments.create',
      'client.payments.list',
      'client.payments.refund',
      'client.payments.retrieve',
      'client.users.checkAccess',
    ]);
  });

  it('applies the inferred pagination to both cursor lists and says so', () => {
    expect(pkg.model.inferredPagination.map((p) => `${p.operationId}: ${p.style}`)).toEqual([
      'listAffiliateOverrides: cursor',
      'listPayments: cursor',
    ]);
  });

  it('puts every x-codeSample into the JSDoc, because each type-checks', async () => {
    const samples = await specSamples();
    expect(samples).toHaveLength(8);
    const results = checkSamples(pkg.files, samples);
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(samples.map((s) => [s.id, []])));
    const resources = [...pkg.files]
      .filter(([file]) => file.startsWith('src/resources/'))
      .map(([, text]) => text)
      .join('\n');
    expect(resources).toContain("client.affiliates.overrides.delete('ovr_1', { id: 'aff_1' })");
  });

  it('leaves a sample that does not compile out of the JSDoc, with a warning naming it', () => {
    const payments = pkg.model.resources.find((r) => r.propertyName === 'payments')!;
    const bad = {
      lang: 'JavaScript',
      source: "import Payfix from 'payfix';\nawait new Payfix().payments.retrieve('a', 'b', 'c');",
    };
    const model = {
      ...pkg.model,
      resources: [
        {
          ...payments,
          operations: payments.operations.map((op) =>
            op.methodName === 'retrieve' ? { ...op, codeSamples: [bad, ...op.codeSamples] } : op,
          ),
        },
      ],
    };
    const checked = keepCheckedSamples(model, pkg.files);
    expect(checked.warnings).toEqual([
      {
        pointer: '#/paths/~1payments~1{id}/get/x-codeSamples/0',
        message: expect.stringMatching(/does not type-check.*Expected 1-2 arguments, but got 3/),
      },
    ]);
    expect(
      checked.model.resources[0]!.operations.find((op) => op.methodName === 'retrieve')!.codeSamples,
    ).toHaveLength(1);
  });

  it.each([
    ['a closed request enum rejects a typo', "client.payments.list({ statuses: ['nope'] });", false],
    ['a closed request enum accepts a listed value', "client.payments.list({ statuses: ['failed'] });", true],
    [
      'an open response enum accepts a new server value',
      "const p = await client.payments.retrieve('x');\nconst s: typeof p.status = 'brand_new';\nconsole.log(s);",
      true,
    ],
    [
      'the last path parameter is positional, the others named',
      "await client.affiliates.overrides.delete('aff_1', 'ovr_1');",
      false,
    ],
    [
      'an error static narrows err.error',
      "try { await client.payments.retrieve('x'); } catch (e) { if (e instanceof Payfix.NotFoundError) { const m: string = e.error.error.message; console.log(m); } }",
      true,
    ],
    [
      'the base error class is named after the client',
      "const { PayfixError } = await import('payfix');\nconst e: InstanceType<typeof PayfixError> = new Payfix.APIConnectionError();\nconsole.log(e instanceof Payfix.PayfixError, e instanceof Payfix.APIError);",
      true,
    ],
    [
      'webhook events narrow on their type',
      "const e = await client.webhooks.unwrap('', { headers: {} });\nif (e.type === 'refund.created') { const id: string = e.data.payment_id; console.log(id); }",
      true,
    ],
  ])('%s', (_, snippet, compiles) => {
    const [diagnostics] = checkSamples(pkg.files, [{ id: 'x', source: prelude + snippet }]).values();
    if (compiles) expect(diagnostics).toEqual([]);
    else expect(diagnostics!.length).toBeGreaterThan(0);
  });

  it('runs every x-codeSample against a loopback server', async () => {
    const samples = await specSamples();
    const entry = path.join(dir, 'src/index.ts');
    const files: string[] = [];
    for (const [i, sample] of samples.entries()) {
      const file = path.join(dir, `sample-${i}.mts`);
      await writeFile(file, importingPackage(sample.source, entry));
      files.push(file);
    }
    // One process for all samples: each is imported (and its top-level awaits finish) before the next.
    const runner = path.join(dir, 'run-samples.mts');
    await writeFile(
      runner,
      files
        .map((f, i) => `console.log('--- ${samples[i]!.id}');\nawait import(${JSON.stringify(f)});`)
        .join('\n'),
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', runner], {
      env: { ...process.env, PAYFIX_API_KEY: KEY, PAYFIX_BASE_URL: server.url },
      timeout: 60_000,
    });
    const printed = new Map<string, string[]>();
    let current = '';
    for (const line of stdout.trim().split('\n')) {
      if (line.startsWith('--- ')) printed.set((current = line.slice(4)), []);
      else printed.get(current)!.push(line);
    }
    expect(Object.fromEntries(printed)).toEqual({
      listPayments: ['pay_002', 'pay_005', 'pay_008', 'pay_011', 'pay_014', 'pay_017', 'pay_020', 'pay_023'],
      createPayment: ['pay_new'],
      retrievePayment: ['pay_001'],
      refundPayment: ['re_pay_001'],
      listAffiliateOverrides: ['ovr_1', 'ovr_2', 'ovr_3'],
      createAffiliateOverride: ['ovr_new'],
      deleteAffiliateOverride: ['ovr_1'],
      checkAccessUser: ['true'],
    });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toContain(
      'DELETE /v1/affiliates/aff_1/overrides/ovr_1',
    );
  }, 90_000);

  it('verifies webhooks signed by the standardwebhooks package and rejects a tampered one', async () => {
    const secret = 'whsec_' + Buffer.from('payfix webhook secret, 32 bytes!').toString('base64');
    const body = JSON.stringify({
      type: 'refund.created',
      data: { id: 're_1', payment_id: 'pay_1', amount: 5 },
    });
    const at = new Date();
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_1', at, body),
    };
    const script = path.join(dir, 'webhook.mts');
    await writeFile(
      script,
      `import Payfix from ${JSON.stringify(path.join(dir, 'src/index.ts'))};
const client = new Payfix({ apiKey: 'unused' });
const event = await client.webhooks.unwrap(process.env.BODY!, { headers: JSON.parse(process.env.HEADERS!) });
console.log(event.type);
await client.webhooks.unwrap(process.env.BODY!.replace('5', '6'), { headers: JSON.parse(process.env.HEADERS!) }).catch((e) => console.log(e.name));`,
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, PAYFIX_WEBHOOK_SECRET: secret, BODY: body, HEADERS: JSON.stringify(headers) },
    });
    expect(stdout.trim().split('\n')).toEqual(['refund.created', 'WebhookVerificationError']);
  }, 60_000);
});

describe('the seed specs', () => {
  it('keep every JavaScript x-codeSample of theirs: each type-checks against its package', async () => {
    const providers = await loadProviders(path.resolve('specs'));
    let total = 0;
    for (const provider of providers) {
      const generated = await generatePackage(provider, {
        rootDir: process.cwd(),
        templatesDir: path.resolve('templates'),
      });
      expect(generated.warnings.filter((w) => /code sample/.test(w.message))).toEqual([]);
      const walk = (list: typeof generated.model.resources): number =>
        list.reduce(
          (n, r) =>
            n +
            r.operations.reduce(
              (m, op) => m + op.codeSamples.filter((s) => /^javascript$/i.test(s.lang)).length,
              0,
            ) +
            walk(r.children),
          0,
        );
      total += walk(generated.model.resources);
    }
    // Whop's two samples; they also run against a loopback server in whop-code-samples.test.ts.
    expect(total).toBe(2);
  }, 120_000);
});
