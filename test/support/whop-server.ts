import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Whop-shaped API on loopback: cursor pagination with `page_info`, retrieve by id, Whop's error body. */
export interface WhopServer {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

export function whopCase(n: number) {
  const id = `reso_${String(n).padStart(6, '0')}`;
  const at = new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString();
  return {
    id,
    status: 'merchant_response_needed',
    issue: 'forgot_to_cancel',
    created_at: at,
    updated_at: at,
    due_date: null,
    customer_appealed: false,
    merchant_appealed: false,
    customer_response_actions: ['respond'],
    merchant_response_actions: ['accept'],
    company: { id: 'biz_1', title: 'Pickaxe' },
    user: { id: 'user_1', name: null, username: 'johndoe42' },
    payment: { id: `pay_${n}` },
  };
}

/** The full case the retrieve endpoint returns: the list item plus its payment, member and events. */
export function whopCaseDetail(item: ReturnType<typeof whopCase>) {
  return {
    ...item,
    platform_response_actions: [],
    payment: {
      id: item.payment.id,
      currency: 'usd',
      created_at: item.created_at,
      paid_at: item.created_at,
      total: 6.9,
      subtotal: 6.9,
    },
    member: null,
    resolution_events: [
      {
        id: 'revt_1',
        action: 'created',
        reporter_type: 'customer',
        details: 'I did not authorize this purchase.',
        created_at: item.created_at,
      },
    ],
  };
}

export async function startWhopServer(total: number, pageSize = 10): Promise<WhopServer> {
  const cases = Array.from({ length: total }, (_, i) => whopCase(i + 1));
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${requests.length}` });
      res.end(JSON.stringify(body));
    };
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
      return send(401, { error: { type: 'unauthorized', message: 'Invalid or missing API key' } });
    }
    const match = /^\/resolution_center_cases(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return send(404, { error: { type: 'not_found', message: 'Resource not found' } });
    if (match[1]) {
      const found = cases.find((c) => c.id === decodeURIComponent(match[1]!));
      return found
        ? send(200, whopCaseDetail(found))
        : send(404, { error: { type: 'not_found', message: 'Resource not found' } });
    }
    // Relay semantics: `first` after a cursor, or `last` before one.
    const after = url.searchParams.get('after');
    const before = url.searchParams.get('before');
    const last = url.searchParams.get('last');
    let start: number;
    let end: number;
    if (before !== null || last !== null) {
      end = before !== null ? cases.findIndex((c) => c.id === before) : cases.length;
      start = Math.max(0, end - Number(last ?? pageSize));
    } else {
      start = after ? cases.findIndex((c) => c.id === after) + 1 : 0;
      end = start + Number(url.searchParams.get('first') ?? pageSize);
    }
    const data = cases.slice(start, end);
    send(200, {
      data,
      page_info: {
        start_cursor: data[0]?.id ?? null,
        end_cursor: data.at(-1)?.id ?? null,
        has_next_page: start + data.length < cases.length,
        has_previous_page: start > 0,
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
