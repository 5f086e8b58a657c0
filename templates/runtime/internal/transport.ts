import { APIConnectionError, APIUserAbortError, SDKError } from '../errors.js';
import { startDeadline } from './deadline.js';
import type { Log } from './log.js';
import { redactHeaders, redactURL, scrubText } from './redact.js';
import { fetchFollowing } from './redirect.js';
import { retryDelayMs, shouldRetryResponse, sleep } from './retry.js';

export const RETRY_COUNT_HEADER = 'x-sdkgen-retry-count';

export interface Transmission {
  fetch: typeof fetch;
  method: string;
  url: string;
  /** Reused across attempts: the idempotency key in it stays the same. */
  headers: Headers;
  body: BodyInit | undefined;
  /** Per attempt, in ms, from sending until the body is read. */
  timeout: number;
  maxRetries: number;
  signal: AbortSignal | undefined;
  /** Spread into the fetch init first: the SDK's own fields win. */
  fetchOptions?: Record<string, unknown>;
  /** A streamed body may stay open for as long as the server sends: the timeout covers only the headers. */
  stream?: boolean;
  log: Log;
  secrets: readonly string[];
  sensitive: { headers: ReadonlySet<string>; query: ReadonlySet<string> };
}

/**
 * Sends with retries on connection errors, timeouts and retryable statuses. Returns the last response whatever
 * its status (the caller turns non-2xx into errors); throws only when no response was received at all.
 */
export async function transmit(t: Transmission): Promise<Response> {
  // Redacting costs more than the request itself on loopback: only when a line will be written.
  const shownURL = t.log.enabled('info') ? redactURL(t.url, t.sensitive.query, t.secrets) : '';
  for (let retry = 0; ; retry++) {
    t.headers.set(RETRY_COUNT_HEADER, String(retry));
    if (t.log.enabled('debug')) {
      t.log(
        'debug',
        `${t.method} ${shownURL}`,
        { headers: redactHeaders(t.headers, t.sensitive.headers, t.secrets), retry },
        t.secrets,
      );
    }
    const started = Date.now();
    let response: Response;
    try {
      response = await attempt(t);
    } catch (error) {
      if (!(error instanceof APIConnectionError) || retry >= t.maxRetries) throw error;
      const delay = retryDelayMs(retry, undefined);
      t.log(
        'info',
        `${t.method} ${shownURL} failed (${(error as Error).message}); retrying in ${Math.round(delay)} ms`,
        undefined,
        t.secrets,
      );
      await pause(delay, t.signal);
      continue;
    }
    t.log(
      'info',
      `${t.method} ${shownURL} -> ${response.status} (${Date.now() - started} ms)`,
      undefined,
      t.secrets,
    );
    if (response.ok || retry >= t.maxRetries || !shouldRetryResponse(response)) return response;
    const delay = retryDelayMs(retry, response.headers);
    await response.body?.cancel().catch(() => undefined);
    t.log('info', `retrying ${t.method} ${shownURL} in ${Math.round(delay)} ms`, undefined, t.secrets);
    await pause(delay, t.signal);
  }
}

/**
 * One fetch and its redirects under the attempt's deadline, which stays in force while the body is read; the
 * caller's signal aborts it too, but is told apart from the timeout.
 */
async function attempt(t: Transmission): Promise<Response> {
  if (t.signal?.aborted) throw new APIUserAbortError();
  const deadline = startDeadline(t.timeout, t.signal, `Request timed out after ${t.timeout} ms.`);
  try {
    const response = await deadline.race(fetchFollowing({ ...t, signal: deadline.signal }));
    if (t.stream) deadline.untimed();
    return deadline.guard(response);
  } catch (error) {
    deadline.end();
    if (error instanceof SDKError) throw error;
    throw (
      deadline.failure() ??
      new APIConnectionError('Connection error.', { cause: safeCause(error, t.secrets) })
    );
  }
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw new APIUserAbortError();
  }
}

/** Keeps the low-level cause for debugging unless it mentions the credential (e.g. a URL with an API key). */
function safeCause(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof Error)) return error;
  const text = `${error.message}\n${error.stack ?? ''}`;
  return scrubText(text, secrets) === text ? error : new Error(scrubText(error.message, secrets));
}
