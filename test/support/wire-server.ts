// A loopback server for wire tests: records every request with its raw bytes and decodes the body the way a server
// framework would (multipart and urlencoded forms through the WHATWG Request parser), and answers with whatever
// the test scripts, including bodies written in timed chunks (for streams).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
  /** The body parsed as a form (multipart or urlencoded), when its content type is one. */
  form: FormData | undefined;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Written in order; a number waits that many ms before the next chunk. The response ends after the last one. */
  chunks?: (string | Uint8Array | number)[];
  /** Keep the response open after the last chunk (for abort tests); it is closed when the server stops. */
  hold?: boolean;
}

export interface WireServer {
  url: string;
  requests: ReceivedRequest[];
  /** How the server answers from now on (default: 200 with an empty JSON object). */
  reply(answer: Reply | ((request: ReceivedRequest) => Reply)): void;
  /** Resolves when the server has seen the client close a held response. */
  closed(): Promise<void>;
  stop(): Promise<void>;
}

export async function startWireServer(): Promise<WireServer> {
  const requests: ReceivedRequest[] = [];
  let answer: Reply | ((request: ReceivedRequest) => Reply) = {
    headers: { 'content-type': 'application/json' },
    chunks: ['{}'],
  };
  const open = new Set<http.ServerResponse>();
  let onClosed: (() => void) | undefined;
  const server = http.createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const bytes = Buffer.concat(parts);
    const type = req.headers['content-type'] ?? '';
    const form = /multipart\/form-data|x-www-form-urlencoded/i.test(type)
      ? await new Request('http://local/', {
          method: 'POST',
          headers: { 'content-type': type },
          body: bytes,
        }).formData()
      : undefined;
    const received: ReceivedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      bytes,
      form,
    };
    requests.push(received);
    const reply = typeof answer === 'function' ? answer(received) : answer;
    res.writeHead(reply.status ?? 200, reply.headers ?? {});
    res.flushHeaders();
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      onClosed?.();
    });
    for (const chunk of reply.chunks ?? []) {
      if (typeof chunk === 'number') await new Promise((resolve) => setTimeout(resolve, chunk));
      else if (!res.destroyed) res.write(chunk);
    }
    if (!reply.hold) res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (next) => {
      answer = next;
    },
    closed: () => new Promise<void>((resolve) => (open.size === 0 ? resolve() : (onClosed = resolve))),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
