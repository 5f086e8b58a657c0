// Loopback API for the runtime benchmark, run as its own process so its CPU is not counted as client overhead.
// Prints {"port": n} once listening; serves Whop's two resolution-center routes.
import http from 'node:http';
import { resolutionCase } from './fixtures.js';

const total = Number(process.env.BENCH_TOTAL_ITEMS ?? 100_000);
const single = JSON.stringify(resolutionCase(1));
// Items pre-serialized once: a page is a join, so the server stays cheap next to the client being measured.
const items = Array.from({ length: total }, (_, i) => JSON.stringify(resolutionCase(i)));

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/resolution_center_cases') {
    const first = Math.min(Number(url.searchParams.get('first') ?? 100), 1000);
    const start = Number(url.searchParams.get('after') ?? 0);
    const end = Math.min(start + first, total);
    const pageInfo = {
      has_next_page: end < total,
      has_previous_page: start > 0,
      end_cursor: String(end),
      start_cursor: String(start),
    };
    send(res, `{"data":[${items.slice(start, end).join(',')}],"page_info":${JSON.stringify(pageInfo)}}`);
  } else if (req.method === 'GET' && url.pathname.startsWith('/resolution_center_cases/')) {
    send(res, single);
  } else {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.stdin.on('end', () => process.exit(0)).resume();

function send(res: http.ServerResponse, body: string): void {
  res
    .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    .end(body);
}
