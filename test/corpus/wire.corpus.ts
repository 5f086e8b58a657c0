import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../generator/emit/package/manifest.js';
import { bundleSpec } from '../../generator/load/bundle.js';
import { startPrism } from '../support/prism.js';
import {
  declared,
  fastCorpus,
  generateDocument,
  GITHUB,
  OUT_DIR,
  parseDocument,
  writePackage,
  type CorpusDocument,
} from './corpus.js';
import {
  CALL_TIMEOUT_MS,
  callOperation,
  declaresHeader,
  finalStatusDeclared,
  requestForms,
  type Outcome,
} from './wire/call.js';
import { EXCLUDED } from './wire/exclusions.js';
import { checkGaps, findGaps, withoutGaps } from './wire/prism-gaps.js';
import { createRecorder } from './wire/recorder.js';
import { awaitVerdict } from './wire/verdict.js';

/**
 * The wire test (`npm run test:corpus`): for every operation of every fast-corpus document and of GitHub's REST
 * description, the generated method is called with arguments built from the document against Prism started with
 * `--errors` on that document. Every call must end validated: Prism's log gives its verdict on each request (or,
 * for the few parameters Prism cannot read, `wire/prism-gaps.ts` checks them). A request that fails, a client
 * exception, a call without a verdict, a Prism crash or an operation with no method fails the test.
 */
const all: CorpusDocument[] = [...(await fastCorpus()).documents, { id: 'github-3-0', file: GITHUB }];
/** `WIRE_ONLY=petstore,figma npm run test:corpus -- wire` narrows the run while working on some documents. */
const only = process.env.WIRE_ONLY?.split(',');
const documents = only ? all.filter((d) => only.some((part) => d.id.includes(part))) : all;
const outRoot = path.join(OUT_DIR, 'wire');
const scratch = await mkdtemp(path.join(tmpdir(), 'sdkgen-wire-'));

const COLUMNS = {
  operations: 'operations',
  called: 'called',
  validated: 'validated by Prism',
  ownChecks: 'own checks',
  violations: 'violations',
  exceptions: 'exceptions',
  unvalidated: 'unvalidated',
  unmapped: 'unmapped',
  documentedErrors: 'documented errors',
  mockLimits: 'mock limits',
  schemaAnswers: 'schema-built answers',
  prismCrashes: 'Prism crashes',
  xmlForms: 'XML bodies not sent',
} as const;
type Row = { id: string } & Record<keyof typeof COLUMNS, number>;
const rows: Row[] = [];
const excludedRows: string[] = [];
/** Why calls were mock limits, and which statuses the documented errors had: what the two columns hold. */
const causes = new Map<string, number>();
const tally = (key: string) => causes.set(key, (causes.get(key) ?? 0) + 1);

function limitCause(detail: string): string {
  if (/NO_RESPONSE_RESPONSE_DEFINED/.test(detail)) return 'mock limit: the document declares no response';
  if (/VIOLATIONS/.test(detail))
    return "mock limit: the document's example and Prism's schema-built answer both fail its response schema";
  if (/loopback/.test(detail)) return `mock limit: ${detail}`;
  return `mock limit: ${detail.slice(0, 120)}`;
}

