import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleSpec } from '../../generator/load/bundle.js';
import { mergeDocuments } from '../../generator/load/merge.js';
import { applyPatches } from '../../generator/load/patch.js';
import { loadProvider } from '../../generator/providers.js';
import { tempDir } from './temp-dir.js';

/**
 * Writes a provider's vendored documents, bundled, merged and patched by the pipeline's own stages, to one temporary
 * JSON file: the document the generated client was made from, for Prism to serve and validate against.
 */
export async function writeMergedSpec(providerId: string): Promise<string> {
  const provider = await loadProvider(path.resolve('specs', providerId));
  const loaded = await Promise.all(provider.sources.map((s) => bundleSpec(path.join(provider.dir, s.file))));
  const merged = mergeDocuments(loaded.map((l) => l.bundled));
  const document = applyPatches(merged.document, provider.patches, provider.configFile);
  const file = path.join(await tempDir(`sdkgen-${providerId}-`), 'openapi.json');
  await writeFile(file, JSON.stringify(document, null, 2));
  return file;
}
