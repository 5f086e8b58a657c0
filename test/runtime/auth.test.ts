import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SecurityScheme } from '../../templates/runtime/client.js';
import {
  APIConnectionError,
  AuthenticationError,
  InvalidResponseError,
  MissingCredentialError,
  NotFoundError,
} from '../../templates/runtime/errors.js';
import { path } from '../../templates/runtime/internal/path.js';
import { Acme, RawClient, captureLogger } from '../support/acme-client.js';
import { startFakeAPIServer, type FakeAPIServer } from '../support/fake-api-server.js';
import {
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  basicAuth,
  bearerAuth,
} from '../../templates/runtime/internal/auth.js';

let server: FakeAPIServer;

beforeAll(async () => {
  server = await startFakeAPIServer();
});
afterAll(() => server.stop());
beforeEach(() => server.reset());
afterEach(() => {
  delete process.env['ACME_API_KEY'];
  delete process.env['ACME_BASE_URL'];
  delete process.env['ACME_LOG'];
});

const SECRET = 'sk-live-Sup3rS3cret/+=';
const schemes: Record<string, Record<string, SecurityScheme>> = {
  bearer: { s: bearerAuth() },
  basic: { s: basicAuth() },
  header: { s: apiKeyHeader('X-API-Key') },
  query: { s: apiKeyQuery('api_key') },
  cookie: { s: apiKeyCookie('session') },
};

function rawClient(kind: keyof typeof schemes, extra: Record<string, unknown> = {}) {
  return new RawClient(
    { securitySchemes: schemes[kind] },
    { apiKey: SECRET, baseURL: server.url, maxRetries: 0, ...extra },
  );
}

/** Everything an error exposes that could end up in a log or bug report. */
function errorSurface(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  return [
    e.message,
    e.stack,
    JSON.stringify(e),
    JSON.stringify((e as { error?: unknown }).error),
    String(e.cause),
  ].join('\n');
}

