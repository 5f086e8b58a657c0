import path from 'node:path';
import { allResources } from '../model/all-resources.js';
import { inferredPaginationSummary } from '../model/pagination-summary.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { GeneratedPackage, PipelineOptions } from '../pipeline.js';
import type { ProviderConfig } from '../providers.js';
import { parseCommand, UsageError } from './args.js';
import { EXIT, HELP } from './help.js';
import { openSpec, type SpecSource } from './spec-source.js';
import { colorsFor, formatWarnings, Progress } from './terminal.js';

export const COMMON_FLAGS = {
  strict: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'max-size': { type: 'string' },
  'specs-dir': { type: 'string' },
  'out-dir': { type: 'string' },
} as const;

/** Pipeline options from the flags every generating command shares. */
export function pipelineOptions(
  values: { strict?: boolean; verbose?: boolean; 'max-size'?: string },
  command: string,
): PipelineOptions {
  const maxSize = values['max-size'] === undefined ? undefined : Number(values['max-size']);
  if (maxSize !== undefined && !(maxSize > 0))
    throw new UsageError(
      `--max-size must be a positive number of megabytes, got "${values['max-size']}"`,
      command,
    );
  return {
    rootDir: process.cwd(),
    templatesDir: path.join(PACKAGE_ROOT, 'templates'),
    strict: values.strict ?? false,
    ...(maxSize ? { maxBytes: maxSize * 1024 * 1024 } : {}),
  };
}

/** `sdkgen generate`: every provider of a specs folder, or one document given with --spec. */
export async function generateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('generate', args, {
    ...COMMON_FLAGS,
    spec: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    'package-name': { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP.generate);
    return EXIT.done;
  }
  if (values.spec !== undefined && positionals.length)
    throw new UsageError(`--spec generates one document; drop ${positionals.join(' ')}`, 'generate');
  if (values.spec !== undefined && (!values.out || !values.name))
    throw new UsageError('--spec needs --out <dir> and --name <ClientName>', 'generate');
  if (values.spec === undefined && (values.out || values.name || values['package-name']))
    throw new UsageError('--out, --name and --package-name go with --spec', 'generate');
  const options = pipelineOptions(values, 'generate');
  const stderr = colorsFor(process.stderr);
  const progress = new Progress(process.stderr, stderr);
  const { loadProviders, resolveProviderConfig } = await import('../providers.js');

  let source: SpecSource | undefined;
  const cleanUp = () => source?.dispose();
  // An interrupted run still removes its downloaded copy; the staged output is removed by the write itself.
  const onSignal = (signal: NodeJS.Signals) =>
    void Promise.resolve(cleanUp()).finally(() => process.kill(process.pid, signal));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    let providers: ProviderConfig[];
    let outDirOf: (provider: ProviderConfig) => string;
    if (values.spec !== undefined) {
      source = await openSpec(values.spec, 'generate');
      const clientName = values.name!;
      const { kebabCase } = await import('../model/identifiers.js');
      const spec = {
        file: path.basename(source.file),
        ...(source.file !== path.resolve(values.spec) ? { upstream: values.spec } : {}),
      };
      providers = [
        resolveProviderConfig(
          { clientName, packageName: values['package-name'] ?? kebabCase(clientName), sources: [spec] },
          path.dirname(source.file),
          '--spec',
        ),
      ];
      const out = path.resolve(values.out!);
      outDirOf = () => out;
    } else {
      providers = await loadProviders(path.resolve(values['specs-dir'] ?? 'specs'), positionals);
      const outRoot = path.resolve(values['out-dir'] ?? 'generated');
      outDirOf = (provider) => path.join(outRoot, provider.id);
    }
    const { generatePackage } = await import('../pipeline.js');
    const started = performance.now();
    // Everything is generated in memory first: one failing provider writes nothing at all.
    const packages: GeneratedPackage[] = [];
    for (const [index, provider] of providers.entries()) {
      const label = `${providers.length > 1 ? `[${index + 1}/${providers.length}] ` : ''}${provider.clientName}`;
      if (values.verbose) process.stderr.write(`${provider.clientName}:\n`);
      packages.push(
        await generatePackage(provider, {
          ...options,
          onStage: (stage) => progress.stage(`${label}: ${stage}`),
          ...(values.verbose
            ? {
                onTiming: (stage: string, ms: number) =>
                  process.stderr.write(`  ${stage.padEnd(10)} ${ms.toFixed(1)} ms\n`),
              }
            : {}),
        }),
      );
    }
    progress.stage('writing');
    const { writeOutputs } = await import('../format/write-output.js');
    await writeOutputs(new Map(packages.map((pkg) => [outDirOf(pkg.provider), pkg.files])), {
      force: values.force ?? false,
    });
    progress.done();
    const stdout = colorsFor(process.stdout);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const pkg of packages) {
      const warnings = pkg.warnings.map((w) => ({ ...w, file: source ? source.cite(w.file) : w.file }));
      for (const line of formatWarnings(pkg.provider.clientName, warnings, stderr, values.verbose ?? false))
        process.stderr.write(`${line}\n`);
      const resources = allResources(pkg.model.resources);
      const operations = resources.reduce((n, r) => n + r.operations.length, 0);
      const where = path.relative(process.cwd(), outDirOf(pkg.provider)) || '.';
      const warned = warnings.length
        ? `, ${stdout.yellow(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}`)}`
        : '';
      process.stdout.write(
        `${stdout.green(pkg.provider.clientName)}: ${pkg.files.size} files, ${resources.length} resources, ${operations} operations, ${pkg.model.types.length} types${warned} -> ${where} (${seconds} s)\n`,
      );
      for (const line of inferredPaginationSummary(pkg.model.inferredPagination))
        process.stdout.write(`  ${line}\n`);
    }
    return EXIT.done;
  } catch (error) {
    progress.done();
    if (source && error instanceof Error) citeOrigin(error, source);
    throw error;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await cleanUp();
  }
}

/** Errors about a downloaded document name its URL, not the temporary copy (which is gone when they are shown). */
function citeOrigin(error: Error, source: SpecSource): void {
  error.message = source.cite(error.message);
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested))
    for (const inner of nested) if (inner instanceof Error) citeOrigin(inner, source);
}