afterAll(async () => {
  const keys = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
  const header = `| document | ${Object.values(COLUMNS).join(' | ')} |\n| --- |${' --- |'.repeat(keys.length)}`;
  const lines = rows.map((r) => `| ${r.id} | ${keys.map((k) => r[k]).join(' | ')} |`);
  const sum = (key: keyof typeof COLUMNS) => rows.reduce((n, r) => n + r[key], 0);
  lines.push(`| **total (${rows.length})** | ${keys.map(sum).join(' | ')} |`);
  const why = [...causes].sort(([a], [b]) => a.localeCompare(b)).map(([cause, n]) => `- ${n} × ${cause}`);
  const table = `${header}\n${lines.join('\n')}\n\nMock limits and documented errors:\n${why.join('\n')}\n\nExcluded (the document's fault):\n${excludedRows.map((e) => `- ${e}`).join('\n')}\n`;
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(path.join(OUT_DIR, 'wire-report.md'), table);
  process.stdout.write(`\nwire test:\n${table}`);
  await rm(outRoot, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

const keyOf = (id: string, name: string) => `${id} ${name.replace(/ \(client\..*$/, '')}`;

describe('wire test against Prism (--errors)', () => {
  it.each(documents.map((d) => [d.id, d] as const))(
    '%s: every operation is called, validated, with zero request violations',
    async (id, doc) => {
      const pkg = await generateDocument(doc);
      const dir = await writePackage(doc, pkg, outRoot);
      const manifest: Manifest = JSON.parse(pkg.files.get('manifest.json')!);
      const wanted = declared(await parseDocument(doc.file)).operations;
      const mapped = new Set(manifest.operations.map((op) => `${op.method} ${op.path}`));
      const unmapped = wanted.filter((op) => !mapped.has(op));
      const row: Row = { id, ...(Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, 0])) as any) };
      rows.push(row);
      if (wanted.length === 0) {
        // Prism refuses to start on a document without operations (webhooks only); there is nothing to call.
        expect(manifest.operations).toEqual([]);
        return;
      }
      row.operations = wanted.length;
      row.unmapped = unmapped.length;
      const { bundled } = await bundleSpec(doc.file);
      const gaps = findGaps(bundled.document);
      let prismFile = doc.file;
      if (gaps.length > 0) {
        prismFile = path.join(scratch, `${id}.json`);
        await writeFile(prismFile, JSON.stringify(withoutGaps(bundled.document, gaps)));
      }
      const module = await import(pathToFileURL(path.join(dir, 'src/index.ts')).href);
      let prism = await startPrism(prismFile, { errors: true });
      const outcomes: [string, Outcome][] = [];
      const recorder = createRecorder();
      try {
        for (const [op, form] of manifest.operations.flatMap((o) =>
          requestForms(o).map((f) => [o, f] as const),
        )) {
          const client = new module.default({
            apiKey: 'test-key',
            baseURL: prism.url,
            maxRetries: 0,
            timeout: CALL_TIMEOUT_MS,
            fetch: recorder.fetch,
          });
          // Prism 5.14 reads an XML body as text and refuses it against the object schema: it cannot check one.
          if (form && /[/+]xml\b/.test(form.mediaType)) {
            row.xmlForms++;
            continue;
          }
          const name = `${op.method} ${op.path} (${op.call})${form ? ` as ${form.mediaType}` : ''}`;
          const logStart = prism.log().length;
          recorder.allowDynamic(!declaresHeader(bundled.document, op, 'prefer'));
          const outcome = await callOperation(client, bundled.document, op, form);
          const sent = recorder.last();
          // A crash shows first as a dropped connection; wait for the process to be seen exiting, so the crash is
          // put on the request that caused it and not on the next one.
          const crashed = sent?.dropped ? await prism.exits(5_000) : !prism.running();
          if (crashed) {
            const trace = /\n(\w*Error: [^\n]*)/.exec(prism.log().slice(logStart))?.[1] ?? 'Prism exited';
            outcomes.push([
              name,
              { kind: 'prism-crash', detail: `${trace} on ${JSON.stringify(sent?.request)}` },
            ]);
            prism = await startPrism(prismFile, { errors: true });
            continue;
          }
          const verdict = await awaitVerdict(() => prism.log().slice(logStart));
          if (sent?.abandoned) {
            await prism.close();
            prism = await startPrism(prismFile, { errors: true });
          }
          row.called++;
          if (sent?.dynamic) row.schemaAnswers++;
          const own = gaps.filter((g) => g.operation === op.pointer && g.in !== 'multipart');
          if (own.length > 0) row.ownChecks++;
          const problems = own.length > 0 && sent ? checkGaps(sent.request, own, bundled.document) : [];
          if (verdict) row.validated++;
          if (problems.length > 0)
            outcomes.push([name, { kind: 'violation', detail: `own check: ${problems.join('; ')}` }]);
          else if (verdict && !verdict.passed)
            outcomes.push([name, { kind: 'violation', detail: verdict.failures.join('; ').slice(0, 400) }]);
          else if (!verdict && outcome.kind !== 'violation')
            outcomes.push([
              name,
              {
                kind: 'unvalidated',
                detail: `Prism logged no verdict (${outcome.kind}${'detail' in outcome ? `: ${outcome.detail}` : ''})`,
              },
            ]);
          else outcomes.push([name, outcome]);
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
      for (const [name, o] of outcomes) {
        if (o.kind === 'mock-limit') tally(limitCause(o.detail));
        if (o.kind !== 'documented-error') continue;
        const op = manifest.operations.find((m) => name.startsWith(`${m.method} ${m.path} (${m.call})`))!;
        tally(
          finalStatusDeclared(bundled.document, op)
            ? `documented error ${o.status} although a success is declared (${id} ${name})`
            : `documented error ${String(o.status)[0]}xx: the operation declares no success status, only this one`,
        );
      }
      const count = (kind: Outcome['kind']) => outcomes.filter(([, o]) => o.kind === kind).length;
      row.violations = count('violation');
      row.exceptions = count('exception');
      row.unvalidated = count('unvalidated');
      row.documentedErrors = count('documented-error');
      row.mockLimits = count('mock-limit');
      row.prismCrashes = count('prism-crash');
      const failed = (o: Outcome) => !['ok', 'documented-error', 'mock-limit'].includes(o.kind);
      const excluded = outcomes.filter(([name]) => EXCLUDED.has(keyOf(id, name)));
      excludedRows.push(
        ...excluded.map(([name, o]) => `${id} ${name}: ${EXCLUDED.get(keyOf(id, name))} (now: ${o.kind})`),
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
    1_200_000,
  );
});
