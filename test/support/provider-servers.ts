import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback API in a provider's own shape, counting requests. */
export interface ProviderServer {
  url: string;
  requests: { url: string; authorization: string | undefined }[];
  close: () => Promise<void>;
}

type Handler = (url: URL, req: IncomingMessage, send: (status: number, body: unknown) => void) => void;

async function serve(handler: Handler): Promise<ProviderServer> {
  const requests: ProviderServer['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    handler(new URL(req.url ?? '/', 'http://localhost'), req, send);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const decisionlyId = (n: number) => `case_${String(n).padStart(6, '0')}`;

/** Decisionly: `has_more` with `starting_after`/`ending_before` case ids; Basic auth with the key as username. */
export function startDecisionlyServer(total: number, apiKey: string): Promise<ProviderServer> {
  const cases = Array.from({ length: total }, (_, i) => ({
    case_id: decisionlyId(i + 1),
    reason: 'fraud',
    status: 'created',
    created: '2025-02-01T00:00:00.000Z',
  }));
  const expected = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
  return serve((url, req, send) => {
    if (req.headers.authorization !== expected) return send(401, { error: 'unauthorized' });
    if (url.pathname !== '/v2/issuer/cases') return send(404, { error: 'not found' });
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const after = url.searchParams.get('starting_after');
    const before = url.searchParams.get('ending_before');
    if (before !== null) {
      const end = cases.findIndex((c) => c.case_id === before);
      const start = Math.max(0, end - limit);
      return send(200, { has_more: start > 0, data: cases.slice(start, end) });
    }
    const start = after ? cases.findIndex((c) => c.case_id === after) + 1 : 0;
    send(200, { has_more: start + limit < cases.length, data: cases.slice(start, start + limit) });
  });
}

/**
 * Pismo: `page`/`perPage` with a bare array back; bearer tokens that expire. A token is accepted for
 * `tokenLifetime` requests, then answered with 401 until the client presents a new one.
 */
export function startPismoServer(
  total: number,
  tokenLifetime = Infinity,
): Promise<ProviderServer & { expired: Set<string> }> {
  const disputes = Array.from({ length: total }, (_, i) => ({ id: i + 1, dispute_status: 'OPENED' }));
  const uses = new Map<string, number>();
  const expired = new Set<string>();
  return serve((url, req, send) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || expired.has(token))
      return send(401, { message: 'Unauthorized. Invalid or missing access token.' });
    uses.set(token, (uses.get(token) ?? 0) + 1);
    if ((uses.get(token) ?? 0) > tokenLifetime) {
      expired.add(token);
      return send(401, { message: 'Unauthorized. Invalid or missing access token.' });
    }
    if (url.pathname !== '/v1/disputes') return send(404, { message: 'not found' });
    const page = Number(url.searchParams.get('page') ?? 1);
    const perPage = Number(url.searchParams.get('perPage') ?? 30);
    send(200, disputes.slice((page - 1) * perPage, page * perPage));
  }).then((server) => Object.assign(server, { expired }));
}