describe('credential placement', () => {
  it('bearer: Authorization: Bearer <credential>', async () => {
    await rawClient('bearer').request({ method: 'get', path: '/echo', security: [['s']] });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('basic: base64(credential + ":"), UTF-8 safe', async () => {
    const client = rawClient('basic', { apiKey: 'üser' });
    await client.request({ method: 'get', path: '/echo', security: [['s']] });
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('üser:', 'utf8').toString('base64')}`,
    );
  });

  it('apiKey in header, query and cookie', async () => {
    await rawClient('header').request({ method: 'get', path: '/echo', security: [['s']] });
    await rawClient('query').request({ method: 'get', path: '/echo', query: { a: 1 }, security: [['s']] });
    await rawClient('cookie').request({ method: 'get', path: '/echo', security: [['s']] });
    const [header, query, cookie] = server.requests;
    expect(header?.headers['x-api-key']).toBe(SECRET);
    expect(query?.query.get('api_key')).toBe(SECRET);
    expect(query?.query.get('a')).toBe('1');
    expect(cookie?.headers.cookie).toBe(`session=${encodeURIComponent(SECRET)}`);
  });

  it('sends no credential to an operation without security, and optional auth works without one', async () => {
    await rawClient('bearer').request({ method: 'get', path: '/echo' });
    await rawClient('bearer', { apiKey: undefined }).request({
      method: 'get',
      path: '/echo',
      security: [[], ['s']],
    });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
  });

  it('falls back to the env var, and reads it at request time', async () => {
    const client = new Acme({ baseURL: server.url });
    process.env['ACME_API_KEY'] = 'from-env';
    await client.widgets.retrieve('w_001');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer from-env');
  });

  it('takes the base URL from ACME_BASE_URL when no option is given', async () => {
    process.env['ACME_BASE_URL'] = `${server.url}/`;
    const client = new Acme({ apiKey: 'k' });
    expect(client.baseURL).toBe(server.url);
    await client.widgets.retrieve('w_001');
    expect(server.requests).toHaveLength(1);
    expect(new Acme({ apiKey: 'k', baseURL: 'http://x.test/v2/' }).baseURL).toBe('http://x.test/v2');
    delete process.env['ACME_BASE_URL'];
    expect(new Acme({ apiKey: 'k' }).baseURL).toBe('https://api.acme.test/v1');
  });

  it('a missing credential fails lazily, naming the option and the env var, without sending', async () => {
    const client = new Acme({ baseURL: server.url });
    const error = await client.widgets.retrieve('w_001').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error).toBeInstanceOf(Acme.SDKError);
    expect((error as Error).message).toContain('apiKey');
    expect((error as Error).message).toContain('ACME_API_KEY');
    expect(server.requests).toHaveLength(0);
  });
});

describe('credential functions and 401 refresh', () => {
  it('calls an async credential function per request', async () => {
    let calls = 0;
    const client = new Acme({ baseURL: server.url, apiKey: async () => `tok-${++calls}` });
    await client.widgets.retrieve('w_001');
    await client.widgets.retrieve('w_001');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('after a 401, calls the function exactly once more and retries once with the new token', async () => {
    server.acceptTokens(['tok-2']);
    let calls = 0;
    const client = new Acme({ baseURL: server.url, apiKey: () => `tok-${++calls}` });
    await expect(client.widgets.retrieve('w_005')).resolves.toMatchObject({ id: 'w_005' });
    expect(calls).toBe(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('gives up with AuthenticationError when the refreshed token is rejected too', async () => {
    server.acceptTokens(['never']);
    let calls = 0;
    const client = new Acme({ baseURL: server.url, apiKey: () => `tok-${++calls}` });
    await expect(client.widgets.retrieve('w_005')).rejects.toBeInstanceOf(AuthenticationError);
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 401 for a string credential', async () => {
    server.acceptTokens(['other']);
    const client = new Acme({ baseURL: server.url, apiKey: 'fixed' });
    await expect(client.widgets.retrieve('w_005')).rejects.toThrow(/^401 The access token expired\.$/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('no credential leaks', () => {
  for (const kind of Object.keys(schemes)) {
    it(`${kind}: a 404 body echoing the credential is scrubbed from the error and from debug logs`, async () => {
      const { lines, logger } = captureLogger();
      const client = rawClient(kind, { logLevel: 'debug', logger });
      const error = await client
        .request({ method: 'get', path: path`/widgets/${'missing'}`, security: [['s']] })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(NotFoundError);
      const surface = errorSurface(error);
      expect(surface).toContain('No widget missing for credentials');
      for (const form of [SECRET, encodeURIComponent(SECRET), Buffer.from(`${SECRET}:`).toString('base64')]) {
        expect(surface).not.toContain(form);
        expect(lines.join('\n')).not.toContain(form);
      }
      expect(lines.some((line) => line.startsWith('debug') && line.includes('/widgets/missing'))).toBe(true);
      expect(lines.join('\n')).toContain('***');
    });
  }

  it('redacts Authorization, cookies and the apiKey header by name, even for other values', async () => {
    const { lines, logger } = captureLogger();
    const client = rawClient('header', { logLevel: 'debug', logger });
    await client.request(
      { method: 'get', path: '/echo', security: [['s']] },
      { headers: { authorization: 'Bearer user-set-token', cookie: 'sid=cookie-secret' } },
    );
    const text = lines.join('\n');
    expect(text).not.toContain('user-set-token');
    expect(text).not.toContain('cookie-secret');
    expect(text).toMatch(/"x-api-key":"\*\*\*"/);
  });

  it('respects the log level and the ACME_LOG env var', async () => {
    const quiet = captureLogger();
    await rawClient('bearer', { logger: quiet.logger }).request({ method: 'get', path: '/echo' });
    expect(quiet.lines).toEqual([]);
    process.env['ACME_LOG'] = 'info';
    const info = captureLogger();
    await rawClient('bearer', { logger: info.logger }).request({ method: 'get', path: '/echo' });
    expect(info.lines).toHaveLength(1);
    expect(info.lines[0]).toMatch(/^info \[Acme\] GET http:\/\/127\.0\.0\.1:\d+\/echo -> 200/);
  });

  it('scrubs the credential from a malformed-JSON success body and from connection errors', async () => {
    server.fault({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: `{"token": "${SECRET}"`,
    });
    const invalid = await rawClient('query')
      .request({ method: 'get', path: '/echo', security: [['s']] })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(invalid).toBeInstanceOf(InvalidResponseError);
    expect((invalid as InvalidResponseError).bodySnippet).toContain('"token": "***"');
    expect(errorSurface(invalid)).not.toContain(SECRET);

    server.fault({ reset: true });
    const reset = await rawClient('query')
      .request({ method: 'get', path: '/echo', security: [['s']] })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(reset).toBeInstanceOf(APIConnectionError);
    expect(errorSurface(reset)).not.toContain(SECRET);
    expect(errorSurface(reset)).not.toContain(encodeURIComponent(SECRET));
  });

  it('keeps the credential out of the client when inspected or serialized', () => {
    const client = rawClient('bearer');
    expect(JSON.stringify({ ...client })).not.toContain(SECRET);
    expect(Object.values(client).map(String).join()).not.toContain(SECRET);
  });
});
