import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../load/bundle.js';
import { loadProviders, type ProviderConfig } from '../providers.js';
import { CLASS_ORDER, impliedBump, nextVersion } from './classify.js';
import { diffDocuments } from './diff-document.js';
import { extractDocument } from './extract-document.js';
import { DEFAULT_FETCH_OPTIONS, readSource, type FetchOptions } from './fetch-source.js';
import { loadUpstream, loadVendored, type SourceText } from './load-document.js';
import { fails, humanReport, jsonReport, type FailOn, type ProviderResult, type UpstreamReport } from './report.js';
import { applyUpdate } from './update.js';

export interface CommandContext {
  rootDir: string;
}

const USAGE = `Usage: sdkgen check --upstream [provider...] [options]
  --json                      machine-readable report on stdout
  --fail-on any|non-breaking|breaking
                              which drift exits 1 (default any)
  --source <url|file>         check against this document for one run (repeat once per vendored document, or
                              name one: --source <vendored-file>=<url|file>); unnamed documents keep their vendored text
  --update                    vendor the upstream text, regenerate, bump the version in sdkgen.json
  --timeout <ms>              per fetch attempt (default ${DEFAULT_FETCH_OPTIONS.timeoutMs})
  --retries <n>               further attempts on network errors, timeouts, 429 and 5xx (default ${DEFAULT_FETCH_OPTIONS.retries})
  --specs-dir <dir>  --out-dir <dir>
Exit: 0 no drift (or updated), 1 drift, 2 error (unreachable or invalid upstream, bad arguments).
`;

interface Options {
  json: boolean;
  failOn: FailOn;
  sources: string[];
  update: boolean;
  fetch: FetchOptions;
  specsDir: string;
  outRoot: string;
  strict: boolean;
  maxBytes: number;
  verbose: boolean;
}

/** `sdkgen check --upstream`: compare each provider's vendored documents with what upstream publishes now. */
export async function checkUpstreamCommand(args: string[], context: CommandContext): Promise<number> {
  let options: Options;
  let providers: ProviderConfig[];
  try {
    const parsed = parseOptions(args, context.rootDir);
    options = parsed.options;
    providers = await loadProviders(options.specsDir, parsed.providers);
    if (options.sources.length && providers.length !== 1) throw new ConfigError('--source', 'name exactly one provider to check against another document');
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
    if (outcome.texts && (outcome.result.status === 'drift' || outcome.result.textChanged)) pending.push({ result: outcome.result, provider, texts: outcome.texts });
  }

  const errored = results.some((r) => r.status === 'error');
  if (options.update && !errored) {
    for (const { result, provider, texts } of pending) {
      try {
        await applyUpdate({ provider, texts, version: result.nextVersion, outDir: path.join(options.outRoot, provider.id), pipeline: pipelineOptions(context.rootDir, options) });
        result.status = 'updated';
      } catch (error) {
        result.status = 'error';
        result.error = `update failed, nothing was changed: ${(error as Error).message}`;
      }
    }
  }

  const exitCode = results.some((r) => r.status === 'error') ? 2 : results.some((r) => fails(r, options.failOn)) ? 1 : 0;
  const report: UpstreamReport = { schemaVersion: 1, exitCode, failOn: options.failOn, providers: results };
  const accept = (id: string) => ['sdkgen check --upstream', id, ...options.sources.flatMap((s) => ['--source', s]), '--update'].join(' ');
  process.stdout.write(options.json ? jsonReport(report) : humanReport(report, accept));
  return exitCode;
}

function parseOptions(args: string[], rootDir: string): { options: Options; providers: string[] } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      'fail-on': { type: 'string' },
      source: { type: 'string', multiple: true },
      update: { type: 'boolean' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      'specs-dir': { type: 'string' },
      'out-dir': { type: 'string' },
      strict: { type: 'boolean' },
      verbose: { type: 'boolean' },
      'max-size': { type: 'string' },
    },
  });
  const failOn = values['fail-on'] ?? 'any';
  if (!['any', 'non-breaking', 'breaking'].includes(failOn)) throw new ConfigError('--fail-on', `must be any, non-breaking or breaking, got "${failOn}"`);
  const number = (flag: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new ConfigError(`--${flag}`, `must be an integer of at least ${min}, got "${value}"`);
    return n;
  };
  return {
    providers: positionals,
    options: {
      json: values.json ?? false,
      failOn: failOn as FailOn,
      sources: values.source ?? [],
      update: values.update ?? false,
      fetch: {
        timeoutMs: number('timeout', values.timeout, DEFAULT_FETCH_OPTIONS.timeoutMs, 1),
        retries: number('retries', values.retries, DEFAULT_FETCH_OPTIONS.retries, 0),
        retryDelayMs: DEFAULT_FETCH_OPTIONS.retryDelayMs,
      },
      specsDir: path.resolve(values['specs-dir'] ?? path.join(rootDir, 'specs')),
      outRoot: path.resolve(values['out-dir'] ?? path.join(rootDir, 'generated')),
      strict: values.strict ?? false,
      maxBytes: number('max-size', values['max-size'], DEFAULT_MAX_BYTES / 1024 / 1024, 1) * 1024 * 1024,
      verbose: values.verbose ?? false,
    },
  };
}

