import path from 'node:path';
import { parseCommand, UsageError, usageMessage } from './cli/args.js';
import { COMMON_FLAGS, generateCommand, pipelineOptions } from './cli/generate.js';
import { EXIT, EXIT_CODES as HELP_EXIT_CODES, HELP } from './cli/help.js';
import { initCommand } from './cli/init.js';
import { colorsFor } from './cli/terminal.js';
import { ConfigError, GenerationErrors, SpecError } from './errors.js';
import { SDKGEN_VERSION } from './package-root.js';

/**
 * The command line. This module and what it imports statically stay light: every command imports the stages it
 * runs when it runs them, so `--help`, `--version` and a usage error never load TypeScript, ts-morph, prettier or
 * Redocly.
 */
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
      case 'init':
        return await initCommand(rest);
      case '-v':
      case '--version':
        process.stdout.write(`${SDKGEN_VERSION}\n`);
        return EXIT.done;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP.main);
        return EXIT.done;
      default:
        throw new UsageError(`unknown command "${command}"`, 'main');
    }
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  const colors = colorsFor(process.stderr);
  if (error instanceof UsageError) {
    const help = HELP[error.command as keyof typeof HELP] ?? HELP.main;
    const name = error.command === 'main' ? 'sdkgen' : `sdkgen ${error.command}`;
    process.stderr.write(`${colors.red(`${name}: ${error.message}`)}\n\n${help}`);
    return EXIT.usage;
  }
  if (error instanceof Error && error.name === 'UnsafeOutputError') {
    process.stderr.write(`${colors.red(`sdkgen: ${error.message}`)}\n`);
    return EXIT.usage;
  }
  if (error instanceof GenerationErrors || error instanceof SpecError || error instanceof ConfigError) {
    const list = error instanceof GenerationErrors ? error.errors : [error];
    process.stderr.write(
      `${colors.red(`sdkgen: ${list.length} problem${list.length === 1 ? '' : 's'}; nothing was written`)}\n`,
    );
    for (const item of list) process.stderr.write(`  ${colors.red('error:')} ${item.message}\n`);
    return EXIT.problems;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${colors.red(`sdkgen: ${message}`)}\n`);
  if (process.env.SDKGEN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.problems;
}

async function checkCommand(args: string[]): Promise<number> {
  if (args.includes('--upstream')) {
    const upstreamArgs = args.filter((a) => a !== '--upstream');
    // Help and bad flags are answered from the flag definitions alone, before the drift check loads the stages.
    const { parseOptions, UPSTREAM_FLAGS, USAGE } = await import('./drift/options.js');
    if (upstreamArgs.includes('--help') || upstreamArgs.includes('-h')) {
      process.stdout.write(`${USAGE}\n${HELP_EXIT_CODES}`);
      return EXIT.done;
    }
    try {
      parseOptions(upstreamArgs, process.cwd());
    } catch (error) {
      const message = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? usageMessage(error as Error, UPSTREAM_FLAGS)
        : (error as Error).message;
      throw new UsageError(`--upstream: ${message}`, 'check');
    }
    const { checkUpstreamCommand } = await import('./drift/command.js');
    return checkUpstreamCommand(upstreamArgs, {
      rootDir: process.cwd(),
      templatesDir: pipelineOptions({}, 'check').templatesDir,
    });
  }
  const { values, positionals } = parseCommand('check', args, {
    ...COMMON_FLAGS,
    generated: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP.check);
    return EXIT.done;
  }
  const options = pipelineOptions(values, 'check');
  const [{ loadProviders }, { checkGenerated }] = await Promise.all([
    import('./providers.js'),
    import('./check-generated.js'),
  ]);
  const providers = await loadProviders(path.resolve(values['specs-dir'] ?? 'specs'), positionals);
  const report = await checkGenerated(providers, path.resolve(values['out-dir'] ?? 'generated'), options);
  process.stdout.write(report.text);
  return report.clean ? EXIT.done : EXIT.problems;
}

async function suggestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('suggest', args, {});
  if (values.help) {
    process.stdout.write(HELP.suggest);
    return EXIT.done;
  }
  const [spec, ...extra] = positionals;
  if (!spec) throw new UsageError('give the path of an OpenAPI document', 'suggest');
  if (extra.length)
    throw new UsageError(`suggest reads one document, got also ${extra.join(' ')}`, 'suggest');
  const { suggestPagination } = await import('./suggest.js');
  process.stdout.write(JSON.stringify(await suggestPagination(path.resolve(spec)), null, 2) + '\n');
  return EXIT.done;
}
