import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../generator/emit/package/manifest.js';
import { bundleSpec } from '../../generator/load/bundle.js';
import { startPrism } from '../support/prism.js';
import { declared, fastCorpus, generateDocument, OUT_DIR, parseDocument, writePackage } from './corpus.js';
import { callOperation, type Outcome } from './wire/call.js';
import { EXCLUDED } from './wire/exclusions.js';

/**
 * The wire test (`npm run test:corpus`): for every operation of every fast-corpus document, the generated method is
 * called with arguments built from the document against Prism started with `--errors` on that document. Any request
 * Prism reports as violating the document fails, as does a client exception or an operation with no method.
 */
const all = (await fastCorpus()).documents;
/** `WIRE_ONLY=petstore npm run test:corpus -- wire` narrows the run while working on one document. */
const documents = process.env.WIRE_ONLY ? all.filter((d) => d.id.includes(process.env.WIRE_ONLY!)) : all;
const outRoot = path.join(OUT_DIR, 'wire');
const rows: {
  id: string;
  operations: number;
  called: number;
  violations: number;
  exceptions: number;
  unmapped: number;
  documentedErrors: number;
  mockLimits: number;
  prismCrashes: number;
}[] = [];

const excludedRows: string[] = [];

afterAll(async () => {
  const header =
    '| document | operations | called | violations | exceptions | unmapped | documented errors | mock limits | Prism crashes |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  const lines = rows.map(
    (r) =>
      `| ${r.id} | ${r.operations} | ${r.called} | ${r.violations} | ${r.exceptions} | ${r.unmapped} | ${r.documentedErrors} | ${r.mockLimits} | ${r.prismCrashes} |`,
  );
  const sum = (key: keyof (typeof rows)[number]) => rows.reduce((n, r) => n + (r[key] as number), 0);
  lines.push(
    `| **total (${rows.length})** | ${sum('operations')} | ${sum('called')} | ${sum('violations')} | ${sum('exceptions')} | ${sum('unmapped')} | ${sum('documentedErrors')} | ${sum('mockLimits')} | ${sum('prismCrashes')} |`,
  );
  const table = `${header}\n${lines.join('\n')}\n\nExcluded (the document's fault):\n${excludedRows.map((e) => `- ${e}`).join('\n')}\n`;
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(path.join(OUT_DIR, 'wire-report.md'), table);
  process.stdout.write(`\nwire test:\n${table}`);
  await rm(outRoot, { recursive: true, force: true });
});

describe('wire test against Prism (--errors)', () => {
  it.each(documents.map((d) => [d.id, d] as const))(
    '%s: every operation is called with zero request violations',
    async (id, doc) => {
      const pkg = await generateDocument(doc);
      const dir = await writePackage(doc, pkg, outRoot);
      const manifest: Manifest = JSON.parse(pkg.files.get('manifest.json')!);
      const wanted = declared(await parseDocument(doc.file)).operations;
      const mapped = new Set(manifest.operations.map((op) => `${op.method} ${op.path}`));
      const unmapped = wanted.filter((op) => !mapped.has(op));
      if (wanted.length === 0) {
        // Prism refuses to start on a document without operations (webhooks only); there is nothing to call.
        rows.push({
          id,
          operations: 0,
          called: 0,
          violations: 0,
          exceptions: 0,
          unmapped: 0,
          documentedErrors: 0,
          mockLimits: 0,
          prismCrashes: 0,
        });
        expect(manifest.operations).toEqual([]);
        return;
      }
      const { bundled } = await bundleSpec(doc.file);
      const module = await import(pathToFileURL(path.join(dir, 'src/index.ts')).href);
      let prism = await startPrism(doc.file, { errors: true });
      const outcomes: [string, Outcome][] = [];
      const crashes: string[] = [];
      try {
        for (const op of manifest.operations) {
          const client = new module.default({ apiKey: 'test-key', baseURL: prism.url, maxRetries: 0 });
          const name = `${op.method} ${op.path} (${op.call})`;
          const logStart = prism.log().length;
          const outcome = await callOperation(client, bundled.document, op);
          // A crash shows first as a refused connection; give the process a moment to be seen exiting.
          if (outcome.kind === 'exception' && /Connection error/.test(outcome.detail))
            await new Promise((resolve) => setTimeout(resolve, 500));
          if (!prism.running()) {
            // Prism's own crash (its stack trace is in the log), not the client's: say so, and go on with a new one.
            crashes.push(
              `${name}: ${/TypeError[^\n]*/.exec(prism.log().slice(logStart))?.[0] ?? 'Prism exited'}`,
            );
            outcomes.push([name, { kind: 'prism-crash', detail: 'Prism crashed on this request' }]);
            prism = await startPrism(doc.file, { errors: true });
          } else outcomes.push([name, outcome]);
        }
      } finally {
        await prism.close();
      }
      const limits = [
        ...new Set(
          outcomes
            .filter(([, o]) => o.kind === 'mock-limit')
            .map(([, o]) => ('detail' in o ? o.detail : '').slice(0, 160)),
        ),
      ];
      if (limits.length > 0) process.stdout.write(`${id}: mock limits: ${limits.join(' | ')}\n`);
      if (crashes.length > 0) process.stdout.write(`${id}: Prism crashed on ${crashes.join('; ')}\n`);
      const count = (kind: Outcome['kind']) => outcomes.filter(([, o]) => o.kind === kind).length;
      rows.push({
        id,
        operations: wanted.length,
        called: outcomes.length,
        violations: count('violation'),
        exceptions: count('exception'),
        unmapped: unmapped.length,
        documentedErrors: count('documented-error'),
        mockLimits: count('mock-limit'),
        prismCrashes: count('prism-crash'),
      });
      const failed = (o: Outcome) => o.kind === 'violation' || o.kind === 'exception';
      const excluded = outcomes.filter(([name]) =>
        EXCLUDED.has(`${id} ${name.replace(/ \(client\..*\)$/, '')}`),
      );
      excludedRows.push(
        ...excluded.map(
          ([name, o]) =>
            `${id} ${name}: ${EXCLUDED.get(`${id} ${name.replace(/ \(client\..*\)$/, '')}`)} (now: ${o.kind})`,
        ),
      );
      const stale = excluded
        .filter(([, o]) => !failed(o))
        .map(([name]) => `${name} is excluded but passes: remove it from wire/exclusions.ts`);
      const failures = outcomes
        .filter(([name, o]) => failed(o) && !excluded.some(([e]) => e === name))
        .map(([name, o]) => `${name}: ${o.kind} ${'detail' in o ? o.detail : ''}`)
        .concat(stale);
      if (failures.length > 0 && process.env.WIRE_LOG) process.stdout.write(prism.log());
      expect({ unmapped, failures }).toEqual({ unmapped: [], failures: [] });
    },
    120_000,
  );
});
