import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';

/** A command line that cannot run as given: exit 2, with the command's help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses one command's arguments strictly: an unknown flag, a missing value or a stray argument is a UsageError
 * naming it, never Node's raw parseArgs message. `--help` is accepted by every command.
 */
export function parseCommand<O extends Options>(
  command: string,
  args: string[],
  options: O,
  positionals = true,
) {
  try {
    return parseArgs({
      args,
      allowPositionals: positionals,
      strict: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & { code?: string }, Object.keys(options)), command);
  }
}

/** Node's parseArgs error as a user reads it; an unknown flag names the nearest of `known`. */
export function usageMessage(error: Error & { code?: string }, known: readonly string[]): string {
  // Node's messages carry advice for the script author ("To specify a positional argument starting with..."); the
  // first sentence is what the user needs.
  const first = error.message.split(/\.\s/)[0]!.replace(/\.$/, '');
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return first.charAt(0).toLowerCase() + first.slice(1);
  const flag = /'-+([^']+)'/.exec(first)?.[1] ?? '';
  const nearest = known.length ? closest(flag, known) : undefined;
  const hint =
    nearest && distance(flag, nearest) <= Math.max(2, Math.floor(flag.length / 3))
      ? `; did you mean --${nearest}?`
      : '';
  return `${first.replace(/^Unknown option/, 'unknown flag')}${hint}`;
}
