/**
 * The public corpus: real OpenAPI documents shipped in npm packages (dev dependencies, never copied into the repo),
 * each generated into a package under `test/corpus/out/` (gitignored) and type-checked together in one program.
 */
import { allResources } from '../../generator/model/all-resources.js';
import { HTTP_METHODS } from '../../generator/http-methods.js';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { writeOutputs } from '../../generator/format/write-output.js';
import { kebabCase } from '../../generator/model/identifiers.js';
import { generatePackage, type GeneratedPackage } from '../../generator/pipeline.js';
import { resolveProviderConfig } from '../../generator/providers.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUT_DIR = path.join(ROOT, 'test/corpus/out');
export const GITHUB = path.join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const README = path.join(ROOT, 'node_modules/@readme/oas-examples');
const GALAXY = path.join(ROOT, 'node_modules/@scalar/galaxy/dist');
const FIXTURES = path.join(ROOT, 'test/corpus/fixtures');

/**
 * Vendors' descriptions as they publish them in npm packages (pinned dev dependencies): each has defects of its
 * own, which the repair stage must correct (Blockfrost's 3.1 `null` type in a 3.0 document, Directus's `null`
 * schema, Dialogporten's byte order mark).
 */
export const VENDOR_DOCUMENTS: readonly CorpusDocument[] = [
  { id: 'vendor-blockfrost', file: path.join(ROOT, 'node_modules/@blockfrost/openapi/openapi.yaml') },
  {
    id: 'vendor-dialogporten',
    file: path.join(ROOT, 'node_modules/@digdir/dialogporten-schema/swagger.verified.json'),
  },
  { id: 'vendor-directus', file: path.join(ROOT, 'node_modules/@directus/specs/dist/openapi.json') },
  { id: 'vendor-figma', file: path.join(ROOT, 'node_modules/@figma/rest-api-spec/openapi/openapi.yaml') },
  {
    id: 'vendor-ideal-postcodes',
    file: path.join(ROOT, 'node_modules/@ideal-postcodes/openapi/dist/openapi.json'),
  },
  { id: 'vendor-rclone', file: path.join(ROOT, 'node_modules/rclone-openapi/openapi.json') },
];

export interface CorpusDocument {
  /** Folder name under the output directory, unique in the corpus. */
  id: string;
  file: string;
}

/** A document whose parsed content equals another's (the YAML twin of a JSON file): generating it again proves nothing. */
export interface Duplicate {
  doc: CorpusDocument;
  sameAs: CorpusDocument;
}

async function documentsIn(dir: string, prefix: string): Promise<CorpusDocument[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort()
    .map((f) => ({
      id: `${prefix}-${kebabCase(f.replace(/\.(json|ya?ml)$/, ''))}-${f.endsWith('.json') ? 'json' : 'yaml'}`,
      file: path.join(dir, f),
    }));
}

export async function parseDocument(file: string): Promise<any> {
  // A byte order mark carries no content (the generator repairs it as `byte-order-mark`).
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  return file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
}

/**
 * Every 3.0 and 3.1 document of `@readme/oas-examples` (JSON and YAML), `@scalar/galaxy`, the vendors' documents,
 * and the hand-written edge-case and helper-type documents. Documents identical to one already listed are returned apart, to be checked for equality.
 */
export async function fastCorpus(): Promise<{ documents: CorpusDocument[]; duplicates: Duplicate[] }> {
  const all = [
    ...(await documentsIn(path.join(README, '3.0'), 'readme-3-0')),
    ...(await documentsIn(path.join(README, '3.1'), 'readme-3-1')),
    ...(await documentsIn(GALAXY, 'galaxy')),
    { id: 'edge-cases', file: path.join(FIXTURES, 'edge-cases/openapi.yaml') },
    { id: 'helper-types', file: path.join(FIXTURES, 'helper-types/openapi.yaml') },
    ...VENDOR_DOCUMENTS,
  ];
  const documents: CorpusDocument[] = [];
  const duplicates: Duplicate[] = [];
  const parsed: { doc: CorpusDocument; value: unknown }[] = [];
  // JSON first, so a YAML twin is the one set aside.
  for (const doc of [...all].sort(
    (a, b) => Number(a.file.endsWith('.yaml')) - Number(b.file.endsWith('.yaml')),
  )) {
    const value = await parseDocument(doc.file);
    const twin = parsed.find((p) => isDeepStrictEqual(p.value, value));
    if (twin) duplicates.push({ doc, sameAs: twin.doc });
    else {
      parsed.push({ doc, value });
      documents.push(doc);
    }
  }
  return { documents: documents.sort((a, b) => (a.id < b.id ? -1 : 1)), duplicates };
}

