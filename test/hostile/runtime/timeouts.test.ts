// Time limits: `timeout` covers the whole attempt (the credential function, the headers and the body), the caller's
// signal is honoured until the body is read, and the numeric options are checked before anything is sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  NotFoundError,
  SDKError,
} from '../../../templates/runtime/errors.js';
import { MAX_TIMEOUT_MS } from '../../../templates/runtime/internal/options.js';
import { clientFor, rejection, SCHEMES, startLoopback, type Handler, type Loopback } from './loopback.js';

let api: Loopback;
const timers: NodeJS.Timeout[] = [];

beforeAll(async () => {
  api = await startLoopback();
});
afterAll(() => api.stop());
beforeEach(() => {
  api.reset();
  timers.splice(0).forEach(clearInterval);
});

/** Headers at once, then the body one byte per `everyMs` (never ending unless `total` is given). */
function drip(status: number, everyMs: number, total = Infinity): Handler {
  return (_, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.write('"');
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      if (++sent >= total) {
        clearInterval(timer);
        res.end('"');
      } else res.write('x');
    }, everyMs);
    timers.push(timer);
  };
}

const client = (options: Record<string, unknown> = {}) => clientFor(api, SCHEMES.bearer, options);
const elapsed = async (work: () => Promise<unknown>) => {
  const started = Date.now();
  const outcome: { value?: unknown; error?: Error } = await work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error as Error }),
  );
  return { ...outcome, ms: Date.now() - started };
};

describe('the timeout covers the body', () => {
  it('a body that drips 1 byte/s fails at `timeout`, not when it ends', async () => {
    api.handle(drip(200, 1000));
    const { error, ms } = await elapsed(() =>
      client({ timeout: 1500 }).request({ method: 'get', path: '/slow' }),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error?.message).toBe('Request timed out after 1500 ms.');
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(2500);
  });

  it('also when the caller reads the body of asResponse() itself', async () => {
    api.handle(drip(200, 200));
    const response = await client({ timeout: 600 }).request({ method: 'get', path: '/slow' }).asResponse();
    const { error, ms } = await elapsed(() => response.text());
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(ms).toBeLessThan(900);
  });

  it('a dripping error body ends at `timeout` with the status error and what arrived', async () => {
    api.handle(drip(404, 100));
    const { error, ms } = await elapsed(() =>
      client({ timeout: 700 }).request({ method: 'get', path: '/gone' }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).bodyLength).toBeGreaterThan(2);
    expect(ms).toBeLessThan(1500);
  });

  it('a connection lost midway through the body is an APIConnectionError, and not retried', async () => {
    api.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":');
      setTimeout(() => res.destroy(), 50);
    });
    const error = await rejection(client({ maxRetries: 2 }).request({ method: 'get', path: '/cut' }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toBe('Connection lost while reading the response body.');
    expect(api.requests).toHaveLength(1);
  });

  it('a slow body that finishes in time is returned whole', async () => {
    api.handle(drip(200, 50, 6));
    const value = await client({ timeout: 1000 }).request({ method: 'get', path: '/ok' });
    expect(value).toBe('xxxxx');
  });
});

describe("the caller's signal is honoured until the body is read", () => {
  it('aborting while the body streams rejects with APIUserAbortError at once', async () => {
    api.handle(drip(200, 100));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const { error, ms } = await elapsed(() =>
      client({ timeout: 10_000 }).request({ method: 'get', path: '/slow' }, { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(ms).toBeLessThan(800);
  });

  it('an abort during the credential function wins over it', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const never = () => new Promise<string>(() => undefined);
    const { error, ms } = await elapsed(() =>
      client({ apiKey: never, timeout: 5000 }).request(
        { method: 'get', path: '/x', security: [['s']] },
        { signal: controller.signal },
      ),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(ms).toBeLessThan(1000);
    expect(api.requests).toHaveLength(0);
  });
});

describe('the credential function runs under the timeout', () => {
  it('one that never settles fails at `timeout`, naming the option, and sends nothing', async () => {
    const never = () => new Promise<string>(() => undefined);
    const { error, ms } = await elapsed(() =>
      client({ apiKey: never, timeout: 300, maxRetries: 3 }).request({
        method: 'get',
        path: '/x',
        security: [['s']],
      }),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error?.message).toBe('Acme: the `apiKey` credential function did not settle within 300 ms.');
    expect(ms).toBeLessThan(800);
    expect(api.requests).toHaveLength(0);
  });
});

describe('timeout and maxRetries are validated', () => {
  it.each([Infinity, -1, 0, Number.NaN, MAX_TIMEOUT_MS + 1, 2 ** 32])(
    'timeout %s at construction',
    (timeout) => {
      expect(() => client({ timeout })).toThrow(SDKError);
      expect(() => client({ timeout })).toThrow(
        /^Acme: the `timeout` option must be a number from 1 to 2147483647 ms/,
      );
    },
  );

  it.each([Number.NaN, -1, 1.5, Infinity, 1e6])('maxRetries %s at construction', (maxRetries) => {
    expect(() => client({ maxRetries })).toThrow(
      /^Acme: the `maxRetries` option must be an integer from 0 to 100/,
    );
  });

  it('per request: rejects before sending, naming the option', async () => {
    const error = await rejection(client().request({ method: 'get', path: '/x' }, { timeout: Infinity }));
    expect(error).toBeInstanceOf(SDKError);
    expect(error.message).toContain('`timeout`');
    const retries = await rejection(
      client().request({ method: 'get', path: '/x' }, { maxRetries: Number.NaN }),
    );
    expect(retries.message).toContain('`maxRetries`');
    expect(api.requests).toHaveLength(0);
  });

  it('the largest timeout (2^31-1 ms) works instead of failing after a few ms', async () => {
    api.handle((_, res) => void setTimeout(() => res.writeHead(200).end('late'), 100));
    await expect(
      client({ timeout: MAX_TIMEOUT_MS }).request({ method: 'get', path: '/x' }, { timeout: MAX_TIMEOUT_MS }),
    ).resolves.toBe('late');
  });
});
