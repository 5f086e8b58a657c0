import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BaseClient, type ClientConfig } from '../../templates/runtime/client.js';
import { PaginationError } from '../../templates/runtime/errors.js';
import { pageStyle } from '../support/page-styles.js';
import { requestPage } from '../../templates/runtime/pagination.js';

/** The `next_cursor` style (what Speakeasy and Fern extensions declare): the body names the next cursor. */
const TOTAL = 310;
const requests: string[] = [];
let url = '';
let server: ReturnType<typeof createServer>;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const start = Number(query.get('cursor') ?? 0);
    const stuck = query.get('stuck') === '1';
    const data = Array.from({ length: Math.min(25, TOTAL - start) }, (_, i) => ({ id: start + i }));
    const next = stuck ? 'same' : start + data.length < TOTAL ? String(start + data.length) : null;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ results: data, meta: { next } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config: ClientConfig = {
  clientName: 'Cur',
  version: '1',
  envPrefix: 'CUR',
  credential: { option: 'apiKey', env: 'CUR_API_KEY' },
  defaultBaseURL: '',
  securitySchemes: {},
  errorMessagePaths: [],
  queryFormat: { arrays: 'repeat' },
};
const spec = pageStyle({
  style: 'next_cursor',
  items: 'results',
  nextCursor: 'meta.next',
  cursorParam: 'cursor',
});

it('walks every item and stops when the next cursor is null: ceil(n / page) requests', async () => {
  const client = new BaseClient(config, { baseURL: url });
  requests.length = 0;
  const ids: number[] = [];
  for await (const item of requestPage<{ id: number }>(client, { method: 'get', path: '/things' }, spec))
    ids.push(item.id);
  expect(ids).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
  expect(requests).toHaveLength(Math.ceil(TOTAL / 25));
});

it('ends with PaginationError when the server repeats a cursor', async () => {
  const client = new BaseClient(config, { baseURL: url });
  requests.length = 0;
  const walk = async () => {
    for await (const _ of requestPage(
      client,
      { method: 'get', path: '/things', query: { stuck: '1' } },
      spec,
    ))
      void _;
  };
  await expect(walk()).rejects.toBeInstanceOf(PaginationError);
  expect(requests.length).toBeLessThanOrEqual(3);
});
