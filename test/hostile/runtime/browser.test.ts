// The runtime in a real browser (Debian's headless chromium): there `redirect: 'manual'` yields an opaque response
// that hides the target, so only a GET or HEAD without credentials is followed (re-sent with redirect: 'follow').
// Three loopback origins: the page, the API, and the other origin the API redirects to.
import { mkdtemp, rm } from 'node:fs/promises';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dumpDom, requireChromium, servePage } from '../../e2e/support/browser.js';
import { browserBundle } from '../../support/browser-bundle.js';
import { json, SECRET, startLoopback, type Handler, type Loopback } from './loopback.js';

let api: Loopback;
let other: Loopback;
let work: string;

/** CORS for a page on another loopback port, on every answer (redirects included) and for preflights. */
function cors(handler: Handler): Handler {
  return (request, response: http.ServerResponse) => {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
    response.setHeader(
      'access-control-allow-headers',
      request.headers['access-control-request-headers'] ?? '*',
    );
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    return handler(request, response);
  };
}

beforeAll(async () => {
  await requireChromium();
  [api, other] = await Promise.all([startLoopback(), startLoopback()]);
  work = await mkdtemp(path.join(tmpdir(), 'sdkgen-hostile-browser-'));
  api.handle(
    cors((request, response) => {
      if (request.url === '/plain') return json(response, 200, request);
      const status = request.url === '/away-307' ? 307 : 302;
      response.writeHead(status, { location: `${other.url}/landing` }).end();
    }),
  );
  other.handle(cors((request, response) => json(response, 200, request)));
});
afterAll(async () => {
  await Promise.all([api?.stop(), other?.stop()]);
  if (work) await rm(work, { recursive: true, force: true });
});

const PAGE_SCRIPT = `
import { RawClient } from ${JSON.stringify(path.resolve('test/support/acme-client.ts'))};
import { apiKeyHeader } from ${JSON.stringify(path.resolve('templates/runtime/internal/auth.ts'))};
const api = new URLSearchParams(location.search).get('api');
const client = new RawClient(
  { securitySchemes: { s: apiKeyHeader('X-API-Key') } },
  { apiKey: ${JSON.stringify(SECRET)}, baseURL: api, maxRetries: 0 },
);
const settle = (call) => call.then((value) => ({ value }), (error) => ({ error: error.name, message: error.message }));
const out = {
  plain: await settle(client.request({ method: 'get', path: '/plain', security: [['s']] })),
  credentialed: await settle(client.request({ method: 'get', path: '/away', security: [['s']] })),
  withBody: await settle(client.request({ method: 'post', path: '/away-307', body: { card: '4242' } })),
  anonymous: await settle(client.request({ method: 'get', path: '/away' })),
};
document.getElementById('result').textContent = JSON.stringify(out);
`;

it('in chromium: credentialed and body-carrying redirects are refused, anonymous ones followed', async () => {
  const script = await browserBundle(
    { source: PAGE_SCRIPT, resolveDir: process.cwd(), loader: 'js' },
    { minify: false },
  );
  const page = await servePage(
    '<!doctype html><title>hostile</title><pre id="result"></pre><script type="module" src="/app.js"></script>',
    script,
  );
  try {
    const dom = await dumpDom(`${page.url}?api=${encodeURIComponent(api.url)}`, path.join(work, 'profile'));
    const text = /<pre id="result">([^<]*)<\/pre>/.exec(dom)?.[1];
    expect(text, `the page shows no result:\n${dom}`).toBeTruthy();
    const out = JSON.parse(text!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Record<
      string,
      { value?: { url: string; headers: Record<string, string> }; error?: string; message?: string }
    >;
    expect(out['plain']?.value?.headers['x-api-key']).toBe(SECRET);
    expect(out['credentialed']).toMatchObject({
      error: 'SDKError',
      message: expect.stringContaining('hides its target'),
    });
    expect(out['withBody']).toMatchObject({
      error: 'SDKError',
      message: expect.stringContaining('only a GET or HEAD without credentials'),
    });
    expect(out['anonymous']?.value?.url).toBe('/landing');
    const reached = other.requests.filter((request) => request.method !== 'OPTIONS');
    expect(reached.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /landing']);
    expect(JSON.stringify(other.requests)).not.toContain(SECRET);
  } finally {
    await page.close();
  }
}, 90_000);
