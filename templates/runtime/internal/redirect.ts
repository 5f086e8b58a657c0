import { SDKError } from '../errors.js';

/** What one fetch (with its redirects) needs: the request and where credentials may sit. */
export interface Hop {
  fetch: typeof fetch;
  method: string;
  url: string;
  /** Not changed here: a hop that must drop some works on a copy. */
  headers: Headers;
  body: BodyInit | undefined;
  /** Header and query parameter names that carry credentials (see auth.ts `sensitiveNames`). */
  sensitive: { headers: ReadonlySet<string>; query: ReadonlySet<string> };
  secrets: readonly string[];
  /** The caller's extra fetch init (`fetchOptions`), spread first: what this module sets wins. */
  fetchOptions?: Record<string, unknown> | undefined;
}

/** The fetch standard's limit. */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/**
 * fetch with redirects followed here rather than by fetch, so that a hop to another origin carries no credential
 * (fetch itself only drops `Authorization`: an apiKey header or query parameter would reach the other origin) and
 * a body is never replayed to another origin. Browsers hide a redirect's target (an opaque response): there the
 * redirect is followed blind, by re-sending, only for a GET or HEAD that carries no credential.
 */
export async function fetchFollowing(hop: Hop, signal: AbortSignal): Promise<Response> {
  let { method, body, headers, url } = hop;
  // Copied before the first change, so that a retry starts again from the request as the caller built it.
  let copied = false;
  for (let hops = 0; ; hops++) {
    const init: RequestInit = { ...hop.fetchOptions, method, headers, signal, redirect: 'manual' };
    // `body` absent rather than undefined: under exactOptionalPropertyTypes RequestInit does not take undefined.
    if (body !== undefined) init.body = body;
    const response = await hop.fetch(url, init);
    if (response.type === 'opaqueredirect') {
      // Re-sending repeats the request itself: only safe for GET/HEAD (a POST answered with 303 was already done).
      if (
        (method !== 'GET' && method !== 'HEAD') ||
        hop.secrets.length > 0 ||
        [...hop.sensitive.headers].some((name) => headers.has(name))
      ) {
        throw new SDKError(
          `Not following the redirect of ${where(method, url)}: this runtime hides its target, and only a GET or HEAD ` +
            'without credentials is followed blind.',
        );
      }
      return hop.fetch(url, { ...init, redirect: 'follow' });
    }
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.includes(response.status) || location === null) {
      // Pagination resolves Link headers against the URL the page came from, which manual redirects leave unset.
      if (!response.url) Object.defineProperty(response, 'url', { value: new URL(url).href });
      return response;
    }
    await response.body?.cancel().catch(() => undefined);
    const current = new URL(url);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new SDKError(`The server redirected ${where(method, url)} to an invalid URL.`);
    }
    if ((next.protocol !== 'https:' && next.protocol !== 'http:') || next.username || next.password) {
      throw new SDKError(
        `Not following the redirect of ${where(method, url)} to a ${next.protocol} URL or one with a user name.`,
      );
    }
    if (hops === MAX_REDIRECTS)
      throw new SDKError(`Stopped after ${MAX_REDIRECTS} redirects of ${where(method, url)}.`);
    if (!copied) {
      headers = new Headers(headers);
      copied = true;
    }
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
    if (next.origin !== current.origin) {
      if (body !== undefined) {
        throw new SDKError(
          `Not following the ${response.status} redirect of ${where(method, url)} to ${next.origin}: it would send the ` +
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
    url = next.href;
  }
}

/** The request an error names: method, origin and path, never the query (it may hold a credential). */
function where(method: string, url: string): string {
  const { origin, pathname } = new URL(url);
  return `${method} ${origin}${pathname}`;
}
