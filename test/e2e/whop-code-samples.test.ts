import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeMergedSpec } from '../support/merged-spec.js';
import { startPrism, type PrismServer } from '../support/prism.js';
import { startWhopServer, type WhopServer } from '../support/whop-server.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The JavaScript `x-codeSamples` of the Whop spec run unchanged but for their import line, against a Whop-shaped
 * server behind a validating Prism proxy: Prism rejects any request or response that breaks the spec.
 */
const run = promisify(execFile);
const TOTAL = 35;
let upstream: WhopServer;
let proxy: PrismServer;

beforeAll(async () => {
  upstream = await startWhopServer(TOTAL, 10);
  proxy = await startPrism(await writeMergedSpec('whop'), { proxyTo: upstream.url });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

async function samples(): Promise<{ operationId: string; source: string }[]> {
  const found = [];
  for (const file of ['list-resolution-center-cases.yaml', 'retrieve-resolution-center-case.yaml']) {
    const doc = parse(await readFile(path.join('specs/whop', file), 'utf8'));
    for (const item of Object.values<any>(doc.paths)) {
      for (const op of Object.values<any>(item)) {
        for (const sample of op['x-codeSamples'] ?? []) {
          if (sample.lang === 'JavaScript')
            found.push({ operationId: op.operationId, source: sample.source });
        }
      }
    }
  }
  return found;
}

async function runSample(source: string): Promise<string> {
  const entry = path.resolve('generated/whop/src/index.ts');
  const replaced = source.replace(
    /^import Whop from '@whop\/sdk';$/m,
    `import Whop from ${JSON.stringify(entry)};`,
  );
  expect(replaced).not.toBe(source);
  const dir = await tempDir('whop-sample-');
  const file = path.join(dir, 'sample.mts');
  await writeFile(file, replaced);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
    env: { ...process.env, WHOP_API_KEY: 'whop-sample-key', WHOP_BASE_URL: proxy.url },
    timeout: 60_000,
  });
  return stdout;
}

it('has a JavaScript sample for each operation', async () => {
  expect((await samples()).map((s) => s.operationId).sort()).toEqual([
    'listResolutionCenterCase',
    'retrieveResolutionCenterCase',
  ]);
});

it('runs the list sample: every case once, in order, one request per page and no more', async () => {
  const sample = (await samples()).find((s) => s.operationId === 'listResolutionCenterCase')!;
  upstream.requests.length = 0;
  const printed = (await runSample(sample.source)).trim().split('\n');
  expect(printed).toEqual(Array.from({ length: TOTAL }, (_, i) => `reso_${String(i + 1).padStart(6, '0')}`));
  expect(upstream.requests).toHaveLength(Math.ceil(TOTAL / 10));
  expect(proxy.log()).not.toMatch(/Violation/);
}, 90_000);

it('runs the retrieve sample against a server that has the case', async () => {
  const sample = (await samples()).find((s) => s.operationId === 'retrieveResolutionCenterCase')!;
  // The sample asks for `reso_xxxxxxxxxxxxx`: the server knows cases by their own ids, so it answers 404,
  // which the client must raise as NotFoundError with Whop's message.
  await expect(runSample(sample.source)).rejects.toThrow(/NotFoundError[\s\S]*404 Resource not found/);
  const withKnownId = sample.source.replace('reso_xxxxxxxxxxxxx', 'reso_000007');
  expect((await runSample(withKnownId)).trim()).toBe('reso_000007');
  expect(proxy.log()).not.toMatch(/Violation: request/);
}, 90_000);
