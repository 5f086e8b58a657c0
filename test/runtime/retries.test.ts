import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
} from '../../templates/runtime/errors.js';
import { RETRY_COUNT_HEADER } from '../../templates/runtime/internal/transport.js';
import { Acme } from '../support/acme-client.js';
import { startFakeAPIServer, type FakeAPIServer } from '../support/fake-api-server.js';

let server: FakeAPIServer;
let client: Acme;

beforeAll(async () => {
  server = await startFakeAPIServer();
  client = new Acme({ apiKey: 'sk-test-retries', baseURL: server.url, timeout: 300 });
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

/** Gaps between consecutive recorded requests, in ms. */
const gaps = () =>
  server.requests.slice(1).map((request, index) => request.at - (server.requests[index]?.at ?? 0));

describe('retries', () => {
  it('retries 500 then 503 and succeeds on the third attempt, counting retries in a header', async () => {
    server.fault(
      { status: 500, headers: { 'retry-after-ms': '10' } },
      { status: 503, headers: { 'retry-after-ms': '10' } },
    );
    const widget = await client.widgets.retrieve('w_001');
    expect(widget.id).toBe('w_001');
    expect(server.requests.map((r) => r.headers[RETRY_COUNT_HEADER])).toEqual(['0', '1', '2']);
  });

  it('gives up after maxRetries (default 2) with the status error class', async () => {
    const failing = { status: 500, headers: { 'retry-after-ms': '5' }, body: { error: { message: 'boom' } } };
    server.fault(failing, failing, failing, failing);
    await expect(client.widgets.retrieve('w_001')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('honours a per-request maxRetries', async () => {
    const failing = { status: 503, headers: { 'retry-after-ms': '5' } };
    server.fault(failing, failing, failing, failing, failing, failing);
    await expect(client.widgets.retrieve('w_001', { maxRetries: 4 })).rejects.toThrow(
      /^503 Service Unavailable$/,
    );
    expect(server.requests).toHaveLength(5);
    server.reset();
    server.fault(failing);
    await expect(client.widgets.retrieve('w_001', { maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('waits retry-after-ms on 429', async () => {
    server.fault({ status: 429, headers: { 'retry-after-ms': '150' } });
    await client.widgets.retrieve('w_001');
    expect(server.requests).toHaveLength(2);
    expect(gaps()[0]).toBeGreaterThanOrEqual(140);
    expect(gaps()[0]).toBeLessThan(600);
  });

  it('waits Retry-After seconds', async () => {
    server.fault({ status: 429, headers: { 'retry-after': '1' } });
    await client.widgets.retrieve('w_001');
    expect(gaps()[0]).toBeGreaterThanOrEqual(990);
    expect(gaps()[0]).toBeLessThan(1500);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const date = new Date(Date.now() + 2000).toUTCString();
    server.fault({ status: 503, headers: { 'retry-after': date } });
    await client.widgets.retrieve('w_001');
    // HTTP dates have 1 s resolution: the wait is 1-2 s.
    expect(gaps()[0]).toBeGreaterThanOrEqual(900);
    expect(gaps()[0]).toBeLessThan(2300);
  });

  it('ignores a Retry-After above the 60 s cap and falls back to backoff (0.5 s * 2^n, -25% jitter)', async () => {
    server.fault({ status: 429, headers: { 'retry-after': '3600' } });
    await client.widgets.retrieve('w_001');
    expect(gaps()[0]).toBeGreaterThanOrEqual(370);
    expect(gaps()[0]).toBeLessThan(900);
  });

  it('obeys x-should-retry: false on a retryable status and x-should-retry: true on a final one', async () => {
    server.fault({ status: 503, headers: { 'x-should-retry': 'false' } });
    await expect(client.widgets.retrieve('w_001')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.fault({ status: 400, headers: { 'x-should-retry': 'true', 'retry-after-ms': '5' } });
    await expect(client.widgets.retrieve('w_001')).resolves.toMatchObject({ id: 'w_001' });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry 400/404', async () => {
    await expect(client.widgets.retrieve('nope')).rejects.toMatchObject({ status: 404 });
    expect(server.requests).toHaveLength(1);
  });

  it('ends in RateLimitError after exhausting retries on 429', async () => {
    const limited = { status: 429, headers: { 'retry-after-ms': '5' }, body: { message: 'slow down' } };
    server.fault(limited, limited, limited);
    await expect(client.widgets.retrieve('w_001')).rejects.toThrow(RateLimitError);
    expect(server.requests).toHaveLength(3);
  });
});

describe('connection failures and timeouts', () => {
  it('retries a reset connection and succeeds', async () => {
    server.fault({ reset: true });
    await expect(client.widgets.retrieve('w_002')).resolves.toMatchObject({ id: 'w_002' });
    expect(server.requests).toHaveLength(2);
  });

  it('throws APIConnectionError after repeated resets', async () => {
    server.fault({ reset: true }, { reset: true }, { reset: true });
    const error = await client.widgets.retrieve('w_002', { maxRetries: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it('times out a slow attempt, retries it, and succeeds', async () => {
    server.fault({ delayMs: 800 });
    const started = Date.now();
    await expect(client.widgets.retrieve('w_003')).resolves.toMatchObject({ id: 'w_003' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.requests).toHaveLength(2);
  });

  it('throws APIConnectionTimeoutError when every attempt is too slow', async () => {
    server.fault({ delayMs: 800 }, { delayMs: 800 });
    await expect(client.widgets.retrieve('w_003', { maxRetries: 1, timeout: 100 })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('a user abort rejects with APIUserAbortError and is not retried', async () => {
    server.fault({ delayMs: 500 }, { delayMs: 500 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.widgets.retrieve('w_004', { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
  });

  it('a user abort during the backoff wait stops retrying', async () => {
    server.fault({ status: 503, headers: { 'retry-after-ms': '2000' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(client.widgets.retrieve('w_004', { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('idempotency', () => {
  it('keeps one generated idempotency key across the retries of a POST', async () => {
    server.fault({ status: 500, headers: { 'retry-after-ms': '5' } }, { reset: true });
    await expect(client.widgets.create({ name: 'n' })).resolves.toMatchObject({ id: 'w_new', name: 'n' });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^sdkgen-[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(server.requests.every((r) => r.body === '{"name":"n"}')).toBe(true);
  });

  it('uses a fresh key per call, the idempotencyKey option when given, and none on GET', async () => {
    await client.widgets.create({ name: 'a' });
    await client.widgets.create({ name: 'b' }, { idempotencyKey: 'my-key' });
    await client.widgets.retrieve('w_001');
    const [first, second, get] = server.requests;
    expect(first?.headers['idempotency-key']).toBeTruthy();
    expect(second?.headers['idempotency-key']).toBe('my-key');
    expect(get?.headers['idempotency-key']).toBeUndefined();
  });
});
