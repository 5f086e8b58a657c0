import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mountedResources, resourceMethods } from '../support/client-surface.js';
import { bundleSpec } from '../../generator/load/bundle.js';
import {
  declared,
  fastCorpus,
  generateDocument,
  OUT_DIR,
  parseDocument,
  produced,
  swaggerDocuments,
  writePackage,
} from './corpus.js';
import { writeExamples } from './examples.js';
import { formatErrors, typecheckPackages } from './typecheck.js';

/**
 * The fast public corpus, in `npm test`: every @readme/oas-examples 3.0 and 3.1 document, @scalar/galaxy, and the
 * vendors' spec packages, and the edge-case and helper-type fixtures. Each is generated and written to
 * test/corpus/out/fast/<id> with its README, api.md and JSDoc examples beside it; then all packages and their
 * examples are type-checked in one TypeScript program, under a demanding consumer's settings; then each client is
 * imported and constructed.
 */
const { documents, duplicates } = await fastCorpus();
const swagger = await swaggerDocuments();
const outRoot = path.join(OUT_DIR, 'fast');
const written = new Map<string, { dir: string; clientName: string; resources: number }>();
const totals = { documents: 0, operations: 0, schemas: 0, types: 0, warnings: 0, examples: 0 };
const repairs = new Map<string, number>();

describe('public corpus (fast)', () => {
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
      // Every package documents at least the README's setup and one call per operation.
      expect(examples).toBeGreaterThan(got.operations.length ? 1 : 0);
      written.set(doc.id, {
        dir,
        clientName: pkg.provider.clientName,
        resources: pkg.model.resources.length + (pkg.model.webhooks ? 1 : 0),
      });
      for (const [rule, count] of got.repairs) repairs.set(rule, (repairs.get(rule) ?? 0) + count);
      Object.assign(totals, {
        documents: totals.documents + 1,
        operations: totals.operations + got.operations.length,
        schemas: totals.schemas + got.schemas.length,
        types: totals.types + got.types,
        warnings: totals.warnings + got.warnings,
        examples: totals.examples + examples,
      });
    },
    60_000,
  );

  it('type-checks every generated package and every example it documents (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess), in one program, with zero errors', async () => {
    expect(written.size).toBe(documents.length);
    const errors = await typecheckPackages([...written.values()].map((w) => w.dir));
    expect(formatErrors(errors, outRoot)).toBe('');
    const byRule =
      [...repairs]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([rule, n]) => `${rule} ${n}`)
        .join(', ') || 'none';
    process.stdout.write(
      `corpus: ${totals.documents} documents (+${duplicates.length} identical twins), ${totals.operations} operations, ${totals.schemas} component schemas, ${totals.types} types, ${totals.warnings} warnings, ${totals.examples} examples; repairs: ${byRule}\n`,
    );
  }, 300_000);

  it.each(documents.map((d) => [d.id, d] as const))(
    '%s: the client constructs, with every resource method callable',
    async (id) => {
      const entry = written.get(id);
      expect(entry, 'generated in an earlier test').toBeDefined();
      const module = await import(pathToFileURL(path.join(entry!.dir, 'src/index.ts')).href);
      const Client = module.default;
      expect(Client).toBe(module[entry!.clientName]);
      const client = new Client({ apiKey: 'test-key', baseURL: 'http://127.0.0.1:9' });
      const resources = mountedResources(client);
      expect(resources.length).toBe(entry!.resources);
      for (const resource of resources) {
        const methods = resourceMethods(resource);
        expect(methods.length + mountedResources(resource).length).toBeGreaterThan(0);
        for (const method of methods) expect(typeof (resource as any)[method]).toBe('function');
      }
    },
    30_000,
  );

  it.each(duplicates.map((d) => [d.doc.id, d] as const))(
    '%s bundles to the same document as its twin',
    async (_id, { doc, sameAs }) => {
      const [a, b] = await Promise.all([bundleSpec(doc.file), bundleSpec(sameAs.file)]);
      expect(a.bundled.document).toEqual(b.bundled.document);
    },
  );

  it.each(swagger.map((d) => [d.id, d] as const))(
    '%s (Swagger 2.0) is refused with a clear message',
    async (_id, doc) => {
      await expect(generateDocument(doc)).rejects.toThrow(
        /at #\/swagger: Swagger 2\.0 is not supported\n {2}-> convert it to OpenAPI 3\.x/,
      );
    },
  );
});
