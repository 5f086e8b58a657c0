import { APIUserAbortError, InvalidResponseError, makeAPIError, type APIError } from '../errors.js';
import { scrubDeep, scrubHeaders, scrubText } from './redact.js';

const BINARY = /^(application\/(octet-stream|pdf|zip)|image\/|audio\/|video\/)/i;
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

/** Decodes a 2xx body: undefined when empty, JSON by content-type, Blob for binary types, text otherwise. */
export async function parseSuccessBody(response: Response, secrets: readonly string[]): Promise<unknown> {
  if (response.status === 204 || response.status === 205 || response.body === null) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (BINARY.test(type)) return response.blob();
  const text = await response.text();
  if (text === '') return undefined;
  if (!JSON_TYPE.test(type)) return text;
  try {
    return JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new InvalidResponseError(
      `${response.status} response body is not valid JSON (${scrubText(reason, secrets)}).`,
      response.status,
      scrubHeaders(response.headers, secrets),
      scrubText(text.slice(0, 200), secrets),
    );
  }
}

export interface ErrorConfig {
  errorMessagePaths: readonly (readonly string[])[];
  requestIdHeaders: readonly string[];
}

/** Reads a non-2xx response into the matching APIError subclass, scrubbing secrets from everything it keeps. */
export async function readAPIError(
  response: Response,
  config: ErrorConfig,
  secrets: readonly string[],
): Promise<APIError> {
  const { text, length } = await readCapped(response);
  const body = scrubDeep(decodeErrorBody(text), secrets);
  const detail = errorMessage(body, config.errorMessagePaths) ?? statusText(response);
  const message = scrubText(`${response.status} ${detail}`, secrets);
  const headers = scrubHeaders(response.headers, secrets);
  const requestID =
    config.requestIdHeaders.map((name) => headers.get(name)).find((value) => value) ?? undefined;
  return makeAPIError(response.status, body, message, headers, requestID, length);
}

/** An error body is kept for debugging, not as data: past this many bytes it is cut (a server may send any size). */
export const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * The first ERROR_BODY_LIMIT bytes as text, and how many bytes the body had; the rest is counted, not kept. A body
 * cut short by the timeout or a lost connection still gives the error its status; the caller's abort wins.
 */
async function readCapped(response: Response): Promise<{ text: string; length: number }> {
  const decoder = new TextDecoder();
  let text = '';
  let length = 0;
  const reader = response.body?.getReader();
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      const kept = Math.max(0, Math.min(chunk.value.length, ERROR_BODY_LIMIT - length));
      if (kept > 0) text += decoder.decode(chunk.value.subarray(0, kept), { stream: true });
      length += chunk.value.length;
    }
  } catch (error) {
    if (error instanceof APIUserAbortError) throw error;
  }
  return { text: text + (length <= ERROR_BODY_LIMIT ? decoder.decode() : ''), length };
}

function decodeErrorBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const COMMON_PATHS = [
  ['message'],
  ['error', 'message'],
  ['error'],
  ['detail'],
  ['title'],
  ['errors', '0', 'message'],
];

/** The first non-empty string at a configured path, then at a common one; plain short text bodies as-is. */
function errorMessage(body: unknown, paths: readonly (readonly string[])[]): string | undefined {
  for (const path of [...paths, ...COMMON_PATHS]) {
    const value = path.reduce<unknown>(
      (node, key) => (isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined),
      body,
    );
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  if (typeof body === 'string' && body.length <= 200 && !/^\s*</.test(body)) return body.trim() || undefined;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** HTTP/1.1 servers send a reason phrase; HTTP/2 has none, and the status alone then reads as "404 Error". */
function statusText(response: Response): string {
  return response.statusText || 'Error';
}
