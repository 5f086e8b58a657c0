import { SDKError } from '../errors.js';
import { absent } from './query.js';

/**
 * Sets a layer of headers over the ones there: undefined values (and functions, see query.ts `absent`) are
 * skipped; a null value removes the header when `nullRemoves`, else it is skipped too. An invalid name or value is
 * an SDKError naming the header: Headers' own TypeError quotes the value.
 */
export function setHeaders(
  headers: Headers,
  layer: Record<string, unknown> | undefined,
  nullRemoves: boolean,
): void {
  if (!layer) return;
  for (const [name, value] of Object.entries(layer)) {
    try {
      if (value === null && nullRemoves) headers.delete(name);
      else if (!absent(value)) headers.set(name, String(value));
    } catch {
      throw new SDKError(`The ${JSON.stringify(name)} header has a name or value HTTP headers cannot carry.`);
    }
  }
}

/** Looked up per call so polyfills installed after the client is created still apply; never called unbound. */
export const globalFetch: typeof fetch = (input, init) => {
  if (typeof globalThis.fetch !== 'function') {
    throw new SDKError('No global fetch found; pass the `fetch` option to the client.');
  }
  return globalThis.fetch(input, init);
};

/**
 * A v4 UUID for idempotency keys. Node 18 has no global `crypto` by default; uniqueness, not secrecy, is what
 * matters here, so Math.random is an acceptable fallback.
 */
export function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}
