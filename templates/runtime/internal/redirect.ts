import { SDKError } from '../errors.js';

/** What one fetch (with its redirects) needs: the request, where credentials may sit, and the abort signal. */
export interface Hop {
  fetch: typeof fetch;
  method: string;
  url: string;
  headers: Headers;
  body: BodyInit | undefined;
  signal: AbortSignal;
  /** Header and query parameter names that carry credentials (see auth.ts `sensitiveNames`). */
  sensitive: { headers: ReadonlySet<string>; query: ReadonlySet<string> };
  secrets: readonly string[];
  /** The caller's extra fetch init (`fetchOptions`), spread first: what this module sets wins. */
  fetchOptions?: Record<string, unknown>;
}

/** The fetch standard's limit. */
const MAX_REDIRECTS = 20;

/**
 * fetch with redirects followed here rather than by fetch, so that a hop to another origin carries no credential
 * (fetch itself only drops `Authorization`: an apiKey header or query parameter would reach the other origin) and
 * a body is never replayed to another origin. Browsers hide a redirect's target (an opaque response): there the
 * redirect is followed blind, by re-sending, only for a GET or HEAD that carries no credential.
 */
export async function fetchFollowing(hop: Hop): Promise<Response> {
  let { method, body } = hop;
  let url = new URL(hop.url);
  const headers = new Headers(hop.headers);
  for (let hops = 0; ; hops++) {
    // `body` absent rather than undefined: under exactOptionalPropertyTypes RequestInit does not take undefined.
    const init: RequestInit = {
      ...hop.fetchOptions,
      method,
      headers,
      signal: hop.signal,
      ...(body === undefined ? {} : { body }),
    };
    const from = `${method} ${url.origin}${url.pathname}`;
    const response = await hop.fetch(url.href, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
      // Re-sending repeats the request itself: only safe for GET/HEAD (a POST answered with 303 was already done).
      if (
        (method !== 'GET' && method !== 'HEAD') ||
        hop.secrets.length > 0 ||
        [...hop.sensitive.headers].some((name) => headers.has(name))
      ) {
        throw new SDKError(
          `Not following the redirect of ${from}: this runtime hides its target, and only a GET or HEAD ` +
            'without credentials is followed blind.',
        );
      }
      return hop.fetch(url.href, { ...init, redirect: 'follow' });
    }
    const location = response.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(response.status) || location === null) {
      // Pagination resolves Link headers against the URL the page came from, which manual redirects leave unset.
      if (!response.url) Object.defineProperty(response, 'url', { value: url.href });
      return response;
    }
    await response.body?.cancel().catch(() => undefined);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new SDKError(`The server redirected ${from} to an invalid URL.`);
    }
    if ((next.protocol !== 'https:' && next.protocol !== 'http:') || next.username || next.password) {
      throw new SDKError(
        `Not following the redirect of ${from} to a ${next.protocol} URL or one with a user name.`,
      );
    }
    if (hops === MAX_REDIRECTS) throw new SDKError(`Stopped after ${MAX_REDIRECTS} redirects of ${from}.`);
    // As fetch does: 303 turns into GET, and so do 301/302 after a POST; 307/308 resend the same request.
    if (
      response.status === 303
        ? method !== 'GET' && method !== 'HEAD'
        : response.status < 307 && method === 'POST'
    ) {
      method = 'GET';
      body = undefined;
      headers.delete('content-type');
    }
    if (next.origin !== url.origin) {
      if (body !== undefined) {
        throw new SDKError(
          `Not following the ${response.status} redirect of ${from} to ${next.origin}: it would send the ` +
            'request body to another origin.',
        );
      }
      hop.sensitive.headers.forEach((name) => headers.delete(name));
      for (const [name, value] of [...next.searchParams]) {
        if (hop.sensitive.query.has(name) || hop.secrets.some((secret) => value.includes(secret))) {
          next.searchParams.delete(name);
        }
      }
    }
    url = next;
  }
}
