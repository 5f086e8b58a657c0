import { APIPromise } from './api-promise.js';
import * as Errors from './errors.js';
import {
  applyAuth,
  planAuth,
  resolveCredential,
  sensitiveNames,
  type Credential,
  type CredentialSource,
} from './internal/auth.js';
import type { SecurityScheme } from './internal/auth.js';
import { encodeBody } from './internal/body.js';
import { customHeadersFromEnv } from './internal/custom-headers.js';
import { globalFetch, randomId, setHeaders } from './internal/headers.js';
import { Deadline } from './internal/deadline.js';
import { readEnv } from './internal/env.js';
import { createLog, resolveLogLevel, type Log, type Logger, type LogLevel } from './internal/log.js';
import { stringifyQuery, type ArrayFormat } from './internal/query.js';
import { checkNumber } from './internal/options.js';
import { requestIdOf, withRequestId } from './internal/request-id.js';
import { parseSuccessBody, readAPIError } from './internal/response.js';
import { DEFAULT_MAX_RETRIES } from './internal/retry.js';
import { discard, transmit, type Received } from './internal/transport.js';
import type { FetchOptions, HttpMethod, RequestOptions, RequestSpec } from './request-options.js';

export type {
  BasicCredentials,
  SecurityScheme,
  CredentialSource,
  CredentialContext,
} from './internal/auth.js';
export { apiKeyCookie, apiKeyHeader, apiKeyQuery, basicAuth, bearerAuth } from './internal/auth.js';
export type { Logger, LogLevel } from './internal/log.js';
export type { ArrayFormat } from './internal/query.js';
export type { FetchOptions, RequestOptions, RequestSpec, HttpMethod } from './request-options.js';

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface BaseClientOptions {
  /** Defaults to `<ENVPREFIX>_BASE_URL`, then the spec's server. */
  baseURL?: string | null | undefined;
  /** Milliseconds per attempt, until the response body is read: 1 to 2^31-1, default 60 000. */
  timeout?: number | undefined;
  /** An integer 0 to 100, default 2. */
  maxRetries?: number | undefined;
  /** Defaults to the global fetch, looked up at request time. */
  fetch?: typeof fetch | undefined;
  defaultHeaders?: Record<string, string | null | undefined> | undefined;
  defaultQuery?: Record<string, unknown> | undefined;
  /** Extra fetch init for every request: a proxy `dispatcher` (undici), `keepalive`... */
  fetchOptions?: FetchOptions | undefined;
  /** Defaults to `<ENVPREFIX>_LOG`, then 'warn'. */
  logLevel?: LogLevel | undefined;
  logger?: Logger | undefined;
}

/** Written by the generator into each package's client.ts: what differs between APIs, as data. */
export interface ClientConfig {
  clientName: string;
  version: string;
  envPrefix: string;
  /** The client option holding the credential, and the env var it falls back to. */
  credential: { option: string; env: string };
  defaultBaseURL: string;
  securitySchemes: Record<string, SecurityScheme>;
  /** Paths into error bodies, tried before the common shapes. */
  errorMessagePaths: string[][];
  queryFormat: { arrays: ArrayFormat };
  /** Default x-request-id, request-id. */
  requestIdHeaders?: string[];
  /** Default Idempotency-Key. */
  idempotencyHeader?: string;
  /** Security of requests the spec does not describe (`client.get(path)`): the document's own, by default. */
  defaultSecurity?: string[][];
}

const DEFAULT_REQUEST_ID_HEADERS = ['x-request-id', 'request-id'];

/** Per-call state shared between sending and decoding: what to scrub, where the response came from. */
interface CallContext {
  secrets: string[];
  url: string;
  /** The last attempt's deadline, which the response body is read under; set once the response is in. */
  deadline: Deadline | undefined;
}

export class BaseClient {
  // The error classes are statics of each generated client (typed there, so they narrow `err.error`).

  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly #config: ClientConfig;
  /** Private so the credential never shows up when the client is logged or serialized. */
  readonly #options: BaseClientOptions & Record<string, unknown>;
  readonly #log: Log;
  readonly #sensitive: ReturnType<typeof sensitiveNames>;
  /** From `<PREFIX>_CUSTOM_HEADERS`, read once: below `defaultHeaders`, above the SDK's own. */
  readonly #customHeaders: Record<string, string>;

