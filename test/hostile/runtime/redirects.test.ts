// Redirects: a server (or whoever controls its Location header) must not be able to send the client's credential
// or a request body to another origin. Two loopback servers on two ports are two origins.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SDKError } from '../../../templates/runtime/errors.js';
import {
  clientFor,
  json,
  rejection,
  SCHEMES,
  SECRET,
  startLoopback,
  surface,
  type Loopback,
} from './loopback.js';

let api: Loopback;
let other: Loopback;

beforeAll(async () => {
  [api, other] = await Promise.all([startLoopback(), startLoopback()]);
});
afterAll(() => Promise.all([api.stop(), other.stop()]));
beforeEach(() => {
  api.reset();
  other.reset();
});

/** The api server answers every request with a redirect to `target` (a path or a URL). */
const redirectTo = (target: () => string, status = 302) =>
  api.handle((_, res) => void res.writeHead(status, { location: target() }).end());

describe('a redirect to another origin carries no credential', () => {
  const credentialIn = {
    bearer: (r: Loopback) => r.requests[0]?.headers.authorization,
    basic: (r: Loopback) => r.requests[0]?.headers.authorization,
    header: (r: Loopback) => r.requests[0]?.headers['x-api-key'],
    query: (r: Loopback) => r.requests[0]?.query.get('api_key') ?? undefined,
    cookie: (r: Loopback) => r.requests[0]?.headers.cookie,
  };
  for (const kind of Object.keys(credentialIn) as (keyof typeof credentialIn)[]) {
    it(`${kind}: sent to the API, removed before the other origin sees the request`, async () => {
      redirectTo(() => `${other.url}/landing`);
      const result = await clientFor(api, SCHEMES[kind]).request<{ url: string }>({
        method: 'get',
        path: '/start',
        security: [['s']],
      });
      expect(result.url).toBe('/landing');
      expect(credentialIn[kind](api)).toBeDefined();
      expect(other.requests).toHaveLength(1);
      expect(credentialIn[kind](other)).toBeUndefined();
      expect(JSON.stringify(other.requests[0]?.headers)).not.toContain(SECRET.slice(0, 12));
    });
  }

  it('removes the apiKey query parameter even when the Location header repeats it', async () => {
    redirectTo(
      () =>
        `${other.url}/landing?api_key=${encodeURIComponent(SECRET)}&copy=${encodeURIComponent(SECRET)}&keep=1`,
    );
    await clientFor(api, SCHEMES.query).request({ method: 'get', path: '/start', security: [['s']] });
    expect(other.requests[0]?.url).toBe('/landing?keep=1');
  });

  it('removes Authorization and Cookie headers the caller set, not only the ones the client added', async () => {
    redirectTo(() => `${other.url}/landing`);
    const client = clientFor(api, SCHEMES.bearer, {
      defaultHeaders: { authorization: 'Bearer user-set', cookie: 'sid=1', 'x-trace': 'kept' },
    });
    await client.request({ method: 'get', path: '/start' });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer user-set');
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers.cookie).toBeUndefined();
    expect(other.requests[0]?.headers['x-trace']).toBe('kept');
  });

  it('keeps the credential stripped when a later hop returns to the API origin', async () => {
    redirectTo(() => `${other.url}/bounce`);
    other.handle((_, res) => void res.writeHead(302, { location: `${api.url}/back` }).end());
    const client = clientFor(api, SCHEMES.header);
    let calls = 0;
    api.handle((req, res) => {
      calls += 1;
      if (calls === 1) return void res.writeHead(302, { location: `${other.url}/bounce` }).end();
      json(res, 200, req);
    });
    const back = await client.request<{ headers: Record<string, string> }>({
      method: 'get',
      path: '/start',
      security: [['s']],
    });
    expect(back.headers['x-api-key']).toBeUndefined();
    expect(api.requests.map((r) => r.url)).toEqual(['/start', '/back']);
  });
});

