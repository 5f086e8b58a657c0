// A real HTTP server on loopback for runtime tests: one list endpoint per pagination style over the same
// 320 items, a retrieve/create/delete endpoint, request recording, and faults injected from a test-controlled
// queue (each queued fault answers exactly one request, in order, whatever its path).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Item {
  id: string;
  name: string;
  index: number;
}

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** ms since epoch when the request arrived. */
  at: number;
}

export type Fault =
  /** Answer with this status/headers/body (objects are sent as JSON) instead of the real handler. */
  | { status: number; headers?: Record<string, string>; body?: string | object }
  /** Destroy the socket without answering. */
  | { reset: true }
  /** Wait, then answer normally (set above the client timeout to force one). */
  | { delayMs: number };

export interface FakeAPIServer {
  url: string;
  items: readonly Item[];
  requests: RecordedRequest[];
  fault(...faults: Fault[]): void;
  /** Bearer tokens accepted from now on; null accepts anything (the default). Others get 401. */
  acceptTokens(tokens: string[] | null): void;
  /** Clears recorded requests, queued faults and token rules. */
  reset(): void;
  stop(): Promise<void>;
}

export const ITEM_COUNT = 320;

export async function startFakeAPIServer(): Promise<FakeAPIServer> {
  const items: Item[] = Array.from({ length: ITEM_COUNT }, (_, index) => ({
    id: `w_${String(index + 1).padStart(3, '0')}`,
    name: `Widget ${index + 1}`,
    index,
  }));
  const requests: RecordedRequest[] = [];
  let faults: Fault[] = [];
  let tokens: string[] | null = null;
  let origin = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', origin);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(recorded);
      void respond(recorded, req, res);
    });
  });

  async function respond(
    r: RecordedRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const fault = faults.shift();
    if (fault && 'reset' in fault) return void req.socket.destroy();
    if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (res.destroyed) return;
    if (fault && 'status' in fault) return send(res, fault.status, fault.body, fault.headers);
    const bearer = /^Bearer (.*)$/.exec(r.headers.authorization ?? '')?.[1];
    if (tokens !== null && (bearer === undefined || !tokens.includes(bearer))) {
      return send(res, 401, { error: { message: 'The access token expired.' } });
    }
    route(r, res);
  }

  function route(r: RecordedRequest, res: http.ServerResponse): void {
    const q = r.query;
    const num = (name: string, fallback: number) => (q.has(name) ? Number(q.get(name)) : fallback);
    const indexOf = (id: string | null) => items.findIndex((item) => item.id === id);
    const widget = /^\/widgets\/([^/]+)$/.exec(r.path);

    if (r.path === '/widgets' && r.method === 'GET') {
      // Relay-style cursors: after/before + first/last (before takes `last`, else `first`, items before it).
      const size = num('first', 20);
      let start = 0;
      let end = Math.min(size, items.length);
      if (q.has('after')) {
        start = indexOf(q.get('after')) + 1;
        end = Math.min(start + size, items.length);
      } else if (q.has('before')) {
        end = indexOf(q.get('before'));
        start = Math.max(0, end - num('last', size));
      }
      const data = items.slice(start, end);
      return send(res, 200, {
        data,
        page_info: {
          has_next_page: end < items.length,
          has_previous_page: start > 0,
          start_cursor: data[0]?.id ?? null,
          end_cursor: data.at(-1)?.id ?? null,
        },
      });
    }
    if (r.path === '/widgets' && r.method === 'POST') {
      return send(res, 201, { id: 'w_new', ...(JSON.parse(r.body || '{}') as object) });
    }
    if (widget && r.method === 'DELETE') return send(res, 204);
    if (widget) {
      const id = decodeURIComponent(widget[1] ?? '');
      const item = items.find((candidate) => candidate.id === id);
      if (item) return send(res, 200, item);
      // Deliberately careless: echoes every credential the request carried.
      const key = [
        r.headers.authorization,
        r.headers['x-api-key'],
        q.get('api_key'),
        r.headers.cookie,
      ].filter(Boolean);
      return send(
        res,
        404,
        { error: { message: `No widget ${id} for credentials ${key.join(' ')}`, type: 'not_found' } },
        {
          'x-request-id': 'req_404',
        },
      );
    }
    if (r.path === '/charges') {
      // Stripe-style: starting_after / ending_before + has_more.
      const limit = num('limit', 10);
      let start = 0;
      let end = Math.min(limit, items.length);
      if (q.has('starting_after')) {
        start = indexOf(q.get('starting_after')) + 1;
        end = Math.min(start + limit, items.length);
      } else if (q.has('ending_before')) {
        end = indexOf(q.get('ending_before'));
        start = Math.max(0, end - limit);
      }
      const hasMore = q.has('ending_before') ? start > 0 : end < items.length;
      return send(res, 200, {
        object: 'list',
        data: items.slice(start, end),
        has_more: hasMore,
        url: '/charges',
      });
    }
    if (r.path === '/disputes') {
      // Pismo-style: page/perPage, bare array, 1-based.
      const perPage = num('perPage', 25);
      const page = num('page', 1);
      return send(res, 200, items.slice((page - 1) * perPage, page * perPage));
    }
    if (r.path === '/events' || r.path === '/events-untotaled') {
      const offset = num('offset', 0);
      const limit = num('limit', 50);
      const results = items.slice(offset, offset + limit);
      return send(res, 200, r.path === '/events' ? { results, total: items.length } : { results });
    }
    if (r.path === '/logs') {
      const perPage = num('per_page', 30);
      const page = num('page', 1);
      const last = Math.ceil(items.length / perPage);
      const link = (p: number, rel: string) => `<${origin}/logs?page=${p}&per_page=${perPage}>; rel="${rel}"`;
      const links = [link(1, 'first'), link(last, 'last')];
      if (page < last)
        links.push(
          q.has('foreign')
            ? `<http://evil.invalid/logs?page=${page + 1}>; rel="next"`
            : link(page + 1, 'next'),
        );
      if (page > 1) links.push(link(page - 1, 'prev'));
      return send(res, 200, items.slice((page - 1) * perPage, page * perPage), { link: links.join(', ') });
    }
    if (r.path === '/text') return send(res, 200, 'plain words', { 'content-type': 'text/plain' });
    if (r.path === '/binary')
      return send(res, 200, '\x00\x01binary', { 'content-type': 'application/octet-stream' });
    // Anything else echoes what arrived, for path/query/header assertions.
    return send(res, 200, { method: r.method, url: r.url, path: r.path, body: r.body });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    items,
    requests,
    fault: (...more) => void faults.push(...more),
    acceptTokens: (list) => void (tokens = list),
    reset: () => {
      requests.length = 0;
      faults = [];
      tokens = null;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(
  res: http.ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(text);
}