/** The Swagger 2.0 documents of `@readme/oas-examples`: each must be refused with a clear message. */
export async function swaggerDocuments(): Promise<CorpusDocument[]> {
  return documentsIn(path.join(README, '2.0'), 'readme-2-0');
}

export function clientNameOf(id: string): string {
  return `${id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Client`;
}

/** Generates one document the way `sdkgen generate --spec` does, in memory. */
export async function generateDocument(
  doc: CorpusDocument,
  options: { strict?: boolean; maxBytes?: number } = {},
): Promise<GeneratedPackage> {
  const clientName = clientNameOf(doc.id);
  const provider = resolveProviderConfig(
    { clientName, packageName: kebabCase(clientName), sources: [{ file: path.basename(doc.file) }] },
    path.dirname(doc.file),
    '--spec',
  );
  return generatePackage(provider, {
    rootDir: ROOT,
    templatesDir: path.join(ROOT, 'templates'),
    strict: options.strict ?? false,
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
  });
}

/** Writes a generated package to `<outRoot>/<id>`, replacing what was there; returns the folder. */
export async function writePackage(
  doc: CorpusDocument,
  pkg: GeneratedPackage,
  outRoot = OUT_DIR,
): Promise<string> {
  await mkdir(outRoot, { recursive: true });
  const dir = path.join(outRoot, doc.id);
  await rm(dir, { recursive: true, force: true });
  await writeOutputs(new Map([[dir, pkg.files]]));
  return dir;
}

/**
 * What the document itself declares, counted from the raw text without the generator: the model must account for
 * each of these operations and component schemas.
 */
export function declared(raw: any): { operations: string[]; schemas: string[] } {
  const operations: string[] = [];
  for (const [route, rawItem] of Object.entries<any>(raw.paths ?? {})) {
    // A path item may itself be a $ref (OpenAPI 3.0.3 §4.7.9) into the same document.
    const item =
      typeof rawItem?.$ref === 'string' && rawItem.$ref.startsWith('#/') ? at(raw, rawItem.$ref) : rawItem;
    for (const method of HTTP_METHODS)
      if (item?.[method] && typeof item[method] === 'object')
        operations.push(`${method.toUpperCase()} ${route}`);
  }
  return { operations, schemas: Object.keys(raw.components?.schemas ?? {}) };
}

function at(document: any, ref: string): any {
  return ref
    .slice(2)
    .split('/')
    .reduce(
      (node, segment) => node?.[decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~')],
      document,
    );
}

/** What the model produced from a document. */
export function produced(pkg: GeneratedPackage): {
  operations: string[];
  schemas: string[];
  types: number;
  warnings: number;
  repairs: Map<string, number>;
} {
  const repairs = new Map<string, number>();
  for (const repair of pkg.repairs) repairs.set(repair.rule, (repairs.get(repair.rule) ?? 0) + 1);
  return {
    repairs,
    operations: allResources(pkg.model.resources).flatMap((r) =>
      r.operations.map((op) => `${op.method.toUpperCase()} ${op.path}`),
    ),
    schemas: pkg.model.types.filter((t) => !t.synthesized).map((t) => t.schemaKey),
    types: pkg.model.types.length,
    warnings: pkg.warnings.length,
  };
}

/**
 * GitHub publishes its description in OpenAPI 3.0 only in `@octokit/openapi`; this rewrites it in the 3.1
 * dialect (type arrays with "null" instead of `nullable`, `examples` instead of `example`, numeric
 * `exclusiveMinimum`), so the 3.1 code paths run over the same 1 000+ operations. Written next to a temp folder.
 */
export async function githubAs31(outFile: string): Promise<string> {
  const document = JSON.parse(await readFile(GITHUB, 'utf8'));
  document.openapi = '3.1.0';
  const convert = (node: Record<string, any>) => {
    if ('nullable' in node) {
      const nullable = node.nullable === true;
      delete node.nullable;
      if (nullable && typeof node.type === 'string') {
        node.type = [node.type, 'null'];
        if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
      } else if (nullable) {
        const inner = { ...node };
        for (const key of Object.keys(node)) delete node[key];
        node.anyOf = [inner, { type: 'null' }];
      }
    }
    if ('example' in node && !('examples' in node)) {
      node.examples = [node.example];
      delete node.example;
    }
    for (const [bound, limit] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof node[bound] !== 'boolean') continue;
      if (node[bound] && typeof node[limit] === 'number') {
        node[bound] = node[limit];
        delete node[limit];
      } else delete node[bound];
    }
  };
  const { walkSchema } = await import('../../generator/model/schema-walk.js');
  const visit = (node: unknown, inComponentsSchemas: boolean): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'schema' || inComponentsSchemas) walkSchema(child, '', convert);
      else visit(child, node === document.components && key === 'schemas');
    }
  };
  visit(document, false);
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, JSON.stringify(document));
  return outFile;
}