describe('a redirect that would replay a body to another origin is not followed', () => {
  for (const [status, method] of [
    [307, 'post'],
    [308, 'put'],
    [302, 'patch'],
  ] as const) {
    it(`${status} after ${method.toUpperCase()}: SDKError saying why, nothing reaches the other origin`, async () => {
      redirectTo(() => `${other.url}/steal`, status);
      const error = await rejection(
        clientFor(api, SCHEMES.bearer).request({
          method,
          path: '/items',
          body: { card: '4242' },
          security: [['s']],
        }),
      );
      expect(error).toBeInstanceOf(SDKError);
      expect(error.message).toContain(`${status} redirect`);
      expect(error.message).toContain('would send the request body to another origin');
      expect(error.message).toContain(other.url);
      expect(surface(error)).not.toContain(SECRET);
      expect(other.requests).toHaveLength(0);
      expect(api.requests).toHaveLength(1);
    });
  }

  it('303 after POST is followed as a GET without the body, its content type or the credential', async () => {
    redirectTo(() => `${other.url}/result`, 303);
    const result = await clientFor(api, SCHEMES.bearer).request<{ method: string; body: string }>({
      method: 'post',
      path: '/items',
      body: { card: '4242' },
      security: [['s']],
    });
    expect(result).toMatchObject({ method: 'GET', body: '' });
    expect(other.requests[0]?.headers['content-type']).toBeUndefined();
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('same-origin redirects keep working', () => {
  it('302 keeps the credential and the query', async () => {
    api.handle((req, res) =>
      req.url.startsWith('/old')
        ? void res.writeHead(302, { location: '/new?x=1' }).end()
        : json(res, 200, req),
    );
    const result = await clientFor(api, SCHEMES.header).request<{
      url: string;
      headers: Record<string, string>;
    }>({
      method: 'get',
      path: '/old',
      security: [['s']],
    });
    expect(result.url).toBe('/new?x=1');
    expect(result.headers['x-api-key']).toBe(SECRET);
  });

  it('307 replays the method and the body to the same origin', async () => {
    api.handle((req, res) =>
      req.url === '/v1/items'
        ? void res.writeHead(307, { location: '/v2/items' }).end()
        : json(res, 201, req),
    );
    const result = await clientFor(api, SCHEMES.bearer).request<{
      method: string;
      url: string;
      body: string;
    }>({
      method: 'post',
      path: '/v1/items',
      body: { a: 1 },
      security: [['s']],
    });
    expect(result).toMatchObject({ method: 'POST', url: '/v2/items', body: '{"a":1}' });
    expect(api.requests[1]?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });
});

describe('redirects that lead nowhere', () => {
  it('a redirect loop stops after 20 hops with an SDKError, without retrying', async () => {
    redirectTo(() => '/again');
    const error = await rejection(
      clientFor(api, SCHEMES.bearer, { maxRetries: 2 }).request({ method: 'get', path: '/again' }),
    );
    expect(error).toBeInstanceOf(SDKError);
    expect(error.message).toMatch(/^Stopped after 20 redirects/);
    expect(api.requests).toHaveLength(21);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'http://[::1', 'http://user:pw@127.0.0.1:9/'])(
    'a Location of %s is refused',
    async (location) => {
      redirectTo(() => location);
      const error = await rejection(
        clientFor(api, SCHEMES.bearer).request({ method: 'get', path: '/start' }),
      );
      expect(error).toBeInstanceOf(SDKError);
      expect(error.message).toMatch(
        /to a (file|javascript|http): URL or one with a user name\.$|to an invalid URL/,
      );
      expect(api.requests).toHaveLength(1);
    },
  );
});

describe('browsers, where a redirect is opaque', () => {
  /** What a browser's fetch gives for `redirect: 'manual'`: no status, no Location. */
  function browserFetch(seen: RequestInit[]): typeof fetch {
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init ?? {});
      if (init?.redirect === 'manual') {
        return {
          type: 'opaqueredirect',
          status: 0,
          ok: false,
          headers: new Headers(),
          body: null,
          url: '',
        } as Response;
      }
      return fetch(input, init);
    }) as typeof fetch;
  }

  it('a credentialed request is not followed blind', async () => {
    const seen: RequestInit[] = [];
    const error = await rejection(
      clientFor(api, SCHEMES.header, { fetch: browserFetch(seen) }).request({
        method: 'get',
        path: '/x',
        security: [['s']],
      }),
    );
    expect(error).toBeInstanceOf(SDKError);
    expect(error.message).toMatch(
      /^Not following the redirect of GET http:\/\/127.0.0.1:\d+\/x: this runtime hides its target/,
    );
    expect(seen.map((init) => init.redirect)).toEqual(['manual']);
  });

  it('an anonymous POST is not re-sent: that would carry it out twice', async () => {
    const seen: RequestInit[] = [];
    const error = await rejection(
      clientFor(api, SCHEMES.header, { fetch: browserFetch(seen) }).request({
        method: 'post',
        path: '/orders',
      }),
    );
    expect(error.message).toContain('only a GET or HEAD without credentials is followed blind');
    expect(seen).toHaveLength(1);
  });

  it('an anonymous GET is re-sent with redirect: follow', async () => {
    const seen: RequestInit[] = [];
    const result = await clientFor(api, SCHEMES.header, { fetch: browserFetch(seen) }).request<{
      url: string;
    }>({
      method: 'get',
      path: '/public',
    });
    expect(result.url).toBe('/public');
    expect(seen.map((init) => init.redirect)).toEqual(['manual', 'follow']);
  });
});
