// A loopback HTTP server whose answer each test scripts: hostile behaviour (redirects to other origins, bodies that
// drip, huge error bodies) is written where it is asserted. Two servers on two ports are two origins.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BaseClientOptions, ClientConfig } from '../../../templates/runtime/client.js';
import { RawClient } from '../../support/acme-client.js';
import {
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  basicAuth,
  bearerAuth,
} from '../../../templates/runtime/internal/auth.js';

export interface Seen {
  method: string;
  url: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: Seen, response: http.ServerResponse) => void | Promise<void>;

export interface Loopback {
  url: string;
  requests: Seen[];
  /** Answers every following request; the default echoes the request as JSON. */
  handle(handler: Handler): void;
  reset(): void;
  stop(): Promise<void>;
}

export const echo: Handler = (request, response) => json(response, 200, request);

export function json(response: http.ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export async function startLoopback(): Promise<Loopback> {
  const requests: Seen[] = [];
  let handler: Handler = echo;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const seen: Seen = {
        method: req.method ?? 'GET',
        url,
        query: new URL(url, 'http://x').searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      void Promise.resolve(handler(seen, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    handle: (next) => void (handler = next),
    reset: () => {
      requests.length = 0;
      handler = echo;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export const SECRET = 'sk-live-H0stile/+=';

/** A client whose one security scheme is `scheme`, with the credential SECRET and no retries unless asked. */
export function clientFor(
  server: Loopback,
  securitySchemes: ClientConfig['securitySchemes'],
  options: BaseClientOptions & Record<string, unknown> = {},
): RawClient {
  return new RawClient(
    { securitySchemes },
    { apiKey: SECRET, baseURL: server.url, maxRetries: 0, ...options },
  );
}

export const SCHEMES = {
  bearer: { s: bearerAuth() },
  basic: { s: basicAuth() },
  header: { s: apiKeyHeader('X-API-Key') },
  query: { s: apiKeyQuery('api_key') },
  cookie: { s: apiKeyCookie('session') },
} satisfies Record<string, ClientConfig['securitySchemes']>;

/** The rejection of `promise`, or a failure if it resolves. */
export async function rejection(promise: PromiseLike<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );
}

/** Everything an error exposes that could end up in a log or a bug report. */
export function surface(error: Error & { cause?: unknown; error?: unknown }): string {
  return [
    error.message,
    error.stack,
    JSON.stringify(error),
    JSON.stringify(error.error),
    String(error.cause),
  ].join('\n');
}
