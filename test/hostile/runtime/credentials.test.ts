// Credentials and headers that HTTP cannot carry: an SDK error naming the option, never quoting the value (the
// TypeError of fetch's Headers quotes it), and nothing sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SDKError } from '../../../templates/runtime/errors.js';
import { clientFor, rejection, SCHEMES, startLoopback, surface, type Loopback } from './loopback.js';

let api: Loopback;

beforeAll(async () => {
  api = await startLoopback();
});
afterAll(() => api.stop());
beforeEach(() => api.reset());

const BAD = {
  'CR/LF': 'sk-live-1\r\nX-Injected: yes',
  'a lone LF': 'sk-live-2\nevil',
  NUL: 'sk-live-3\u0000',
  'a character above U+00FF': 'sk-live-4\u20ac',
};

describe('a credential that is not a valid header value', () => {
  for (const kind of ['bearer', 'header'] as const) {
    for (const [what, credential] of Object.entries(BAD)) {
      it(`${kind} with ${what}: SDKError naming \`apiKey\`, not the value`, async () => {
        const error = await rejection(
          clientFor(api, SCHEMES[kind], { apiKey: credential }).request({
            method: 'get',
            path: '/x',
            security: [['s']],
          }),
        );
        expect(error).toBeInstanceOf(SDKError);
        expect(error.message).toMatch(/^The `apiKey` credential is not a valid HTTP header value/);
        expect(surface(error)).not.toContain(credential.slice(0, 9));
        expect(api.requests).toHaveLength(0);
      });
    }
  }

  it('also when a credential function returns it', async () => {
    const error = await rejection(
      clientFor(api, SCHEMES.bearer, { apiKey: async () => BAD['CR/LF'] }).request({
        method: 'get',
        path: '/x',
        security: [['s']],
      }),
    );
    expect(error.message).toContain('`apiKey`');
    expect(surface(error)).not.toContain('sk-live-1');
  });

  it('query, cookie and Basic placements encode the value, so the same credential is sent safely', async () => {
    const credential = BAD['CR/LF'];
    for (const kind of ['query', 'cookie', 'basic'] as const) {
      await clientFor(api, SCHEMES[kind], { apiKey: credential }).request({
        method: 'get',
        path: '/x',
        security: [['s']],
      });
    }
    const [query, cookie, basic] = api.requests;
    expect(query?.query.get('api_key')).toBe(credential);
    expect(cookie?.headers.cookie).toBe(`session=${encodeURIComponent(credential)}`);
    expect(basic?.headers.authorization).toBe(`Basic ${Buffer.from(`${credential}:`).toString('base64')}`);
    expect(api.requests.every((r) => r.headers['x-injected'] === undefined)).toBe(true);
  });
});

describe('headers the caller sets', () => {
  it('a header value with CR/LF is an SDKError naming the header, not the value', async () => {
    const error = await rejection(
      clientFor(api, SCHEMES.bearer).request(
        { method: 'get', path: '/x' },
        { headers: { 'x-session': 'abc\r\nx: 1' } },
      ),
    );
    expect(error).toBeInstanceOf(SDKError);
    expect(error.message).toBe('The "x-session" header has a name or value HTTP headers cannot carry.');
    expect(api.requests).toHaveLength(0);
  });

  it('an invalid header name is an SDKError too', async () => {
    const client = clientFor(api, SCHEMES.bearer, { defaultHeaders: { 'bad name': 'v' } });
    await expect(client.request({ method: 'get', path: '/x' })).rejects.toThrow(/"bad name" header/);
  });
});
