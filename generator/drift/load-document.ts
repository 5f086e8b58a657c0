import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenerationErrors } from '../errors.js';
import { bundleSpec, type BundleOptions } from '../load/bundle.js';
import { mergeDocuments } from '../load/merge.js';
import { applyPatches } from '../load/patch.js';
import type { BundledDocument } from '../load/types.js';
import { buildModel } from '../model/build-model.js';
import { verifyPagination } from '../model/pagination.js';
import { listOperations, type RawOperation } from '../model/raw-operations.js';
import type { ApiModel, VerifiedPagination } from '../model/types.js';
import type { ProviderConfig } from '../providers.js';
import { UpstreamError } from './upstream-error.js';

/** One side of the comparison: the provider's documents merged and patched as the pipeline does, and their model. */
export interface ProviderDocument {
  bundled: BundledDocument;
  /** Included operations present in the document, by operationId. */
  operations: Map<string, RawOperation>;
  /** Operations of the document the provider does not include. */
  notIncluded: string[];
  /** Pagination as verified against this document, and why a declaration no longer verifies. */
  pagination: Map<string, VerifiedPagination>;
  paginationProblems: Map<string, string>;
  /** Built from the included operations present and the declarations that verify, so a partial API still has one. */
  model: ApiModel;
}

/** One document to load: its text and the name the user knows it by (URL or file). */
export interface SourceText {
  file: string;
  text: string;
  source: string;
}

/** The vendored side: the files in specs/<provider>/, exactly as `generate` reads them. */
export async function loadVendored(
  provider: ProviderConfig,
  options: BundleOptions,
): Promise<ProviderDocument> {
  const loaded = await Promise.all(
    provider.sources.map((s) => bundleSpec(path.resolve(provider.dir, s.file), options)),
  );
  return analyze(provider, mergeDocuments(loaded.map((l) => l.bundled)));
}

/**
 * The upstream side, from fetched texts. They are written to a private temporary folder (bundling reads files)
 * and every problem is reported against the source the text came from.
 */
export async function loadUpstream(
  provider: ProviderConfig,
  texts: readonly SourceText[],
  options: BundleOptions,
): Promise<ProviderDocument> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-upstream-'));
  const files = texts.map((t) => ({ ...t, path: path.join(dir, path.basename(t.file)) }));
  const label = texts.map((t) => t.source).join(', ');
  try {
    for (const file of files) await writeFile(file.path, file.text);
    const loaded = await Promise.all(files.map((f) => bundleSpec(f.path, options)));
    return analyze(provider, mergeDocuments(loaded.map((l) => l.bundled)));
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    const messages =
      error instanceof GenerationErrors ? error.errors.map((e) => e.message) : [(error as Error).message];
    const located = messages.map((m) => files.reduce((text, f) => text.replaceAll(f.path, f.source), m));
    throw new UpstreamError(
      label,
      `invalid upstream document: ${located.join('; ')}`,
      'the upstream document cannot be generated from; fix it upstream or add a patch in sdkgen.json',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function analyze(provider: ProviderConfig, merged: BundledDocument): ProviderDocument {
  const bundled = {
    ...merged,
    document: applyPatches(merged.document, provider.patches, provider.configFile),
  };
  const all = listOperations(bundled.document, bundled.file);
  const included =
    provider.include === 'all' ? all : all.filter((op) => provider.include.includes(op.operationId));
  const operations = new Map(included.map((op) => [op.operationId, op]));
  const pagination = new Map<string, VerifiedPagination>();
  const paginationProblems = new Map<string, string>();
  for (const declaration of provider.pagination) {
    const raw = operations.get(declaration.operation);
    if (!raw) continue;
    try {
      pagination.set(
        raw.operationId,
        verifyPagination(bundled.document, raw, structuredClone(declaration), provider.configFile),
      );
    } catch (error) {
      paginationProblems.set(
        raw.operationId,
        (error as Error).message.split('\n')[0]!.replace(/^.*?: pagination of [^:]+: /, ''),
      );
    }
  }
  const model = buildModel(bundled, {
    ...provider,
    include: provider.include === 'all' ? 'all' : [...operations.keys()],
    pagination: provider.pagination.filter((d) => pagination.has(d.operation)),
  });
  return {
    bundled,
    operations,
    notIncluded: all
      .filter((op) => !operations.has(op.operationId))
      .map((op) => op.operationId)
      .sort(),
    pagination,
    paginationProblems,
    model,
  };
}