  /**
   * `options` is typed BaseClientOptions, not `& Record<string, unknown>`: a generated `interface ClientOptions`
   * has no index signature and would not be assignable. The credential option is read by its configured name.
   */
  constructor(config: ClientConfig, options: BaseClientOptions) {
    this.#config = config;
    this.#options = { ...options };
    const baseURL = options.baseURL ?? readEnv(`${config.envPrefix}_BASE_URL`) ?? config.defaultBaseURL;
    this.baseURL = baseURL.replace(/\/+$/, '');
    this.timeout = checkNumber('timeout', options.timeout ?? DEFAULT_TIMEOUT_MS, config.clientName);
    this.maxRetries = checkNumber('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES, config.clientName);
    this.#log = createLog(
      resolveLogLevel(options.logLevel, config.envPrefix),
      options.logger ?? console,
      config.clientName,
    );
    this.#sensitive = sensitiveNames(config.securitySchemes);
    this.#customHeaders = customHeadersFromEnv(config.envPrefix);
  }

  /**
   * A new client of the same class with some options replaced (`client.withOptions({ timeout: 5_000 })`); this
   * one is unchanged. Options left out keep this client's values, credential included.
   */
  withOptions(overrides: BaseClientOptions): this {
    const Client = this.constructor as new (options: BaseClientOptions) => this;
    return new Client({ ...this.#options, ...overrides });
  }

  /** An undocumented GET, sent with the client's base URL, credential, headers and retries. */
  get<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#undocumented('get', path, options);
  }

  post<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#undocumented('post', path, options);
  }