function pipelineOptions(rootDir: string, options: Options) {
  return { rootDir, templatesDir: path.join(rootDir, 'templates'), strict: options.strict, maxBytes: options.maxBytes };
}

/** Where each vendored document is checked against: its upstream URL, a --source, or (neither) its own text. */
interface SourcePlan {
  /** Vendored files the fetched document stands for: one, or all of them for a whole-API --source. */
  files: string[];
  ref: string | null;
}

function planSources(provider: ProviderConfig, overrides: readonly string[]): SourcePlan[] {
  const files = provider.sources.map((s) => s.file);
  if (!overrides.length) return provider.sources.map((s) => ({ files: [s.file], ref: s.upstream ?? null }));
  const named = new Map<string, string>();
  const plain: string[] = [];
  for (const override of overrides) {
    const eq = override.indexOf('=');
    const file = eq > 0 ? override.slice(0, eq) : '';
    if (files.includes(file)) named.set(file, override.slice(eq + 1));
    else plain.push(override);
  }
  if (plain.length && named.size) throw new ConfigError('--source', 'name every document (<vendored-file>=<url|file>) or none');
  if (plain.length === 1 && files.length > 1) return [{ files, ref: plain[0]! }];
  if (plain.length && plain.length !== files.length) {
    throw new ConfigError('--source', `${provider.id} vendors ${files.length} documents (${files.join(', ')}): give one --source for the whole API, one per document in that order, or name them as <file>=<url|file>`);
  }
  return files.map((file, i) => ({ files: [file], ref: plain[i] ?? named.get(file) ?? null }));
}

async function checkProvider(provider: ProviderConfig, options: Options): Promise<{ result: ProviderResult; texts?: Map<string, string> }> {
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
    const plans = planSources(provider, options.sources);
    if (plans.every((p) => p.ref === null)) return { result: { ...result, status: 'no-upstream' } };
    if (options.update && plans.some((p) => p.files.length > 1)) {
      throw new ConfigError('--update', `${provider.id} vendors ${plans[0]!.files.length} documents; to update, give one --source per document (or <file>=<url|file>)`);
    }
    const texts: SourceText[] = [];
    for (const plan of plans) {
      const vendoredFile = path.resolve(provider.dir, plan.files[0]!);
      if (plan.ref === null) {
        texts.push({ file: plan.files[0]!, text: await readFile(vendoredFile, 'utf8'), source: path.relative(process.cwd(), vendoredFile) });
        continue;
      }
      const fetched = await readSource(plan.ref, options.fetch);
      const extracted = extractDocument(fetched.text, plan.ref);
      texts.push({ file: plan.files[0]!, text: extracted.text, source: plan.ref });
      result.sources.push({ file: plan.files.join(', '), upstream: plan.ref, embedded: extracted.embedded });
      const vendored = plans.length === 1 && plan.files.length > 1 ? undefined : await readFile(vendoredFile, 'utf8').catch(() => undefined);
      if (extracted.text !== vendored) result.textChanged = true;
    }
    const before = await loadVendored(provider, { maxBytes: options.maxBytes });
    const after = await loadUpstream(provider, texts, { maxBytes: options.maxBytes });
    const diff = await diffDocuments(provider, before, after);
    result.changes = diff.changes;
    result.surface = diff.surface;
    result.notIncluded = after.notIncluded;
    for (const cls of CLASS_ORDER) result.summary[cls] = diff.changes.filter((c) => c.class === cls).length;
    result.bump = impliedBump(diff.changes.map((c) => c.class));
    result.nextVersion = nextVersion(provider.version, result.bump);
    result.status = diff.changes.length ? 'drift' : 'clean';
    const fetchedTexts = new Map(texts.filter((t, i) => plans[i]!.ref !== null).map((t) => [t.file, t.text]));
    return { result, texts: fetchedTexts };
  } catch (error) {
    return { result: { ...result, status: 'error', error: (error as Error).message } };
  }
}
