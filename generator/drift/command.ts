import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { displayPath } from '../load/bundle.js';
import { loadProviders, type ProviderConfig } from '../providers.js';
import { CLASS_ORDER, impliedBump, nextVersion } from './classify.js';
import { diffDocuments } from './diff-document.js';
import { loadUpstream, loadVendored, type SourceText } from './load-document.js';
import { resolveSources } from './resolve-sources.js';
import { parseOptions, USAGE, type Options } from './options.js';
import { fails, humanReport, jsonReport, type ProviderResult, type UpstreamReport } from './report.js';
import { applyUpdate, vendoredTexts } from './update.js';

export interface CommandContext {
  /** Where specs/ and generated/ are by default. */
  rootDir: string;
  templatesDir: string;
}

/** `sdkgen check --upstream`: compare each provider's vendored documents with what upstream publishes now. */
export async function checkUpstreamCommand(args: string[], context: CommandContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  let options: Options;
  let providers: ProviderConfig[];
  try {
    const parsed = parseOptions(args, context.rootDir);
    options = parsed.options;
    providers = await loadProviders(options.specsDir, parsed.providers);
    if (options.sources.length && providers.length !== 1)
      throw new ConfigError('--source', 'name exactly one provider to check against another document');
  } catch (error) {
    process.stderr.write(`sdkgen check --upstream: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const results: ProviderResult[] = [];
  const pending: { result: ProviderResult; provider: ProviderConfig; texts: Map<string, string> }[] = [];
  for (const provider of providers) {
    if (options.verbose) process.stderr.write(`${provider.id}: fetching\n`);
    const outcome = await checkProvider(provider, options);
    results.push(outcome.result);
    if (outcome.texts && (outcome.result.status === 'drift' || outcome.result.textChanged))
      pending.push({ result: outcome.result, provider, texts: outcome.texts });
  }

  const errored = results.some((r) => r.status === 'error');
  if (options.update && !errored) {
    for (const { result, provider, texts } of pending) {
      try {
        await applyUpdate({
          provider,
          texts,
          version: result.nextVersion,
          outDir: path.join(options.outRoot, provider.id),
          pipeline: pipelineOptions(context, options),
        });
        result.status = 'updated';
      } catch (error) {
        result.status = 'error';
        result.error = `update failed, nothing was changed: ${(error as Error).message}`;
      }
    }
  }

  const exitCode = results.some((r) => r.status === 'error')
    ? 2
    : results.some((r) => fails(r, options.failOn))
      ? 1
      : 0;
  const report: UpstreamReport = { schemaVersion: 1, exitCode, failOn: options.failOn, providers: results };
  const accept = (id: string) =>
    ['sdkgen check --upstream', id, ...options.sources.flatMap((s) => ['--source', s]), '--update'].join(' ');
  process.stdout.write(options.json ? jsonReport(report) : humanReport(report, accept));
  return exitCode;
}

function pipelineOptions(context: CommandContext, options: Options) {
  return {
    rootDir: context.rootDir,
    templatesDir: context.templatesDir,
    strict: options.strict,
    maxBytes: options.maxBytes,
  };
}

async function checkProvider(
  provider: ProviderConfig,
  options: Options,
): Promise<{ result: ProviderResult; texts?: Map<string, string> }> {
  const result: ProviderResult = {
    provider: provider.id,
    status: 'clean',
    sources: [],
    version: provider.version,
    bump: 'none',
    nextVersion: provider.version,
    summary: { breaking: 0, 'non-breaking': 0, 'docs-only': 0 },
    changes: [],
    surface: null,
    notIncluded: [],
    textChanged: false,
    error: null,
  };
  try {
    if (!options.sources.length && provider.sources.every((s) => !s.upstream))
      return { result: { ...result, status: 'no-upstream' } };
    const resolved = await resolveSources(provider, options.sources, options.fetch);
    const before = await loadVendored(provider, { maxBytes: options.maxBytes });
    const texts: SourceText[] = resolved.map((r) => ({
      // Bundling reads a file by its extension: YAML published for a vendored .json file is loaded as YAML.
      file: r.extracted.format === 'yaml' ? r.files[0]!.replace(/\.json$/i, '.yaml') : r.files[0]!,
      text: r.extracted.text,
      source: r.ref ?? displayPath(path.resolve(provider.dir, r.files[0]!)),
    }));
    const after = await loadUpstream(provider, texts, { maxBytes: options.maxBytes });
    const diff = await diffDocuments(provider, before, after);
    const updates = vendoredTexts(provider, resolved, before);
    for (const r of resolved.filter((r) => r.ref !== null))
      result.sources.push({ file: r.files.join(', '), upstream: r.ref!, embedded: r.extracted.embedded });
    for (const [file, text] of updates) {
      if (text !== (await readFile(path.resolve(provider.dir, file), 'utf8').catch(() => undefined)))
        result.textChanged = true;
    }
    result.changes = diff.changes;
    result.surface = diff.surface;
    result.notIncluded = after.notIncluded;
    for (const cls of CLASS_ORDER) result.summary[cls] = diff.changes.filter((c) => c.class === cls).length;
    result.bump = impliedBump(diff.changes.map((c) => c.class));
    result.nextVersion = nextVersion(provider.version, result.bump);
    result.status = diff.changes.length ? 'drift' : 'clean';
    return { result, texts: updates };
  } catch (error) {
    return { result: { ...result, status: 'error', error: (error as Error).message } };
  }
}