  put<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#undocumented('put', path, options);
  }

  patch<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#undocumented('patch', path, options);
  }

  delete<T = unknown>(path: string, options?: RequestOptions): APIPromise<T> {
    return this.#undocumented('delete', path, options);
  }

  #undocumented<T>(method: HttpMethod, path: string, options: RequestOptions | undefined): APIPromise<T> {
    return this.request<T>({ method, path, security: this.#config.defaultSecurity ?? [] }, options);
  }

  /**
   * `decode` replaces the decoding by Content-Type for operations that read their body differently: a stream of
   * events or lines (internal/sse.ts, internal/ndjson.ts), imported only by the operations that answer one.
   */
  request<T>(spec: RequestSpec, options?: RequestOptions, decode?: (response: Response) => T): APIPromise<T> {
    const sent = this._sendOne(spec, options, undefined);
    return new APIPromise(sent.response, (res) =>
      decode ? Promise.resolve(decode(res)) : (sent.decode(res) as Promise<T>),
    );
  }

  /**
   * Sends one request and returns the response with a decoder for its body. Paginated operations call it through
   * `requestPage` (pagination.ts), which keeps the paging code out of this class: an app that never lists does not
   * bundle it.
   */
  _sendOne(
    spec: RequestSpec,
    options: RequestOptions | undefined,
    absoluteURL: string | undefined,
  ): { response: Promise<Response>; decode: (res: Response) => Promise<unknown>; url: () => string } {
    const call: CallContext = { secrets: [], url: '', deadline: undefined };
    const requestIdHeaders = this.#config.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS;
    return {
      response: this.#send(spec, options, call, absoluteURL),
      decode: async (res) =>
        withRequestId(
          await call.deadline!.read(parseSuccessBody(res, call.secrets)),
          requestIdOf(res.headers, requestIdHeaders),
        ),
      url: () => call.url,
    };
  }

  /** Resolves auth, sends with retries, refreshes a function credential once after a 401; throws on non-2xx. */
  async #send(
    spec: RequestSpec,
    options: RequestOptions = {},
    call: CallContext,
    absoluteURL: string | undefined,
  ): Promise<Response> {
    const config = this.#config;
    const clientOptions = this.#options;
    // Checked at construction: only a per-request value needs checking again.
    const timeout =
      options.timeout === undefined
        ? this.timeout
        : checkNumber('timeout', options.timeout, config.clientName);
    const maxRetries =
      options.maxRetries === undefined
        ? this.maxRetries
        : checkNumber('maxRetries', options.maxRetries, config.clientName);
    const url = absoluteURL === undefined ? this.#buildURL(spec, options) : this.#sameOrigin(absoluteURL);
    const plan = planAuth(spec.security);
    const source = (clientOptions[config.credential.option] ??
      readEnv(config.credential.env)) as CredentialSource;
    // Encoded once, before the first attempt: every retry sends the same bytes (streams are read whole first).
    // A `body` request option replaces the operation's, encoded as the operation declares.
    const sent = options.body === undefined ? spec : { ...spec, body: options.body, content: undefined };
    const { body, contentType } = sent.content ? await sent.content() : encodeBody(sent);
    const method = (options.method ?? spec.method).toUpperCase();
    const idempotencyHeader = config.idempotencyHeader ?? 'Idempotency-Key';
    const idempotencyKey =
      method === 'GET' || method === 'HEAD' ? undefined : (options.idempotencyKey ?? `sdkgen-${randomId()}`);
    const fetchOptions = options.fetchOptions
      ? { ...clientOptions.fetchOptions, ...options.fetchOptions }
      : clientOptions.fetchOptions;

    const sendWith = async (refresh: boolean): Promise<Received> => {
      // A string needs no await: most calls carry one, and each await is a turn of the event loop's queue.
      const credential = !plan
        ? undefined
        : typeof source === 'string'
          ? source || undefined
          : await this.#credential(source, refresh, timeout, options.signal);
      if (plan?.required && credential === undefined) throw this.#missingCredential();
      const headers = new Headers({
        accept: spec.accept ?? 'application/json',
        'user-agent': `${config.clientName}/JS ${config.version}`,
      });
      if (contentType) headers.set('content-type', spec.contentType ?? contentType);
      const target = { headers, url, option: config.credential.option };
      if (plan && credential !== undefined) {
        call.secrets.push(...applyAuth(plan, config.securitySchemes, credential, target));
      }
      setHeaders(headers, this.#customHeaders, true);
      setHeaders(headers, clientOptions.defaultHeaders, true);
      // Header params: absent (undefined or null) means "not sent", never "remove".
      setHeaders(headers, spec.headers, false);
      setHeaders(headers, options.headers, true);
      if (idempotencyKey !== undefined && !headers.has(idempotencyHeader)) {
        headers.set(idempotencyHeader, idempotencyKey);
      }
      call.url = target.url;
      return transmit({
        fetch: clientOptions.fetch ?? globalFetch,
        method,
        url: target.url,
        headers,
        body,
        timeout,
        maxRetries,
        signal: options.signal,
        fetchOptions,
        stream: spec.stream === true,
        log: this.#log,
        secrets: call.secrets,
        sensitive: this.#sensitive,
      });
    };

    let received = await sendWith(false);
    // Tokens expire: a credential function gets one chance to hand out a fresh one.
    if (received.response.status === 401 && plan && typeof source === 'function') {
      await discard(received);
      this.#log.info?.(
        'got 401; calling the credential function again and retrying once',
        undefined,
        call.secrets,
      );
      received = await sendWith(true);
    }
    const { response, deadline } = received;
    call.deadline = deadline;
    if (!response.ok) {
      const requestIdHeaders = config.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS;
      throw await deadline.read(
        readAPIError(
          response,
          { errorMessagePaths: config.errorMessagePaths, requestIdHeaders },
          call.secrets,
        ),
      );
    }
    return response;
  }

  /** A credential function gets the same time as an attempt: one that never settles must not hang the call. */
  async #credential(
    source: CredentialSource,
    refresh: boolean,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<Credential | undefined> {
    if (typeof source !== 'function') return resolveCredential(source);
    const { clientName, credential } = this.#config;
    const deadline = new Deadline(
      timeout,
      signal,
      `${clientName}: the \`${credential.option}\` credential function did not settle within ${timeout} ms.`,
    );
    try {
      return await deadline.race(resolveCredential(source, { refresh }));
    } finally {
      deadline.end();
    }
  }

  #buildURL(spec: RequestSpec, options: RequestOptions): string {
    const query = { ...this.#options.defaultQuery, ...spec.query, ...options.query };
    const search = [stringifyQuery(query, this.#config.queryFormat.arrays), spec.encodedQuery]
      .filter((part) => part !== undefined && part !== '')
      .join('&');
    // A path key may carry its own query (`/responses?beta=true`): what the call adds joins it.
    const path = options.path ?? spec.path;
    const joiner = path.includes('?') ? '&' : '?';
    return `${this.baseURL}${path}${search ? `${joiner}${search}` : ''}`;
  }

  /** Absolute URLs come from servers (Link headers): never send the credential to another origin. */
  #sameOrigin(url: string): string {
    if (new URL(url).origin !== new URL(this.baseURL).origin) {
      throw new Errors.PaginationError(
        `Refusing to send a request to another origin (${new URL(url).origin}).`,
      );
    }
    return url;
  }

  #missingCredential(): Errors.MissingCredentialError {
    const { clientName, credential } = this.#config;
    return new Errors.MissingCredentialError(
      `${clientName}: this operation needs a credential. Pass the \`${credential.option}\` option to ` +
        `new ${clientName}({ ${credential.option}: ... }) or set the ${credential.env} environment variable.`,
    );
  }
}
