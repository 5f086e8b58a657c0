import { APIPromise } from './api-promise.js';
import type { BaseClient } from './client.js';
import { PaginationError } from './errors.js';
import { readItems, type PageState, type PageStyle, type Step } from './internal/pages/shared.js';

export type { PageStyle } from './internal/pages/shared.js';
import type { RequestOptions, RequestSpec } from './request-options.js';

/** How an operation pages, declared by the generator. Field names are dot paths into the JSON body. */
export type PaginationSpec =
  | {
      /** Relay-style: items plus a page-info object with flags and cursors (Whop). */
      style: 'cursor';
      items: string;
      pageInfo: string;
      /** The following fields are paths inside `pageInfo`. */
      hasNextPage: string;
      hasPreviousPage?: string;
      endCursor: string;
      startCursor?: string;
      afterParam: string;
      beforeParam?: string;
      /** Page-size params (`first`/`last`): a size given for one direction is moved to the other when turning. */
      firstParam?: string;
      lastParam?: string;
    }
  | {
      /** Stripe-style: a `has_more` flag; the next cursor is an item's id. */
      style: 'has_more';
      items: string;
      hasMore: string;
      idField: string;
      startingAfterParam: string;
      endingBeforeParam?: string;
    }
  | {
      /** `items` absent: the body is a bare array. Ends on a short or empty page. */
      style: 'page_number';
      items?: string;
      pageParam: string;
      sizeParam: string;
      defaultSize: number;
      firstPage: number;
    }
  | {
      style: 'offset';
      items?: string;
      offsetParam: string;
      limitParam: string;
      defaultLimit: number;
      total?: string;
    }
  | {
      /** The body names the next cursor itself (`next_cursor`, `meta.next`); the last page has none. */
      style: 'next_cursor';
      items?: string;
      nextCursor: string;
      cursorParam: string;
    }
  | { style: 'link_header'; items?: string };

/** One page request: the operation plus the caller's options, with the style's cursor params applied. */
export interface PageRequest {
  spec: RequestSpec;
  options: RequestOptions | undefined;
  /** Absolute URL from a Link header; replaces path and query. */
  url?: string;
  /** Identifies the position (cursor, page, offset, URL) for the repeated-position guard. */
  key?: string;
}

export type PageFetcher<Item, Body> = (request: PageRequest) => PagePromise<Item, Body>;

/** An awaited page: the Page API plus the raw body's top-level fields (`page.page_info`, `page.has_more`). */
export type PageResult<Item, Body> = Page<Item, Body> &
  (Body extends readonly unknown[]
    ? unknown
    : Body extends object
      ? Omit<Body, keyof Page<Item, Body>>
      : unknown);

export class Page<Item, Body = unknown> implements AsyncIterable<Item> {
  readonly data: Item[];
  /** The decoded response body, untouched. */
  readonly body: Body;
  readonly response: Response;
  readonly #state: PageState;
  readonly #style: PageStyle;
  readonly #fetch: PageFetcher<Item, Body>;

  constructor(state: PageState, style: PageStyle, fetchPage: PageFetcher<Item, Body>) {
    this.#state = state;
    this.#style = style;
    this.#fetch = fetchPage;
    this.data = readItems(style.spec, state.body) as Item[];
    this.body = state.body as Body;
    this.response = state.response;
    if (typeof state.body === 'object' && state.body !== null && !Array.isArray(state.body)) {
      for (const [key, value] of Object.entries(state.body)) {
        if (!(key in this)) Object.defineProperty(this, key, { value, enumerable: true });
      }
    }
  }

  /** True also when the server claims more but the claim is unusable: getNextPage() then explains why. */
  hasNextPage(): boolean {
    return this.#style.next(this.#state) !== undefined;
  }

  getNextPage(): Promise<PageResult<Item, Body>> {
    return this.#follow(this.#style.next(this.#state), this.#seen());
  }

  hasPreviousPage(): boolean {
    return this.#style.previous(this.#state) !== undefined;
  }

  getPreviousPage(): Promise<PageResult<Item, Body>> {
    return this.#follow(this.#style.previous(this.#state), this.#seen());
  }

  /** This page, then each following one; a position seen before ends it with PaginationError. */
  async *iterPages(): AsyncGenerator<PageResult<Item, Body>, void, undefined> {
    let page = this as PageResult<Item, Body>;
    const seen = this.#seen();
    for (;;) {
      yield page;
      const step = page.#style.next(page.#state);
      if (step === undefined) return;
      page = await page.#follow(step, seen);
    }
  }

  /**
   * Every item of this page and the following ones. A plain iterator, not an async generator over `iterPages()`:
   * an item already fetched then costs one resolved promise, where generators add their own queue and awaits.
   */
  [Symbol.asyncIterator](): AsyncIterator<Item> {
    let page: Page<Item, Body> = this;
    let index = 0;
    const seen = this.#seen();
    const turn = async (): Promise<IteratorResult<Item, undefined>> => {
      for (;;) {
        if (index < page.data.length) return { value: page.data[index++]!, done: false };
        const step = page.#style.next(page.#state);
        if (step === undefined) return { value: undefined, done: true };
        page = await page.#follow(step, seen);
        index = 0;
      }
    };
    return {
      next: () =>
        index < page.data.length ? Promise.resolve({ value: page.data[index++]!, done: false }) : turn(),
    };
  }

  #seen(): Set<string> {
    const { key } = this.#state.request;
    return new Set(key === undefined ? [] : [key]);
  }

  async #follow(step: Step, seen: Set<string>): Promise<PageResult<Item, Body>> {
    if (step === undefined)
      throw new PaginationError('There is no such page; check hasNextPage()/hasPreviousPage().');
    if ('error' in step) throw new PaginationError(step.error);
    const { key } = step.request;
    if (key !== undefined) {
      if (seen.has(key)) {
        throw new PaginationError(
          'The server returned a page position seen before; stopping to avoid an endless loop.',
        );
      }
      seen.add(key);
    }
    return this.#fetch(step.request);
  }
}

/** Awaitable to the first page, and async-iterable over every item of every page without awaiting first. */
export class PagePromise<Item, Body = unknown>
  extends APIPromise<PageResult<Item, Body>>
  implements AsyncIterable<Item>
{
  [Symbol.asyncIterator](): AsyncIterator<Item> {
    let items: AsyncIterator<Item> | undefined;
    return {
      next: () => items?.next() ?? this.then((first) => (items = first[Symbol.asyncIterator]()).next()),
    };
  }
}

/**
 * Sends the first request of a paginated operation. A function, not a client method, so that the paging code is
 * bundled only by apps that list.
 */
export function requestPage<Item, Body = unknown>(
  client: BaseClient,
  spec: RequestSpec,
  style: PageStyle,
  options?: RequestOptions,
): PagePromise<Item, Body> {
  const fetchPage = (request: PageRequest): PagePromise<Item, Body> => {
    const sent = client._sendOne(request.spec, request.options, request.url);
    return new PagePromise<Item, Body>(sent.response, async (res) => {
      const body = await sent.decode(res);
      const state = { body, response: res, request, url: res.url || sent.url() };
      return new Page<Item, Body>(state, style, fetchPage) as never;
    });
  };
  return fetchPage({ spec, options });
}
