// A hand-written stand-in for a generated package: the client and resources exactly as the generator emits
// them, importing the runtime from templates/runtime/ as a generated package imports src/core/.
import type { APIPromise } from '../../templates/runtime/api-promise.js';
import * as Errors from '../../templates/runtime/errors.js';
import { BaseClient, type BaseClientOptions, type ClientConfig } from '../../templates/runtime/client.js';
import { path } from '../../templates/runtime/internal/path.js';
import { pageStyle } from './page-styles.js';
import { requestPage, type PagePromise } from '../../templates/runtime/pagination.js';
import type { RequestOptions } from '../../templates/runtime/request-options.js';
import { APIResource } from '../../templates/runtime/resource.js';
import { bearerAuth } from '../../templates/runtime/internal/auth.js';

export interface Widget {
  id: string;
  name: string;
  index: number;
}
export interface WidgetListParams {
  first?: number;
  after?: string;
  before?: string;
  last?: number;
  'X-Trace'?: string;
}
export interface WidgetListResponse {
  data: Widget[];
  page_info: {
    has_next_page: boolean;
    has_previous_page: boolean;
    end_cursor: string | null;
    start_cursor: string | null;
  };
}
export interface WidgetCreateParams {
  name: string;
}
export interface ChargeListResponse {
  object: 'list';
  data: Widget[];
  has_more: boolean;
  url: string;
}

export interface ClientOptions extends BaseClientOptions {
  /** Defaults to process.env['ACME_API_KEY']. */
  apiKey?: string | (() => string | Promise<string>) | null | undefined;
}

export const acmeConfig: ClientConfig = {
  clientName: 'Acme',
  version: '1.2.3',
  envPrefix: 'ACME',
  credential: { option: 'apiKey', env: 'ACME_API_KEY' },
  defaultBaseURL: 'https://api.acme.test/v1',
  securitySchemes: { bearerAuth: bearerAuth() },
  errorMessagePaths: [['error', 'message']],
  queryFormat: { arrays: 'brackets' },
};

const security = [['bearerAuth']];

export class Widgets extends APIResource {
  list(
    params: WidgetListParams | null | undefined = {},
    options?: RequestOptions,
  ): PagePromise<Widget, WidgetListResponse> {
    const { 'X-Trace': xTrace, ...query } = params ?? {};
    return requestPage<Widget, WidgetListResponse>(
      this._client,
      { method: 'get', path: '/widgets', query, headers: { 'X-Trace': xTrace }, security: [['bearerAuth']] },
      pageStyle({
        style: 'cursor',
        items: 'data',
        pageInfo: 'page_info',
        hasNextPage: 'has_next_page',
        hasPreviousPage: 'has_previous_page',
        endCursor: 'end_cursor',
        startCursor: 'start_cursor',
        afterParam: 'after',
        beforeParam: 'before',
      }),
      options,
    );
  }
  retrieve(id: string, options?: RequestOptions): APIPromise<Widget> {
    return this._client.request<Widget>(
      { method: 'get', path: path`/widgets/${id}`, security: [['bearerAuth']] },
      options,
    );
  }
  create(body: WidgetCreateParams, options?: RequestOptions): APIPromise<Widget> {
    return this._client.request<Widget>(
      { method: 'post', path: '/widgets', body, security: [['bearerAuth']] },
      options,
    );
  }
  delete(id: string, options?: RequestOptions): APIPromise<void> {
    return this._client.request<void>({ method: 'delete', path: path`/widgets/${id}`, security }, options);
  }
}

export class Charges extends APIResource {
  list(
    params: { limit?: number; starting_after?: string; ending_before?: string } = {},
    options?: RequestOptions,
  ): PagePromise<Widget, ChargeListResponse> {
    return requestPage<Widget, ChargeListResponse>(
      this._client,
      { method: 'get', path: '/charges', query: params, security },
      pageStyle({
        style: 'has_more',
        items: 'data',
        hasMore: 'has_more',
        idField: 'id',
        startingAfterParam: 'starting_after',
        endingBeforeParam: 'ending_before',
      }),
      options,
    );
  }
}

