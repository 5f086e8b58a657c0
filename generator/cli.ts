import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkGenerated } from './check-generated.js';
import { ConfigError, GenerationErrors, SpecError } from './errors.js';
import { writeOutputs } from './format/write-output.js';
import { allResources } from './emit/resources/emit-client.js';
import { inferredPaginationSummary } from './model/pagination-summary.js';
import { kebabCase } from './model/identifiers.js';
import { generatePackage, type PipelineOptions } from './pipeline.js';
import { loadProviders, resolveProviderConfig, type ProviderConfig } from './providers.js';
import { suggestPagination } from './suggest.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `sdkgen: typed TypeScript clients from OpenAPI 3.0/3.1 documents

Usage:
  sdkgen generate [provider...]                 regenerate generated/<provider> from specs/<provider>
  sdkgen generate --spec <file|url> --out <dir> --name <ClientName>
                                                generate one package from any document
  sdkgen check --generated [provider...]        exit 1 if generated/ differs from what the specs produce
  sdkgen check --upstream [provider]            compare vendored specs with their upstream sources
        [--json] [--fail-on breaking] [--source <url|file>] [--update] [--timeout <ms>] [--retries <n>]
                                                (exit 0 no drift, 1 drift, 2 error; see docs/drift.md)
  sdkgen suggest <spec>                         print pagination declarations inferred from a document

Options:
  --strict        treat warnings as errors
  --verbose       print each stage's timing
  --max-size <MB> refuse documents larger than this (default 40)
  -h, --help      show this help
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return await generateCommand(rest);
      case 'check':
        return await checkCommand(rest);
      case 'suggest':
        return await suggestCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP);
        return 0;
      default:
        process.stderr.write(`sdkgen: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof GenerationErrors || error instanceof SpecError || error instanceof ConfigError) {
    const list = error instanceof GenerationErrors ? error.errors : [error];
    process.stderr.write(`sdkgen: ${list.length} problem${list.length === 1 ? '' : 's'}; nothing was written\n`);
    for (const item of list) process.stderr.write(`  error: ${item.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sdkgen: ${message}\n`);
  if (process.env.SDKGEN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}

const COMMON = {
  strict: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'max-size': { type: 'string' },
  'specs-dir': { type: 'string' },
  'out-dir': { type: 'string' },
} as const;

function pipelineOptions(values: { strict?: boolean; verbose?: boolean; 'max-size'?: string }): PipelineOptions {
  const maxSize = values['max-size'] ? Number(values['max-size']) : undefined;
  if (maxSize !== undefined && !(maxSize > 0)) throw new ConfigError('--max-size', 'must be a positive number of megabytes');
  return {
    rootDir: ROOT,
    templatesDir: path.join(ROOT, 'templates'),
    strict: values.strict ?? false,
    ...(maxSize ? { maxBytes: maxSize * 1024 * 1024 } : {}),
    ...(values.verbose ? { onTiming: (stage: string, ms: number) => process.stderr.write(`  ${stage.padEnd(10)} ${ms.toFixed(1)} ms\n`) } : {}),
  };
}

async function generateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON, spec: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, 'package-name': { type: 'string' } },
  });
  const options = pipelineOptions(values);
  let providers: ProviderConfig[];
  let outDirOf: (provider: ProviderConfig) => string;
  if (values.spec) {
    if (!values.out || !values.name) throw new ConfigError('sdkgen generate', '--spec needs --out <dir> and --name <ClientName>');
    const specFile = await localSpec(values.spec);
    const clientName = values.name;
    providers = [
      resolveProviderConfig(
        { clientName, packageName: values['package-name'] ?? kebabCase(clientName), sources: [{ file: path.basename(specFile) }] },
        path.dirname(specFile),
        '--spec',
      ),
    ];
    const out = path.resolve(values.out);
    outDirOf = () => out;
  } else {
    providers = await loadProviders(path.resolve(values['specs-dir'] ?? path.join(ROOT, 'specs')), positionals);
    const outRoot = path.resolve(values['out-dir'] ?? path.join(ROOT, 'generated'));
    outDirOf = (provider) => path.join(outRoot, provider.id);
  }
  const started = performance.now();
  // Everything is generated in memory first: one failing provider writes nothing at all.
  const packages = [];
  for (const provider of providers) {
    if (values.verbose) process.stderr.write(`${provider.id}:\n`);
    packages.push(await generatePackage(provider, options));
  }
  await writeOutputs(new Map(packages.map((pkg) => [outDirOf(pkg.provider), pkg.files])));
  for (const pkg of packages) {
    for (const warning of pkg.warnings) process.stderr.write(`  warning: ${warning.file} at ${warning.pointer}: ${warning.message}\n`);
    const resources = allResources(pkg.model.resources);
    const operations = resources.reduce((n, r) => n + r.operations.length, 0);
    process.stdout.write(
      `${pkg.provider.id}: ${pkg.files.size} files, ${resources.length} resources, ${operations} operations, ${pkg.model.types.length} types -> ${path.relative(process.cwd(), outDirOf(pkg.provider)) || '.'}\n`,
    );
    for (const line of inferredPaginationSummary(pkg.model.inferredPagination)) process.stdout.write(`  ${line}\n`);
  }
  if (values.verbose) process.stderr.write(`total ${(performance.now() - started).toFixed(0)} ms\n`);
  return 0;
}

/** A URL is downloaded to a temporary folder (its relative $refs are not followed); a path is used as is. */
async function localSpec(spec: string): Promise<string> {
  if (!/^https?:\/\//i.test(spec)) return path.resolve(spec);
  const response = await fetch(spec, { signal: AbortSignal.timeout(30_000) }).catch((error: Error) => {
    throw new ConfigError(spec, `cannot fetch: ${error.message}`);
  });
  if (!response.ok) throw new ConfigError(spec, `cannot fetch: HTTP ${response.status}`);
  const text = await response.text();
  const name = path.basename(new URL(spec).pathname) || 'openapi.json';
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'sdkgen-')), /\.(ya?ml|json)$/i.test(name) ? name : `${name}.json`);
  await writeFile(file, text);
  return file;
}

async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: { ...COMMON, generated: { type: 'boolean' }, upstream: { type: 'boolean' } },
  });
  if (values.upstream) {
    const { checkUpstreamCommand } = await import('./drift/command.js');
    return checkUpstreamCommand(args.filter((a) => a !== '--upstream'), { rootDir: ROOT });
  }
  const providers = await loadProviders(path.resolve((values['specs-dir'] as string | undefined) ?? path.join(ROOT, 'specs')), positionals);
  const outRoot = path.resolve((values['out-dir'] as string | undefined) ?? path.join(ROOT, 'generated'));
  const report = await checkGenerated(providers, outRoot, pipelineOptions({}));
  process.stdout.write(report.text);
  return report.clean ? 0 : 1;
}

async function suggestCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [spec] = positionals;
  if (!spec) throw new ConfigError('sdkgen suggest', 'give the path of an OpenAPI document');
  process.stdout.write(JSON.stringify(await suggestPagination(path.resolve(spec)), null, 2) + '\n');
  return 0;
}
