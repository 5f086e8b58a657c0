/**
 * Extra fetch init (a proxy `dispatcher` on Node, `keepalive`, `cache`...), spread into every request's init.
 * What the SDK itself controls cannot be set here: use the options of the same name.
 */
export type FetchOptions = Omit<RequestInit, 'method' | 'headers' | 'body' | 'signal' | 'redirect'> &
  Record<string, unknown>;

/** Per-call overrides, the last argument of every generated method. */
export interface RequestOptions {
  /** Replaces the operation's path (appended to the base URL as given: encode it yourself). */
  path?: string;
  /** Replaces the operation's HTTP method. */
  method?: HttpMethod;
  /** Replaces the operation's body (encoded as the operation declares; JSON by default). */
  body?: unknown;
  /** Merged over the client's headers; a `null` value removes a header. */
  headers?: Record<string, string | null | undefined>;
  /** Merged over the operation's query parameters. */
  query?: Record<string, unknown>;
  /** Aborting it rejects with APIUserAbortError; an aborted request is never retried. */
  signal?: AbortSignal;
  /** Milliseconds per attempt (not in total), until the response body is read: 1 to 2^31-1. */
  timeout?: number;
  /** An integer 0 to 100. */
  maxRetries?: number;
  /** Merged over the client's `fetchOptions`. */
  fetchOptions?: FetchOptions;
  /** Sent in the idempotency header of non-GET/HEAD requests; generated once per call otherwise. */
  idempotencyKey?: string;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'trace';

import type { EncodedBody } from './internal/body.js';

/** What a generated method passes to BaseClient.request: one operation call, before defaults and auth. */
export interface RequestSpec {
  method: HttpMethod;
  /** Already percent-encoded (see internal/path.ts); appended to the base URL. May carry a literal `?query`. */
  path: string;
  query?: Record<string, unknown>;
  /** Query pairs already written in their declared styles (internal/styles.ts), after the plain ones. */
  encodedQuery?: string;
  /** `undefined` and `null` values are dropped. */
  headers?: Record<string, unknown>;
  /** A JSON body; any other media type comes as `content`. */
  body?: unknown;
  /**
   * A body encoded by the operation's own encoder (internal/form.ts, multipart.ts, raw-body.ts) instead of `body`:
   * called once per call, before the first attempt.
   */
  content?: (() => EncodedBody | Promise<EncodedBody>) | undefined;
  /** The declared request media type when it is not the encoder's default (`application/json-patch+json`). */
  contentType?: string;
  /** The media type the method's return type describes; default `application/json`. */
  accept?: string;
  /** The body is read as a stream (server-sent events, NDJSON): the timeout ends when the headers arrive. */
  stream?: boolean;
  /** OR of AND-lists of security scheme names; undefined, [] or an empty alternative: auth optional. */
  security?: string[][];
}
