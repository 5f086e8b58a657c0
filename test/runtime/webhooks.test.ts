import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrapWebhook, WebhookVerificationError } from '../../templates/runtime/webhooks.js';

/**
 * Deliveries signed by the reference implementation (the `standardwebhooks` package) and received by a real
 * HTTP server on loopback, which verifies the raw body with the runtime's WebCrypto helper.
 */
const SECRET = 'whsec_' + Buffer.from('a shared secret of 32 bytes!!!!!').toString('base64');
const OTHER = 'whsec_' + Buffer.from('another secret, also 32 bytes!!!').toString('base64');
const ENV = 'ACME_WEBHOOK_SECRET';
const event = { type: 'payment.succeeded', data: { id: 'pay_1', amount: 1200 } };

let server: http.Server;
let url: string;

beforeAll(async () => {
  // Answers 200 with the parsed event, or 400 with the verification error's message.
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = req.headers['x-test-key'] === 'env' ? undefined : String(req.headers['x-test-key']);
      unwrapWebhook(Buffer.concat(chunks).toString('utf8'), { headers: req.headers, key }, ENV).then(
        (parsed) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(parsed)),
        (error: Error) => res.writeHead(400).end(`${error.name}: ${error.message}`),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function signed(body: string, { secret = SECRET, at = new Date(), id = 'msg_1' } = {}) {
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

async function deliver(body: string, headers: Record<string, string>, key: string = SECRET) {
  const res = await fetch(url, { method: 'POST', body, headers: { ...headers, 'x-test-key': key } });
  return { status: res.status, text: await res.text() };
}

describe('webhooks.unwrap (Standard Webhooks)', () => {
  const body = JSON.stringify(event);

  it('accepts a delivery signed by the standardwebhooks package and returns the event', async () => {
    const res = await deliver(body, signed(body));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual(event);
  });

  it('accepts any one of several signatures (secret rotation)', async () => {
    const headers = signed(body);
    const old = signed(body, { secret: OTHER })['webhook-signature'];
    expect(
      (await deliver(body, { ...headers, 'webhook-signature': `${old} ${headers['webhook-signature']}` }))
        .status,
    ).toBe(200);
  });

  it('takes the key from <PREFIX>_WEBHOOK_SECRET when none is passed', async () => {
    process.env[ENV] = SECRET;
    try {
      expect((await deliver(body, signed(body), 'env')).status).toBe(200);
    } finally {
      delete process.env[ENV];
    }
    expect((await deliver(body, signed(body), 'env')).text).toMatch(
      /WebhookVerificationError: No webhook secret.*ACME_WEBHOOK_SECRET/,
    );
  });

  it('rejects a tampered body', async () => {
    const res = await deliver(body.replace('1200', '1'), signed(body));
    expect(res).toEqual({
      status: 400,
      text: 'WebhookVerificationError: No webhook signature matches the body.',
    });
  });

  it('rejects a tampered id or timestamp', async () => {
    expect((await deliver(body, { ...signed(body), 'webhook-id': 'msg_2' })).status).toBe(400);
    const headers = signed(body);
    expect(
      (
        await deliver(body, {
          ...headers,
          'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1),
        })
      ).status,
    ).toBe(400);
  });

  it('rejects a signature made with another key, without naming either key', async () => {
    const res = await deliver(body, signed(body, { secret: OTHER }));
    expect(res.status).toBe(400);
    expect(res.text).not.toContain(SECRET.slice(6, 20));
    expect(res.text).not.toContain(OTHER.slice(6, 20));
  });

  it('rejects stale and future timestamps, even when correctly signed', async () => {
    const stale = await deliver(body, signed(body, { at: new Date(Date.now() - 10 * 60_000) }));
    expect(stale.text).toBe('WebhookVerificationError: The webhook timestamp is too old.');
    const future = await deliver(body, signed(body, { at: new Date(Date.now() + 10 * 60_000) }));
    expect(future.text).toBe('WebhookVerificationError: The webhook timestamp is in the future.');
  });

  it.each([
    ['no signature header', (h: Record<string, string>) => ({ ...h, 'webhook-signature': '' })],
    [
      'an unknown signature version',
      (h: Record<string, string>) => ({
        ...h,
        'webhook-signature': h['webhook-signature']!.replace('v1,', 'v2,'),
      }),
    ],
    [
      'a signature that is not base64',
      (h: Record<string, string>) => ({ ...h, 'webhook-signature': 'v1,%%%' }),
    ],
    ['a non-numeric timestamp', (h: Record<string, string>) => ({ ...h, 'webhook-timestamp': '1e9' })],
  ])('fails closed on %s', async (_, change) => {
    expect((await deliver(body, change(signed(body)))).status).toBe(400);
  });

  it('fails closed on an empty or malformed key', async () => {
    await expect(
      unwrapWebhook(body, { headers: signed(body), key: '' }, 'SDKGEN_TEST_UNSET_SECRET'),
    ).rejects.toThrow(WebhookVerificationError);
    await expect(unwrapWebhook(body, { headers: signed(body), key: 'whsec_%%%' }, ENV)).rejects.toThrow(
      /not valid base64/,
    );
  });

  it('verifies raw bytes and fetch Headers too', async () => {
    const headers = new Headers(signed(body));
    expect(await unwrapWebhook(new TextEncoder().encode(body), { headers, key: SECRET }, ENV)).toEqual(event);
  });
});
