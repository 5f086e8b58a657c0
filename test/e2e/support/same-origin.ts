import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SameOriginSite {
  url: string;
  /** The API requests the page made (everything but the page and its script). */
  seen: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close: () => Promise<void>;
}

/**
 * Serves a page that loads `script`, and an API, on one loopback origin: the page's calls need no CORS preflight.
 * The page shows its result in `<pre id="result">`. `api` answers a request with a JSON body, or 404 when it returns
 * nothing.
 */
export async function serveSameOrigin(
  script: string,
  api: (url: string) => unknown,
): Promise<SameOriginSite> {
  const seen: SameOriginSite['seen'] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/')
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><pre id="result"></pre><script type="module" src="/app.js"></script>');
    if (url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    if (url === '/favicon.ico') return res.writeHead(404).end();
    seen.push({ method: req.method ?? '', url, headers: req.headers });
    const body = api(url);
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The text a page wrote into `<pre id="result">`, from chromium's DOM dump. */
export function pageResult(dom: string): string {
  return (/<pre id="result">([^<]*)<\/pre>/.exec(dom)?.[1] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
