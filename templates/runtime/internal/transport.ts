import { APIConnectionError, APIUserAbortError, SDKError } from '../errors.js';
import { Deadline } from './deadline.js';
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
  fetchOptions?: Record<string, unknown> | undefined;
  /** A streamed body may stay open for as long as the server sends: the timeout covers only the headers. */
  stream?: boolean;
  log: Log;
  secrets: readonly string[];
  sensitive: { headers: ReadonlySet<string>; query: ReadonlySet<string> };
}

/** The last response, and the deadline its body is to be read under (`deadline.read(response.json())`). */
export interface Received {
  response: Response;
  deadline: Deadline;
}

/**
 * Sends with retries on connection errors, timeouts and retryable statuses. Returns the last response whatever
 * its status (the caller turns non-2xx into errors); throws only when no response was received at all.
 */
export async function transmit(t: Transmission): Promise<Received> {
  const { log, method, secrets } = t;
  // Redacting costs more than the request itself on loopback: only when a line will be written.
  const shown = log.info ? `${method} ${redactURL(t.url, t.sensitive.query, secrets)}` : '';
  for (let retry = 0; ; retry++) {
    t.headers.set(RETRY_COUNT_HEADER, String(retry));
    log.debug?.(shown, { headers: redactHeaders(t.headers, t.sensitive.headers, secrets), retry }, secrets);
    const started = Date.now();
    let received: Received;
    try {
      received = await attempt(t);
    } catch (error) {
      if (!(error instanceof APIConnectionError) || retry >= t.maxRetries) throw error;
      const delay = retryDelayMs(retry, undefined);
      log.info?.(
        `${shown} failed (${error.message}); retrying in ${Math.round(delay)} ms`,
        undefined,
        secrets,
      );
      await pause(delay, t.signal);
      continue;
    }
    const { response } = received;
    log.info?.(`${shown} -> ${response.status} (${Date.now() - started} ms)`, undefined, secrets);
    if (response.ok || retry >= t.maxRetries || !shouldRetryResponse(response)) return received;
    const delay = retryDelayMs(retry, response.headers);
    await discard(received);
    log.info?.(`retrying ${shown} in ${Math.round(delay)} ms`, undefined, secrets);
    await pause(delay, t.signal);
  }
}

/** Drops a response that will not be read, and the deadline it was under. */
export async function discard({ response, deadline }: Received): Promise<void> {
  deadline.end();
  await response.body?.cancel().catch(() => undefined);
}

/**
 * One fetch and its redirects under the attempt's deadline, which stays in force while the body is read; the
 * caller's signal aborts it too, but is told apart from the timeout.
 */
async function attempt(t: Transmission): Promise<Received> {
  if (t.signal?.aborted) throw new APIUserAbortError();
  const deadline = new Deadline(t.timeout, t.signal, `Request timed out after ${t.timeout} ms.`);
  try {
    const response = await deadline.race(fetchFollowing(t, deadline.signal));
    if (t.stream) deadline.untimed();
    else deadline.unref();
    // Bodiless and opaque responses (204, 304, HEAD, a browser's opaque redirect): nothing left to time.
    if (response.body === null) deadline.end();
    return { response, deadline };
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
