import { readEnv } from './env.js';
import { scrubDeep, scrubText } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Anything console-shaped; the default is the global console. */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

export type Log = ((
  level: Exclude<LogLevel, 'off'>,
  message: string,
  details: Record<string, unknown> | undefined,
  secrets: readonly string[],
) => void) & {
  /** Whether a line at this level would be written: lets callers skip building (and redacting) it. */
  enabled: (level: Exclude<LogLevel, 'off'>) => boolean;
};

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

function isLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(rank, value);
}

/** Option first, then `<ENVPREFIX>_LOG`, then 'warn' (quiet unless something goes wrong). */
export function resolveLogLevel(option: unknown, envPrefix: string): LogLevel {
  if (isLevel(option)) return option;
  const fromEnv = readEnv(`${envPrefix}_LOG`)?.toLowerCase();
  return isLevel(fromEnv) ? fromEnv : 'warn';
}

/**
 * A leveled log function. Callers mask sensitive headers/params themselves; this is the last line of defence
 * that scrubs the credential's value from every message and detail, whatever its field.
 */
export function createLog(level: LogLevel, logger: Logger, prefix: string): Log {
  const enabled = (messageLevel: Exclude<LogLevel, 'off'>) => rank[messageLevel] >= rank[level];
  const log = (
    messageLevel: Exclude<LogLevel, 'off'>,
    message: string,
    details: Record<string, unknown> | undefined,
    secrets: readonly string[],
  ) => {
    if (!enabled(messageLevel)) return;
    const line = scrubText(`[${prefix}] ${message}`, secrets);
    if (details === undefined) logger[messageLevel](line);
    else logger[messageLevel](line, scrubDeep(details, secrets));
  };
  return Object.assign(log, { enabled });
}