export class Disputes extends APIResource {
  list(
    params: { page?: number; perPage?: number } = {},
    options?: RequestOptions,
  ): PagePromise<Widget, Widget[]> {
    return requestPage<Widget, Widget[]>(
      this._client,
      { method: 'get', path: '/disputes', query: params, security },
      pageStyle({
        style: 'page_number',
        pageParam: 'page',
        sizeParam: 'perPage',
        defaultSize: 25,
        firstPage: 1,
      }),
      options,
    );
  }
}

export class Events extends APIResource {
  list(
    params: { offset?: number; limit?: number } = {},
    options?: RequestOptions,
  ): PagePromise<Widget, { results: Widget[]; total: number }> {
    return requestPage(
      this._client,
      { method: 'get', path: '/events', query: params, security },
      pageStyle({
        style: 'offset',
        items: 'results',
        offsetParam: 'offset',
        limitParam: 'limit',
        defaultLimit: 50,
        total: 'total',
      }),
      options,
    );
  }
  listUntotaled(
    params: { offset?: number; limit?: number } = {},
    options?: RequestOptions,
  ): PagePromise<Widget, { results: Widget[] }> {
    return requestPage(
      this._client,
      { method: 'get', path: '/events-untotaled', query: params, security },
      pageStyle({
        style: 'offset',
        items: 'results',
        offsetParam: 'offset',
        limitParam: 'limit',
        defaultLimit: 50,
      }),
      options,
    );
  }
}

export class Logs extends APIResource {
  list(
    params: { page?: number; per_page?: number; foreign?: boolean } = {},
    options?: RequestOptions,
  ): PagePromise<Widget, Widget[]> {
    return requestPage<Widget, Widget[]>(
      this._client,
      { method: 'get', path: '/logs', query: params, security },
      pageStyle({ style: 'link_header' }),
      options,
    );
  }
}

export class Acme extends BaseClient {
  static AcmeError = Errors.SDKError;
  static SDKError = Errors.SDKError;
  static APIError = Errors.APIError;
  static APIStatusError = Errors.APIStatusError;
  static BadRequestError = Errors.BadRequestError;
  static AuthenticationError = Errors.AuthenticationError;
  static PermissionDeniedError = Errors.PermissionDeniedError;
  static NotFoundError = Errors.NotFoundError;
  static ConflictError = Errors.ConflictError;
  static UnprocessableEntityError = Errors.UnprocessableEntityError;
  static RateLimitError = Errors.RateLimitError;
  static InternalServerError = Errors.InternalServerError;
  static APIConnectionError = Errors.APIConnectionError;
  static APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static APIUserAbortError = Errors.APIUserAbortError;
  static InvalidResponseError = Errors.InvalidResponseError;
  static PaginationError = Errors.PaginationError;
  static MissingCredentialError = Errors.MissingCredentialError;
  readonly widgets: Widgets = new Widgets(this);
  readonly charges: Charges = new Charges(this);
  readonly disputes: Disputes = new Disputes(this);
  readonly events: Events = new Events(this);
  readonly logs: Logs = new Logs(this);

  constructor(options: ClientOptions = {}) {
    super(acmeConfig, options);
  }
}

/** A client for arbitrary config (other auth schemes, query formats); sends `spec`s directly. */
export class RawClient extends BaseClient {
  constructor(overrides: Partial<ClientConfig>, options: BaseClientOptions & Record<string, unknown>) {
    super({ ...acmeConfig, ...overrides }, options);
  }
}

/** Collects log lines from an injected logger. */
export function captureLogger(): {
  lines: string[];
  logger: Record<'debug' | 'info' | 'warn' | 'error', (...args: unknown[]) => void>;
} {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push(
        `${level} ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
      );
    };
  return {
    lines,
    logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
  };
}
