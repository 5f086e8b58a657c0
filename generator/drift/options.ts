import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../load/limits.js';
import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from './fetch-source.js';
import type { FailOn } from './report.js';

/**
 * The flags of `sdkgen check --upstream`, kept apart from the command so that `--help` and a bad flag are answered
 * without loading the load stage (Redocly) or the generator.
 */
export const USAGE = `Usage: sdkgen check --upstream [provider...] [options]
  --json                      machine-readable report on stdout
  --fail-on any|non-breaking|breaking
                              which drift exits 1 (default any)
  --source <url|file>         check against this document for one run: it stands for the vendored document(s)
                              whose operations it defines (or name one: --source <vendored-file>=<url|file>);
                              vendored documents no --source stands for keep their own text
  --update                    vendor the upstream text, regenerate, bump the version in sdkgen.json
  --timeout <ms>              per fetch attempt (default ${DEFAULT_FETCH_OPTIONS.timeoutMs})
  --retries <n>               further attempts on network errors, timeouts, 429 and 5xx (default ${DEFAULT_FETCH_OPTIONS.retries})
  --specs-dir <dir>  --out-dir <dir>
Exit: 0 no drift (or updated), 1 drift, 2 error (unreachable or invalid upstream, bad arguments).
`;

const FLAGS = {
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
} as const;

/** The flag names, for a usage error to suggest the nearest. */
export const UPSTREAM_FLAGS = Object.keys(FLAGS);

export interface Options {
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

export function parseOptions(args: string[], rootDir: string): { options: Options; providers: string[] } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: FLAGS,
  });
  const failOn = values['fail-on'] ?? 'any';
  if (!['any', 'non-breaking', 'breaking'].includes(failOn))
    throw new ConfigError('--fail-on', `must be any, non-breaking or breaking, got "${failOn}"`);
  const number = (flag: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new ConfigError(`--${flag}`, `must be an integer of at least ${min}, got "${value}"`);
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
