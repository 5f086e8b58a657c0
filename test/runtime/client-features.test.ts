import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BaseClient, type BaseClientOptions } from '../../templates/runtime/client.js';
import * as Errors from '../../templates/runtime/errors.js';
import { Acme, acmeConfig } from '../support/acme-client.js';
import { startFakeAPIServer, type FakeAPIServer } from '../support/fake-api-server.js';

/** Request options and client features, each against a real server on loopback. */
let server: FakeAPIServer;
let client: Acme;

/** The stand-in client, plus the document-level security that undocumented requests use. */
class Documented extends BaseClient {
  constructor(options: BaseClientOptions & { apiKey?: string }) {
    super({ ...acmeConfig, defaultSecurity: [['bearerAuth']] }, options);
  }
}

beforeAll(async () => {
  server = await startFakeAPIServer();
  client = new Acme({
    apiKey: 'k',
    baseURL: server.url,
    maxRetries: 0,
    defaultHeaders: { 'x-default': 'd' },
  });
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

const last = () => server.requests.at(-1)!;

describe('request options', () => {
  it('path replaces the operation path', async () => {
    await client.widgets.retrieve('w_001', { path: '/echo/replaced' });
    expect(last().path).toBe('/echo/replaced');
  });

  it('method replaces the operation method', async () => {
    await client.widgets.retrieve('w_001', { path: '/echo', method: 'put' });
    expect(last().method).toBe('PUT');
  });

  it('query is merged over the operation query', async () => {
    await client.widgets.list({ first: 2 }, { query: { first: 3, extra: 'x' } });
    expect(Object.fromEntries(last().query)).toMatchObject({ first: '3', extra: 'x' });
  });

  it('body replaces the operation body', async () => {
    const echoed = (await client.widgets.create(
      { name: 'a' },
      { path: '/echo', body: { name: 'b', more: 1 } },
    )) as unknown as { body: string };
    expect(JSON.parse(echoed.body)).toEqual({ name: 'b', more: 1 });
  });

  it('headers add and override, and null removes a header (a default one too)', async () => {
    await client.widgets.retrieve('w_001', {
      headers: { 'x-added': 'a', 'x-default': null, accept: 'text/plain' },
    });
    expect(last().headers['x-added']).toBe('a');
    expect(last().headers['x-default']).toBeUndefined();
    expect(last().headers.accept).toBe('text/plain');
    await client.widgets.retrieve('w_001');
    expect(last().headers['x-default']).toBe('d');
  });

  it('fetchOptions reach fetch, merged over the client ones, and never replace what the SDK sets', async () => {
    const inits: RequestInit[] = [];
    // Records the init, and forwards only what Node's fetch needs (the fake dispatcher would be refused).
    const spy: typeof fetch = (input, init) => (
      inits.push(init!),
      fetch(input, { method: init!.method!, headers: init!.headers!, signal: init!.signal! })
    );
    const withFetch = new Acme({
      apiKey: 'k',
      baseURL: server.url,
      maxRetries: 0,
      fetch: spy,
      fetchOptions: { keepalive: true, cache: 'no-store' },
    });
    await withFetch.widgets.retrieve('w_001', {
      fetchOptions: { cache: 'reload', dispatcher: 'my-proxy', method: 'DELETE' } as never,
    });
    expect(inits[0]).toMatchObject({
      keepalive: true,
      cache: 'reload',
      dispatcher: 'my-proxy',
      method: 'GET',
    });
    expect(last().method).toBe('GET');
  });

  it('signal: an aborted call rejects with APIUserAbortError and sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(client.widgets.retrieve('w_001', { signal: controller.signal })).rejects.toBeInstanceOf(
      Errors.APIUserAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('timeout: a slow answer becomes APIConnectionTimeoutError', async () => {
    server.fault({ delayMs: 400 });
    await expect(client.widgets.retrieve('w_001', { timeout: 50 })).rejects.toBeInstanceOf(
      Errors.APIConnectionTimeoutError,
    );
  });

  it('maxRetries: per call, over the client default', async () => {
    server.fault(
      { status: 503, headers: { 'retry-after-ms': '1' } },
      { status: 503, headers: { 'retry-after-ms': '1' } },
    );
    await expect(client.widgets.retrieve('w_001', { maxRetries: 2 })).resolves.toMatchObject({ id: 'w_001' });
    expect(server.requests).toHaveLength(3);
  });

  it('idempotencyKey is sent on every attempt of a non-GET call', async () => {
    await client.widgets.create({ name: 'a' }, { idempotencyKey: 'idem-1' });
    expect(last().headers['idempotency-key']).toBe('idem-1');
  });
});

describe('client features', () => {
  it('withOptions: a new client with some options replaced, credential kept, the original unchanged', async () => {
    const other = client.withOptions({ timeout: 1234, defaultHeaders: { 'x-other': 'o' } });
    expect(other).toBeInstanceOf(Acme);
    expect(other.timeout).toBe(1234);
    expect(client.timeout).not.toBe(1234);
    server.acceptTokens(['k']);
    await other.widgets.retrieve('w_001');
    expect(last().headers).toMatchObject({ 'x-other': 'o', authorization: 'Bearer k' });
  });

  it.each(['get', 'post', 'put', 'patch', 'delete'] as const)(
    'client.%s(path, options) sends an undocumented request with the client credential',
    async (method) => {
      server.acceptTokens(['secret-k']);
      const documented = new Documented({ apiKey: 'secret-k', baseURL: server.url, maxRetries: 0 });
      const echoed = await documented[method]<{ method: string; body: string }>('/echo/undocumented', {
        query: { q: 1 },
        ...(method === 'get' ? {} : { body: { a: 1 } }),
      });
      expect(echoed.method).toBe(method.toUpperCase());
      expect(last().url).toBe('/echo/undocumented?q=1');
      expect(last().headers.authorization).toBe('Bearer secret-k');
      if (method !== 'get') expect(JSON.parse(echoed.body)).toEqual({ a: 1 });
    },
  );

  it('sends User-Agent <Client>/JS <version>', async () => {
    await client.widgets.retrieve('w_001');
    expect(last().headers['user-agent']).toBe('Acme/JS 1.2.3');
  });

  it('sends the headers of <PREFIX>_CUSTOM_HEADERS, below defaultHeaders', async () => {
    process.env.ACME_CUSTOM_HEADERS = 'X-Gateway: one\nX-Default: from-env\nnot a header\n: empty';
    try {
      const custom = new Acme({
        apiKey: 'k',
        baseURL: server.url,
        maxRetries: 0,
        defaultHeaders: { 'x-default': 'd' },
      });
      await custom.widgets.retrieve('w_001');
    } finally {
      delete process.env.ACME_CUSTOM_HEADERS;
    }
    expect(last().headers).toMatchObject({ 'x-gateway': 'one', 'x-default': 'd' });
  });

  it('the request id is reachable from data (not enumerable) and from errors', async () => {
    server.fault({ status: 200, headers: { 'x-request-id': 'req_ok' }, body: { id: 'w_9' } });
    const data = (await client.widgets.retrieve('w_9')) as { id: string; _request_id?: string };
    expect(data._request_id).toBe('req_ok');
    expect(JSON.stringify(data)).toBe('{"id":"w_9"}');
    server.fault({ status: 404, headers: { 'request-id': 'req_err' }, body: { error: { message: 'gone' } } });
    const error = await client.widgets.retrieve('w_9').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Errors.NotFoundError);
    expect((error as Errors.NotFoundError).requestID).toBe('req_err');
  });

  it('APIConnectionError (and its timeout) is an APIError with no status', async () => {
    const refused = new Acme({ apiKey: 'k', baseURL: 'http://127.0.0.1:9', maxRetries: 0 });
    const error = await refused.widgets.retrieve('w_001').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Errors.APIConnectionError);
    expect(error).toBeInstanceOf(Errors.APIError);
    expect((error as Errors.APIError).status).toBeUndefined();
    expect(new Errors.APIConnectionTimeoutError()).toBeInstanceOf(Errors.APIError);
  });
});
