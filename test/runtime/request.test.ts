import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIPromise } from '../../templates/runtime/api-promise.js';
import { SDKError } from '../../templates/runtime/errors.js';
import { path } from '../../templates/runtime/internal/path.js';
import { formBody } from '../../templates/runtime/internal/form.js';
import { multipartBody } from '../../templates/runtime/internal/multipart.js';
import { stringifyQuery } from '../../templates/runtime/internal/query.js';
import { binaryBody, textBody } from '../../templates/runtime/internal/raw-body.js';
import type { RequestSpec } from '../../templates/runtime/request-options.js';
import { Acme, RawClient } from '../support/acme-client.js';
import { startFakeAPIServer, type FakeAPIServer } from '../support/fake-api-server.js';

let server: FakeAPIServer;
let client: Acme;

beforeAll(async () => {
  server = await startFakeAPIServer();
  client = new Acme({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

describe('path', () => {
  it('percent-encodes values so they cannot add segments, queries or fragments', async () => {
    expect(path`/widgets/${'a/b?x=1#frag'}/parts/${42}`).toBe('/widgets/a%2Fb%3Fx%3D1%23frag/parts/42');
    await client.request({ method: 'get', path: path`/echo/${'a/b?x#y'}` });
    expect(server.requests[0]?.url).toBe('/echo/a%2Fb%3Fx%23y');
    expect(server.requests[0]?.query.size).toBe(0);
  });

  it.each(['', '.', '..', null, undefined])('rejects %j', (value) => {
    expect(() => path`/widgets/${value}`).toThrow(SDKError);
  });

  it('keeps an encoded-looking value literal', () => {
    expect(path`/w/${'%2e%2e'}`).toBe('/w/%252e%252e');
  });
});

describe('query serialization', () => {
  const params = { statuses: ['a', 'b'], q: 'x y&z', n: 0, ok: false, skip: undefined, none: null };
  it.each([
    ['brackets', 'statuses[]=a&statuses[]=b'],
    ['repeat', 'statuses=a&statuses=b'],
    ['comma', 'statuses=a,b'],
    ['indices', 'statuses[0]=a&statuses[1]=b'],
  ] as const)('%s', (arrays, expected) => {
    expect(stringifyQuery(params, arrays)).toBe(`${expected}&q=x%20y%26z&n=0&ok=false`);
  });

  it('writes Dates as ISO strings, nested objects as a[b]=c, and drops nulls inside arrays', () => {
    const created = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(
      stringifyQuery({ created, filter: { owner: { id: 7 }, tag: null }, ids: [1, null, 2] }, 'brackets'),
    ).toBe('created=2024-01-02T03%3A04%3A05.000Z&filter[owner][id]=7&ids[]=1&ids[]=2');
  });

  it('reaches the server in the configured format, merged with defaultQuery and per-request query', async () => {
    const raw = new RawClient(
      { queryFormat: { arrays: 'repeat' } },
      { baseURL: server.url, defaultQuery: { v: '1', lang: 'en' } },
    );
    await raw.request(
      { method: 'get', path: '/echo', query: { statuses: ['open', 'closed'], lang: 'de' } },
      { query: { extra: true } },
    );
    const query = server.requests[0]?.query;
    expect(query?.getAll('statuses')).toEqual(['open', 'closed']);
    expect(query?.get('lang')).toBe('de');
    expect(query?.get('v')).toBe('1');
    expect(query?.get('extra')).toBe('true');
  });
});

describe('headers and bodies', () => {
  it('merges default, operation and per-request headers; null removes, undefined operation headers are dropped', async () => {
    const raw = new RawClient(
      {},
      { baseURL: server.url, defaultHeaders: { 'x-team': 'red', 'x-gone': 'soon' } },
    );
    await raw.request(
      { method: 'get', path: '/echo', headers: { 'X-Trace': undefined, 'X-Op': 3, 'X-Null': null } },
      { headers: { 'x-gone': null, 'x-team': 'blue' } },
    );
    const headers = server.requests[0]?.headers ?? {};
    expect(headers['x-team']).toBe('blue');
    expect(headers['x-op']).toBe('3');
    expect('x-gone' in headers || 'x-trace' in headers || 'x-null' in headers).toBe(false);
    expect(headers.accept).toBe('application/json');
  });

  it('encodes json, form, text, binary and multipart bodies', async () => {
    const send = (spec: Partial<RequestSpec>) => client.request({ method: 'post', path: '/echo', ...spec });
    await send({ body: { a: [1] } });
    await send({ content: () => formBody({ a: ['x', 'y'], b: 'c d' }, { a: { style: 'deepObject' } }) });
    await send({ content: () => textBody('hello', 'text/plain') });
    await send({
      content: () => binaryBody(new Blob([new Uint8Array([1, 2, 3])]), 'application/octet-stream'),
    });
    await send({
      content: () =>
        multipartBody({
          file: new File(['data!'], 'notes.txt', { type: 'text/plain' }),
          meta: { k: 1 },
          tag: 'x',
        }),
    });
    const [json, form, text, binary, multipart] = server.requests;
    expect([json?.headers['content-type'], json?.body]).toEqual(['application/json', '{"a":[1]}']);
    expect([form?.headers['content-type'], form?.body]).toEqual([
      'application/x-www-form-urlencoded',
      'a[]=x&a[]=y&b=c%20d',
    ]);
    expect([text?.headers['content-type'], text?.body]).toEqual(['text/plain; charset=utf-8', 'hello']);
    expect([binary?.headers['content-type'], binary?.body]).toEqual([
      'application/octet-stream',
      '\x01\x02\x03',
    ]);
    expect(multipart?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart?.body).toContain('filename="notes.txt"');
    expect(multipart?.body).toContain('data!');
    expect(multipart?.body).toContain('{"k":1}');
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const raw = new RawClient(
      {},
      {
        baseURL: server.url,
        fetch: (input: RequestInfo | URL, init?: RequestInit) => {
          seen.push(`${init?.method} ${String(input)}`);
          return fetch(input, init);
        },
      },
    );
    await raw.request({ method: 'patch', path: '/echo' });
    expect(seen).toEqual([`PATCH ${server.url}/echo`]);
    expect(server.requests[0]?.method).toBe('PATCH');
  });
});

describe('responses', () => {
  it('decodes JSON, text, binary as Blob, and 204 as undefined', async () => {
    expect(await client.widgets.retrieve('w_007')).toEqual({ id: 'w_007', name: 'Widget 7', index: 6 });
    expect(await client.request({ method: 'get', path: '/text' })).toBe('plain words');
    const blob = await client.request<Blob>({ method: 'get', path: '/binary' });
    expect(blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await blob.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0, 1]));
    expect(await client.widgets.delete('w_001')).toBeUndefined();
  });
});

describe('APIPromise', () => {
  it('sends eagerly, without being awaited', async () => {
    const pending = client.widgets.retrieve('w_001');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
    expect(pending).toBeInstanceOf(APIPromise);
    expect(Object.prototype.toString.call(pending)).toBe('[object APIPromise]');
    await pending;
    expect(server.requests).toHaveLength(1);
  });

  it('withResponse gives data and response; asResponse gives an unread response', async () => {
    const { data, response } = await client.widgets.retrieve('w_002').withResponse();
    expect(data.id).toBe('w_002');
    expect(response.status).toBe(200);
    const raw = await client.widgets.retrieve('w_003').asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(((await raw.json()) as { id: string }).id).toBe('w_003');
  });

  it('supports catch and finally', async () => {
    let finished = false;
    const status = await client.widgets
      .retrieve('missing')
      .catch((error: unknown) => (error as { status: number }).status)
      .finally(() => (finished = true));
    expect(status).toBe(404);
    expect(finished).toBe(true);
  });

  it('applies a per-request timeout', async () => {
    server.fault({ delayMs: 400 });
    const started = Date.now();
    await expect(client.widgets.retrieve('w_001', { timeout: 50 })).rejects.toThrow(/timed out after 50 ms/);
    expect(Date.now() - started).toBeLessThan(350);
  });
});
