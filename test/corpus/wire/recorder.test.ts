import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecorder } from './recorder.js';

/** Answers like Prism with `--errors`: a response-side violation unless asked for a schema-built answer. */
let server: Server;
let base = '';
const seen: { url: string; prefer: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ url: req.url!, prefer: req.headers.prefer as string | undefined, body });
      const location = req.url === '/bad-request' ? 'request' : 'response';
      if (req.headers.prefer === 'dynamic=true' || req.url!.startsWith('/fine')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      res.writeHead(500, { 'content-type': 'application/problem+json' }).end(
        JSON.stringify({
          type: 'https://stoplight.io/prism/errors#VIOLATIONS',
          validation: [{ location: [location, 'body'], message: 'must be string' }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the wire recorder', () => {
  it('records the request as sent, body included', async () => {
    const recorder = createRecorder();
    const response = await recorder.fetch(`${base}/fine?a=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1%7C2',
    });
    expect(response.status).toBe(200);
    expect(recorder.last()).toMatchObject({
      request: { method: 'POST', url: `${base}/fine?a=1`, body: 'x=1%7C2' },
      dynamic: false,
      dropped: false,
    });
  });

  it('asks again for a schema-built answer when only the response was wrong, resending the same body', async () => {
    seen.length = 0;
    const recorder = createRecorder();
    const response = await recorder.fetch(`${base}/example`, { method: 'PUT', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(recorder.last()?.dynamic).toBe(true);
    expect(seen).toEqual([
      { url: '/example', prefer: undefined, body: '{"a":1}' },
      { url: '/example', prefer: 'dynamic=true', body: '{"a":1}' },
    ]);
  });

  it('does not ask again for a request violation, nor when the operation declares Prefer itself', async () => {
    const recorder = createRecorder();
    expect((await recorder.fetch(`${base}/bad-request`)).status).toBe(500);
    expect(recorder.last()?.dynamic).toBe(false);
    recorder.allowDynamic(false);
    expect((await recorder.fetch(`${base}/example`)).status).toBe(500);
    expect(recorder.last()?.dynamic).toBe(false);
  });

  it('marks a dropped connection', async () => {
    const recorder = createRecorder();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(recorder.fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(recorder.last()?.dropped).toBe(true);
  });
});
