// The Payfix fixture API (test/e2e/fixtures/stainless/openapi.yaml) on loopback: enough behaviour for its code
// samples to run for real (cursor pages, nested overrides, actions, two path parameters), with request recording.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PayfixServer {
  /** Base URL including the spec's `/v1`. */
  url: string;
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

const STATUSES = ['pending', 'succeeded', 'failed'] as const;
const payments = Array.from({ length: 25 }, (_, i) => ({
  id: `pay_${String(i + 1).padStart(3, '0')}`,
  amount: 100 * (i + 1),
  status: STATUSES[i % 3]!,
}));

function page<T extends { id: string }>(items: T[], query: URLSearchParams) {
  const first = Number(query.get('first') ?? 10);
  const start = query.has('after') ? items.findIndex((p) => p.id === query.get('after')) + 1 : 0;
  const data = items.slice(start, start + first);
  const more = start + first < items.length;
  return { data, page_info: { has_next_page: more, end_cursor: data.at(-1)?.id ?? null } };
}

export async function startPayfixServer(apiKey: string): Promise<PayfixServer> {
  const requests: PayfixServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const send = (status: number, value: unknown) =>
        res
          .writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${requests.length}` })
          .end(JSON.stringify(value));
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return send(401, { error: { message: 'bad key' } });
      const url = new URL(req.url ?? '/', 'http://payfix.test');
      const route = `${req.method} ${url.pathname.replace(/^\/v1/, '')}`;
      const input = body ? JSON.parse(body) : {};
      let m: RegExpExecArray | null;
      if (route === 'GET /payments') {
        const statuses = url.searchParams.getAll('statuses');
        return send(
          200,
          page(
            payments.filter((p) => !statuses.length || statuses.includes(p.status)),
            url.searchParams,
          ),
        );
      }
      if (route === 'POST /payments')
        return send(201, { id: 'pay_new', amount: input.amount, status: 'pending' });
      if ((m = /^GET \/payments\/([^/]+)$/.exec(route))) {
        const found = payments.find((p) => p.id === decodeURIComponent(m![1]!));
        return found ? send(200, found) : send(404, { error: { message: 'no such payment' } });
      }
      if ((m = /^POST \/payments\/([^/]+)\/refund$/.exec(route))) {
        const payment = payments.find((p) => p.id === decodeURIComponent(m![1]!));
        return payment
          ? send(200, {
              id: `re_${payment.id}`,
              payment_id: payment.id,
              amount: input.amount ?? payment.amount,
            })
          : send(404, { error: { message: 'no such payment' } });
      }
      if ((m = /^GET \/affiliates\/([^/]+)\/overrides$/.exec(route))) {
        const affiliate = decodeURIComponent(m[1]!);
        const overrides = Array.from({ length: 3 }, (_, i) => ({
          id: `ovr_${i + 1}`,
          affiliate_id: affiliate,
          commission_percent: 10 + i,
        }));
        return send(200, page(overrides, url.searchParams));
      }
      if ((m = /^POST \/affiliates\/([^/]+)\/overrides$/.exec(route)))
        return send(201, {
          id: 'ovr_new',
          affiliate_id: decodeURIComponent(m[1]!),
          commission_percent: input.commission_percent,
        });
      if ((m = /^DELETE \/affiliates\/([^/]+)\/overrides\/([^/]+)$/.exec(route))) {
        return send(200, {
          id: decodeURIComponent(m[2]!),
          affiliate_id: decodeURIComponent(m[1]!),
          commission_percent: 10,
        });
      }
      if ((m = /^GET \/users\/([^/]+)\/access\/([^/]+)$/.exec(route))) {
        return send(200, { has_access: m[1] === 'user_1' && m[2] === 'res_1', access_level: 'customer' });
      }
      return send(404, { error: { message: `no route ${route}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
