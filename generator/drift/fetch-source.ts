import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UpstreamError } from './upstream-error.js';

export interface FetchOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs: number;
  /** Further attempts after the first, for network errors, timeouts, 429 and 5xx. */
  retries: number;
  /** Delay before the first retry; doubles for each further one. */
  retryDelayMs: number;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = { timeoutMs: 20_000, retries: 2, retryDelayMs: 500 };

export interface FetchedSource {
  /** As given: the URL or the file path. */
  source: string;
  /** Where the text came from after redirects (the URL itself when there were none). */
  finalUrl: string;
  text: string;
}

export const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** Reads an upstream source: an http(s) URL (redirects followed) or a local file. */
export async function readSource(
  source: string,
  options: FetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<FetchedSource> {
  if (!isUrl(source)) {
    const file = path.resolve(source);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UpstreamError(
        source,
        `cannot read: ${error.code === 'ENOENT' ? 'file not found' : error.message}`,
      );
    });
    return { source, finalUrl: file, text };
  }
  return fetchText(source, options);
}

/** GETs a URL with a timeout per attempt and retries with backoff; throws one UpstreamError saying what happened. */
export async function fetchText(
  url: string,
  options: FetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<FetchedSource> {
  const attempts = options.retries + 1;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(options.retryDelayMs * 2 ** (attempt - 2));
    const outcome = await attemptFetch(url, options.timeoutMs);
    if (outcome.ok) return { source: url, finalUrl: outcome.finalUrl, text: outcome.text };
    lastProblem = outcome.problem;
    if (!outcome.retryable) break;
    if (attempt === attempts) lastProblem += ` (${attempts} attempt${attempts === 1 ? '' : 's'})`;
  }
  throw new UpstreamError(
    url,
    `cannot fetch: ${lastProblem}`,
    'check the URL and the network; the check retries transient failures itself',
  );
}

type Outcome =
  { ok: true; finalUrl: string; text: string } | { ok: false; problem: string; retryable: boolean };

async function attemptFetch(url: string, timeoutMs: number): Promise<Outcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: { accept: 'application/yaml, application/json, text/markdown, text/plain, */*' },
    });
    // The body is read under the same timeout: a server that stalls mid-body is as unreachable as one that never answers.
    const text = await response.text();
    if (response.ok) return { ok: true, finalUrl: response.url || url, text };
    const retryable = response.status === 429 || response.status >= 500;
    return {
      ok: false,
      problem: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      retryable,
    };
  } catch (error) {
    if (signal.aborted) return { ok: false, problem: `no answer within ${timeoutMs} ms`, retryable: true };
    return { ok: false, problem: networkProblem(error), retryable: true };
  }
}

function networkProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
