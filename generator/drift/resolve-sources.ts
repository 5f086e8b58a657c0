import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigError } from '../errors.js';
import { listOperations } from '../model/raw-operations.js';
import type { ProviderConfig } from '../providers.js';
import { extractDocument, type ExtractedDocument } from './extract-document.js';
import { readSource, type FetchOptions } from './fetch-source.js';

/** Where one upstream document came from and which vendored files it stands for. */
export interface ResolvedSource {
  /** Vendored files (relative to the provider folder) this document replaces: usually one. */
  files: string[];
  /** The URL or file it was read from; null when a vendored file is compared with itself (no upstream). */
  ref: string | null;
  extracted: ExtractedDocument;
}

/**
 * Decides what each vendored document is compared with, and reads it. Without --source: each source's upstream
 * URL. With --source: `<vendored-file>=<url|file>` names its document; an unnamed one stands for the vendored
 * document(s) whose operations it defines, so one full API document, or any single docs page, is enough.
 * Vendored documents nothing stands for keep their own text.
 */
export async function resolveSources(
  provider: ProviderConfig,
  overrides: readonly string[],
  fetch: FetchOptions,
): Promise<ResolvedSource[]> {
  const files = provider.sources.map((s) => s.file);
  const vendored = async (file: string): Promise<ResolvedSource> => {
    const text = await readFile(path.resolve(provider.dir, file), 'utf8');
    return {
      files: [file],
      ref: null,
      extracted: {
        text,
        document: parse(text),
        format: /\.json$/i.test(file) ? 'json' : 'yaml',
        embedded: false,
      },
    };
  };
  const read = async (ref: string) => extractDocument((await readSource(ref, fetch)).text, ref);

  if (!overrides.length) {
    return Promise.all(
      provider.sources.map(async (s) =>
        s.upstream
          ? { files: [s.file], ref: s.upstream, extracted: await read(s.upstream) }
          : vendored(s.file),
      ),
    );
  }
  const chosen = new Map<string, ResolvedSource>();
  const claim = (resolved: ResolvedSource) => {
    for (const file of resolved.files) {
      if (chosen.has(file))
        throw new ConfigError(
          '--source',
          `two documents stand for ${file}: name each with <vendored-file>=<url|file>`,
        );
      chosen.set(file, resolved);
    }
  };
  const unnamed: string[] = [];
  for (const override of overrides) {
    const eq = override.indexOf('=');
    const file = eq > 0 ? override.slice(0, eq) : '';
    if (files.includes(file))
      claim({ files: [file], ref: override.slice(eq + 1), extracted: await read(override.slice(eq + 1)) });
    else unnamed.push(override);
  }
  if (unnamed.length) {
    const vendoredOps = new Map<string, Set<string>>();
    for (const file of files) vendoredOps.set(file, operationIds((await vendored(file)).extracted.document));
    for (const ref of unnamed) {
      const extracted = await read(ref);
      const ids = operationIds(extracted.document);
      const covered = files.filter((file) => [...vendoredOps.get(file)!].some((id) => ids.has(id)));
      if (!covered.length && files.length > 1) {
        throw new ConfigError(
          '--source',
          `${ref} defines none of the operations of ${files.join(', ')}: name the document it replaces with <vendored-file>=${ref}`,
        );
      }
      claim({ files: covered.length ? covered : files, ref, extracted });
    }
  }
  const result: ResolvedSource[] = [];
  for (const file of files) {
    const resolved = chosen.get(file) ?? (await vendored(file));
    if (!result.includes(resolved)) result.push(resolved);
  }
  return result;
}

function operationIds(document: unknown): Set<string> {
  return new Set(listOperations((document ?? {}) as Record<string, unknown>, '').map((op) => op.operationId));
}
