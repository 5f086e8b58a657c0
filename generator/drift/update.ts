import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { writeOutputs } from '../format/write-output.js';
import { generatePackage, type PipelineOptions } from '../pipeline.js';
import { listOperations } from '../model/raw-operations.js';
import { loadProvider, type ProviderConfig } from '../providers.js';
import type { ProviderDocument } from './load-document.js';
import type { ResolvedSource } from './resolve-sources.js';
import { splitDocument } from './split-document.js';

export interface UpdateInput {
  provider: ProviderConfig;
  /** Vendored file (relative to the provider folder) -> upstream text. */
  texts: ReadonlyMap<string, string>;
  /** The version to set in sdkgen.json (unchanged when the bump is none). */
  version: string;
  outDir: string;
  pipeline: PipelineOptions;
}

/**
 * Vendors the upstream texts, sets the version, regenerates the package and writes it. The package is generated
 * in memory before its output is swapped in; if generating fails, the vendored files and config are put back as
 * they were, so a failed update leaves no trace.
 */
export async function applyUpdate(input: UpdateInput): Promise<void> {
  const { provider } = input;
  const planned = new Map<string, string>();
  for (const [file, text] of input.texts) planned.set(path.resolve(provider.dir, file), text);
  const configText = await readFile(provider.configFile, 'utf8');
  if (input.version !== provider.version)
    planned.set(provider.configFile, withVersion(configText, input.version));

  const originals = new Map<string, string | undefined>();
  for (const file of planned.keys()) originals.set(file, await readFile(file, 'utf8').catch(() => undefined));
  try {
    for (const [file, text] of planned) await writeAtomically(file, text);
    const updated = await loadProvider(provider.dir);
    const pkg = await generatePackage(updated, input.pipeline);
    await writeOutputs(new Map([[input.outDir, pkg.files]]));
  } catch (error) {
    for (const [file, text] of originals) {
      if (text === undefined) await rm(file, { force: true });
      else await writeAtomically(file, text);
    }
    throw error;
  }
}

/**
 * Sets `"version"` in the config text by editing that one value, so the file keeps its layout; falls back to
 * rewriting the JSON when the edit cannot be made safely.
 */
export function withVersion(configText: string, version: string): string {
  const raw = JSON.parse(configText) as Record<string, unknown>;
  const wanted = { ...raw, version };
  if (typeof raw.version === 'string') {
    const edited = configText.replace(
      /("version"\s*:\s*)"[^"]*"/,
      (_match, key: string) => `${key}${JSON.stringify(version)}`,
    );
    if (isDeepStrictEqual(JSON.parse(edited), wanted)) return edited;
  } else {
    const edited = configText.replace(
      /^(\s*\{\s*)/,
      (opening: string) =>
        `${opening}"version": ${JSON.stringify(version)},${opening.includes('\n') ? opening.slice(opening.indexOf('{') + 1) : ' '}`,
    );
    if (isDeepStrictEqual(JSON.parse(edited), wanted)) return edited;
  }
  return `${JSON.stringify(wanted, null, 2)}\n`;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.sdkgen-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/**
 * The text `--update` vendors into each file: the upstream text itself, or for one document standing for several
 * vendored files, its split by the operations each file vendors.
 */
export function vendoredTexts(
  provider: ProviderConfig,
  resolved: readonly ResolvedSource[],
  before: ProviderDocument,
): Map<string, string> {
  const texts = new Map<string, string>();
  for (const source of resolved.filter((r) => r.ref !== null)) {
    if (source.files.length > 1) {
      const vendored = listOperations(before.bundled.document, '');
      const parts = source.files.map((file) => ({
        file,
        operations: new Set(
          vendored
            .filter((op) => path.resolve(op.source) === path.resolve(provider.dir, file))
            .map((op) => op.operationId),
        ),
      }));
      for (const [file, text] of splitDocument(source.extracted.document, parts)) texts.set(file, text);
      continue;
    }
    const file = source.files[0]!;
    // JSON is YAML, so a .yaml file takes either; a .json file needs JSON.
    const asJson = /\.json$/i.test(file) && source.extracted.format !== 'json';
    texts.set(
      file,
      asJson ? `${JSON.stringify(source.extracted.document, null, 2)}\n` : source.extracted.text,
    );
  }
  return texts;
}
