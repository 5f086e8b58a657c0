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

export type LogLine = (
  message: string,
  details: Record<string, unknown> | undefined,
  secrets: readonly string[],
) => void;

/**
 * One function per level that is on; a level that is off is absent, so callers write `log.info?.(...)` and,
 * when it is off, the message is never built (nor the URL and headers in it redacted).
 */
export type Log = Partial<Record<Exclude<LogLevel, 'off'>, LogLine>>;

/** From the most to the least verbose: a level logs itself and every level after it. */
const LEVELS = ['debug', 'info', 'warn', 'error', 'off'] as const;

function isLevel(value: unknown): value is LogLevel {
  return LEVELS.includes(value as LogLevel);
}

/** Option first, then `<ENVPREFIX>_LOG`, then 'warn' (quiet unless something goes wrong). */
export function resolveLogLevel(option: unknown, envPrefix: string): LogLevel {
  if (isLevel(option)) return option;
  const fromEnv = readEnv(`${envPrefix}_LOG`)?.toLowerCase();
  return isLevel(fromEnv) ? fromEnv : 'warn';
}

/**
 * Callers mask sensitive headers/params themselves; this is the last line of defence that scrubs the credential's
 * value from every message and detail, whatever its field.
 */
export function createLog(level: LogLevel, logger: Logger, prefix: string): Log {
  const log: Log = {};
  for (const name of LEVELS.slice(LEVELS.indexOf(level), -1) as Exclude<LogLevel, 'off'>[]) {
    log[name] = (message, details, secrets) => {
      const line = scrubText(`[${prefix}] ${message}`, secrets);
      if (details === undefined) logger[name](line);
      else logger[name](line, scrubDeep(details, secrets));
    };
  }
  return log;
}
