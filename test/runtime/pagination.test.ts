import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PaginationError } from '../../templates/runtime/errors.js';
import { Acme, type Widget } from '../support/acme-client.js';
import { ITEM_COUNT, startFakeAPIServer, type FakeAPIServer } from '../support/fake-api-server.js';

let server: FakeAPIServer;
let client: Acme;

beforeAll(async () => {
  server = await startFakeAPIServer();
  client = new Acme({ apiKey: 'sk-test-pagination', baseURL: server.url, maxRetries: 0 });
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

const allIds = () => server.items.map((item) => item.id);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('cursor (page_info)', () => {
  it('yields every item once, in order, with exactly ceil(n/size) requests and no trailing empty one', async () => {
    const items = await collect(client.widgets.list({ first: 50 }));
    expect(items.map((item: Widget) => item.id)).toEqual(allIds());
    expect(server.requests).toHaveLength(Math.ceil(ITEM_COUNT / 50));
    expect(server.requests[1]?.query.get('after')).toBe('w_050');
    expect(server.requests.every((r) => r.query.get('first') === '50')).toBe(true);
  });

  it('makes ceil(n/size) requests when the size divides n exactly (has_next_page false on the last page)', async () => {
    const items = await collect(client.widgets.list({ first: 40 }));
    expect(items).toHaveLength(ITEM_COUNT);
    expect(server.requests).toHaveLength(8);
  });

  it('awaits to the first page, exposing the raw body fields and page navigation', async () => {
    const page = await client.widgets.list({ first: 10 });
    expect(page.data.map((item) => item.id)).toEqual(allIds().slice(0, 10));
    expect(page.page_info.end_cursor).toBe('w_010');
    expect(page.body.page_info.has_next_page).toBe(true);
    expect(page.response.status).toBe(200);
    expect(page.hasPreviousPage()).toBe(false);
    const second = await page.getNextPage();
    expect(second.data[0]?.id).toBe('w_011');
    expect(second.hasPreviousPage()).toBe(true);
  });

  it('pages backwards with before + start_cursor', async () => {
    const page = await client.widgets.list({ first: 10, after: 'w_100' });
    expect(page.data[0]?.id).toBe('w_101');
    const previous = await page.getPreviousPage();
    expect(previous.data.map((item) => item.id)).toEqual(allIds().slice(90, 100));
    const lastRequest = server.requests.at(-1);
    expect(lastRequest?.query.get('before')).toBe('w_101');
    expect(lastRequest?.query.has('after')).toBe(false);
  });

  it('keeps the caller params, headers and request options on every page', async () => {
    const pages = [];
    for await (const page of (
      await client.widgets.list(
        { first: 100, 'X-Trace': 't-1' },
        { headers: { 'x-extra': 'e' }, query: { tag: 'blue' } },
      )
    ).iterPages()) {
      pages.push(page);
    }
    expect(pages).toHaveLength(4);
    for (const request of server.requests) {
      expect(request.headers['x-trace']).toBe('t-1');
      expect(request.headers['x-extra']).toBe('e');
      expect(request.query.get('tag')).toBe('blue');
      expect(request.query.get('first')).toBe('100');
    }
  });

  it('ends with PaginationError when the server repeats a cursor', async () => {
    const page = { data: [{ id: 'x' }], page_info: { has_next_page: true, end_cursor: 'same' } };
    server.fault({ status: 200, body: page }, { status: 200, body: page }, { status: 200, body: page });
    await expect(collect(client.widgets.list())).rejects.toBeInstanceOf(PaginationError);
    expect(server.requests).toHaveLength(2);
  });

  it('ends with PaginationError when an empty page claims more, without requesting again', async () => {
    server.fault({ status: 200, body: { data: [], page_info: { has_next_page: true, end_cursor: 'c' } } });
    const page = await client.widgets.list();
    expect(page.hasNextPage()).toBe(true);
    await expect(collect(page)).rejects.toThrow(/empty/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('has_more', () => {
  it('walks forward with starting_after = last id, ceil(n/limit) requests', async () => {
    const items = await collect(client.charges.list({ limit: 100 }));
    expect(items.map((item) => item.id)).toEqual(allIds());
    expect(server.requests.map((r) => r.query.get('starting_after'))).toEqual([
      null,
      'w_100',
      'w_200',
      'w_300',
    ]);
  });

  it('walks backwards with ending_before = first id when the caller started with ending_before', async () => {
    const items = await collect(client.charges.list({ limit: 100, ending_before: 'w_251' }));
    expect(items).toHaveLength(250);
    expect(new Set(items.map((item) => item.id)).size).toBe(250);
    expect(items[0]?.id).toBe('w_151');
    expect(server.requests.map((r) => r.query.get('ending_before'))).toEqual(['w_251', 'w_151', 'w_051']);
    expect(server.requests.every((r) => !r.query.has('starting_after'))).toBe(true);
  });

  it('exposes has_more on the awaited page and stops when it is false', async () => {
    const page = await client.charges.list({ limit: 5, starting_after: 'w_315' });
    expect(page.has_more).toBe(false);
    expect(page.object).toBe('list');
    expect(page.hasNextPage()).toBe(false);
    expect(await collect(page)).toHaveLength(5);
    expect(server.requests).toHaveLength(1);
  });

  it('ends with PaginationError when has_more is true on an empty page', async () => {
    server.fault({ status: 200, body: { data: [], has_more: true } });
    await expect(collect(client.charges.list())).rejects.toBeInstanceOf(PaginationError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('has_more previous page', () => {
  it('goes back with ending_before = first id, and forward again from a backwards walk', async () => {
    const page = await client.charges.list({ limit: 10, starting_after: 'w_050' });
    expect(page.hasPreviousPage()).toBe(true);
    const previous = await page.getPreviousPage();
    expect(previous.data.map((item) => item.id)).toEqual(allIds().slice(40, 50));
    expect(server.requests.at(-1)?.query.get('ending_before')).toBe('w_051');
    expect(server.requests.at(-1)?.query.has('starting_after')).toBe(false);
    const forward = await previous.getPreviousPage();
    expect(forward.data[0]?.id).toBe('w_051');
    expect((await client.charges.list({ limit: 10 })).hasPreviousPage()).toBe(false);
  });
});

describe('malformed list bodies', () => {
  it('rejects with PaginationError when the items path holds no array', async () => {
    server.fault({ status: 200, body: { data: 'nope', has_more: false } });
    await expect(client.charges.list()).rejects.toThrow(/Expected an array of items at "data"/);
  });
});

describe('page_number (bare array)', () => {
  it('stops on the short last page: ceil(n/size) requests', async () => {
    const items = await collect(client.disputes.list({ perPage: 50 }));
    expect(items.map((item) => item.id)).toEqual(allIds());
    expect(server.requests.map((r) => r.query.get('page'))).toEqual([null, '2', '3', '4', '5', '6', '7']);
  });

  it('needs one empty page when the size divides n (no count to know better)', async () => {
    const items = await collect(client.disputes.list({ perPage: 40 }));
    expect(items).toHaveLength(ITEM_COUNT);
    expect(server.requests).toHaveLength(9);
  });

  it('uses defaultSize when the caller sets none, and goes back a page', async () => {
    const items = await collect(client.disputes.list());
    expect(items).toHaveLength(ITEM_COUNT);
    expect(server.requests).toHaveLength(Math.ceil(ITEM_COUNT / 25));
    const page = await client.disputes.list({ page: 3 });
    expect(page.hasPreviousPage()).toBe(true);
    expect((await page.getPreviousPage()).data[0]?.id).toBe('w_026');
  });
});

describe('offset', () => {
  it('uses total to stop without an extra request', async () => {
    const items = await collect(client.events.list({ limit: 80 }));
    expect(items.map((item) => item.id)).toEqual(allIds());
    expect(server.requests.map((r) => r.query.get('offset'))).toEqual([null, '80', '160', '240']);
  });

  it('without total, stops on a short page', async () => {
    const items = await collect(client.events.listUntotaled({ limit: 100 }));
    expect(items).toHaveLength(ITEM_COUNT);
    expect(server.requests).toHaveLength(4);
    const page = await client.events.listUntotaled({ offset: 100, limit: 30 });
    expect((await page.getPreviousPage()).data[0]?.id).toBe('w_071');
  });
});

describe('link_header', () => {
  it('follows rel="next" until it disappears', async () => {
    const items = await collect(client.logs.list({ per_page: 100 }));
    expect(items.map((item) => item.id)).toEqual(allIds());
    expect(server.requests).toHaveLength(4);
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer sk-test-pagination')).toBe(true);
    const page = await client.logs.list({ page: 2, per_page: 100 });
    expect((await page.getPreviousPage()).data[0]?.id).toBe('w_001');
  });

  it('refuses a next link to another origin and sends nothing there', async () => {
    const page = await client.logs.list({ per_page: 100, foreign: true });
    expect(page.hasNextPage()).toBe(true);
    await expect(page.getNextPage()).rejects.toThrow(/another origin/);
    expect(server.requests).toHaveLength(1);
  });

  it('ends with PaginationError on a repeated next URL', async () => {
    const next = {
      status: 200,
      body: [{ id: 'a' }],
      headers: { link: `<${server.url}/logs?page=2>; rel="next"`, 'content-type': 'application/json' },
    };
    server.fault(next, next, next);
    await expect(collect(client.logs.list())).rejects.toThrow(/seen before/);
    expect(server.requests).toHaveLength(2);
  });
});

describe('PagePromise', () => {
  it('supports withResponse and asResponse', async () => {
    const { data, response } = await client.widgets.list({ first: 3 }).withResponse();
    expect(data.data).toHaveLength(3);
    expect(response.headers.get('content-type')).toContain('json');
    const raw = await client.widgets.list({ first: 3 }).asResponse();
    expect(((await raw.json()) as { data: unknown[] }).data).toHaveLength(3);
  });

  it('iterating pages with break stops requesting', async () => {
    let seen = 0;
    for await (const item of client.widgets.list({ first: 10 })) {
      seen += 1;
      if (item.id === 'w_015') break;
    }
    expect(seen).toBe(15);
    expect(server.requests).toHaveLength(2);
  });
});
