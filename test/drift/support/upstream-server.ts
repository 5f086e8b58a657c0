// A loopback HTTP server standing in for upstream documentation sites: each route answers with a document, a
// docs page, a redirect, an error status or silence, and every request is counted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route =
  | { body: string; contentType?: string }
  | { redirect: string; status?: number }
  | { status: number; body?: string }
  /** Accept the request and never answer (a timeout). */
  | { hang: true };

export interface UpstreamServer {
  url: string;
  /** Serves `route` at `path` (replacing any earlier one) and returns its full URL. */
  serve(path: string, route: Route): string;
  /** How many requests each path has received. */
  hits(path: string): number;
  stop(): Promise<void>;
}

export async function startUpstreamServer(): Promise<UpstreamServer> {
  const routes = new Map<string, Route>();
  const counts = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404).end('not found');
    } else if ('hang' in route) {
      hanging.add(response);
    } else if ('redirect' in route) {
      response.writeHead(route.status ?? 302, { location: route.redirect }).end();
    } else if ('status' in route) {
      response.writeHead(route.status, { 'content-type': 'text/plain' }).end(route.body ?? '');
    } else {
      response
        .writeHead(200, { 'content-type': route.contentType ?? 'text/plain; charset=utf-8' })
        .end(route.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    serve(path, route) {
      routes.set(path, route);
      return `${url}${path}`;
    },
    hits: (path) => counts.get(path) ?? 0,
    async stop() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
