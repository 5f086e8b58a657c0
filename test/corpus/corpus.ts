/**
 * The public corpus: real OpenAPI documents shipped in npm packages (dev dependencies, never copied into the repo),
 * each generated into a package under `test/corpus/out/` (gitignored) and type-checked together in one program.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeOutputs } from '../../generator/format/write-output.js';
import { kebabCase } from '../../generator/model/identifiers.js';
import { generatePackage, type GeneratedPackage } from '../../generator/pipeline.js';
import { resolveProviderConfig } from '../../generator/providers.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUT_DIR = path.join(ROOT, 'test/corpus/out');

export interface CorpusDocument {
  /** Folder name under the output directory, unique in the corpus. */
  id: string;
  file: string;
}

const README = path.join(ROOT, 'node_modules/@readme/oas-examples');
const GALAXY = path.join(ROOT, 'node_modules/@scalar/galaxy/dist');
export const GITHUB = path.join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');

async function documentsIn(dir: string, prefix: string): Promise<CorpusDocument[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort()
    .map((f) => ({ id: `${prefix}-${kebabCase(f.replace(/\.(json|ya?ml)$/, ''))}-${f.endsWith('.json') ? 'json' : 'yaml'}`, file: path.join(dir, f) }));
}

/** Every 3.0 and 3.1 document of `@readme/oas-examples` (JSON and YAML), and `@scalar/galaxy`. */
export async function fastCorpus(): Promise<CorpusDocument[]> {
  return [
    ...(await documentsIn(path.join(README, '3.0'), 'readme-3-0')),
    ...(await documentsIn(path.join(README, '3.1'), 'readme-3-1')),
    ...(await documentsIn(GALAXY, 'galaxy')),
  ];
}

/** The Swagger 2.0 documents of `@readme/oas-examples`: each must be refused with a clear message. */
export async function swaggerDocuments(): Promise<CorpusDocument[]> {
  return documentsIn(path.join(README, '2.0'), 'readme-2-0');
}

export function clientNameOf(id: string): string {
  return `${id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}Client`;
}

/** Generates one document the way `sdkgen generate --spec` does, in memory. */
export async function generateDocument(doc: CorpusDocument, options: { strict?: boolean } = {}): Promise<GeneratedPackage> {
  const clientName = clientNameOf(doc.id);
  const provider = resolveProviderConfig(
    { clientName, packageName: kebabCase(clientName), sources: [{ file: path.basename(doc.file) }] },
    path.dirname(doc.file),
    '--spec',
  );
  return generatePackage(provider, { rootDir: ROOT, templatesDir: process.env.SDKGEN_CORPUS_TEMPLATES ?? path.join(ROOT, 'templates'), strict: options.strict ?? false, maxBytes: 100 * 1024 * 1024 });
}

export interface CorpusResult {
  doc: CorpusDocument;
  dir: string;
  clientName: string;
  pkg: GeneratedPackage;
}

/** Generates every document and writes each package to `<outRoot>/<id>`, replacing what was there. */
export async function generateCorpus(docs: readonly CorpusDocument[], outRoot = OUT_DIR): Promise<CorpusResult[]> {
  await mkdir(outRoot, { recursive: true });
  const results: CorpusResult[] = [];
  for (const doc of docs) {
    const pkg = await generateDocument(doc);
    const dir = path.join(outRoot, doc.id);
    await rm(dir, { recursive: true, force: true });
    await writeOutputs(new Map([[dir, pkg.files]]));
    results.push({ doc, dir, clientName: clientNameOf(doc.id), pkg });
  }
  return results;
}

/** What a document contributed: every operation and every component schema must be accounted for. */
export function countsOf(pkg: GeneratedPackage) {
  return {
    operations: pkg.model.resources.reduce((n, r) => n + r.operations.length, 0),
    schemas: pkg.model.types.filter((t) => !t.synthesized).length,
    types: pkg.model.types.length,
    warnings: pkg.warnings.length,
  };
}
