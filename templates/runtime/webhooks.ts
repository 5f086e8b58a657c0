import { SDKError } from './errors.js';
import { readEnv } from './internal/env.js';

// Standard Webhooks (https://www.standardwebhooks.com): the sender signs `${id}.${timestamp}.${body}` with
// HMAC-SHA256 under a shared secret (`whsec_` + base64) and sends `webhook-id`, `webhook-timestamp` (Unix seconds)
// and `webhook-signature` (space-separated `v1,<base64>` entries, one per active secret). Verified with WebCrypto,
// so it runs on Node, Deno, Bun, workers and browsers with no dependency. Every doubt is a rejection.

/** Node's IncomingHttpHeaders, a fetch Headers, or a plain record: names are matched case-insensitively. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface UnwrapOptions {
  headers: WebhookHeaders;
  /** The endpoint's signing secret; defaults to the `<PREFIX>_WEBHOOK_SECRET` environment variable. */
  key?: string | null | undefined;
  /** How old (or early) a timestamp may be, in seconds; default 300. */
  toleranceSeconds?: number;
}

/** The signature, timestamp or secret is missing or wrong: the body must not be trusted. */
export class WebhookVerificationError extends SDKError {
  override name = 'WebhookVerificationError';
}

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Verifies a delivery and returns its parsed JSON body. `body` must be the raw request body exactly as received
 * (re-serialized JSON has other bytes and fails). `secretEnv` names the environment variable the key defaults to.
 */
export async function unwrapWebhook<T>(
  body: string | Uint8Array | ArrayBuffer,
  options: UnwrapOptions,
  secretEnv: string,
  now: () => number = Date.now,
): Promise<T> {
  const bytes =
    typeof body === 'string'
      ? new TextEncoder().encode(body)
      : body instanceof Uint8Array
        ? body
        : new Uint8Array(body);
  await verifyWebhook(bytes, options, secretEnv, now);
  const text = typeof body === 'string' ? body : new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new WebhookVerificationError('The webhook body is signed but is not valid JSON.');
  }
}

async function verifyWebhook(
  body: Uint8Array,
  options: UnwrapOptions,
  secretEnv: string,
  now: () => number,
): Promise<void> {
  const secret = options.key ?? readEnv(secretEnv);
  if (!secret) {
    throw new WebhookVerificationError(
      `No webhook secret: pass \`key\` or set the ${secretEnv} environment variable.`,
    );
  }
  const id = header(options.headers, 'webhook-id');
  const timestamp = header(options.headers, 'webhook-timestamp');
  const signatures = header(options.headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError('Missing webhook-id, webhook-timestamp or webhook-signature header.');
  }
  if (!/^\d{1,15}$/.test(timestamp)) throw new WebhookVerificationError('Invalid webhook-timestamp.');
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const age = Math.floor(now() / 1000) - Number(timestamp);
  if (age > tolerance) throw new WebhookVerificationError('The webhook timestamp is too old.');
  if (age < -tolerance) throw new WebhookVerificationError('The webhook timestamp is in the future.');

  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) throw new SDKError('Verifying webhooks needs WebCrypto (globalThis.crypto.subtle).');
  const key = await subtle.importKey('raw', decodeSecret(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const signature = decodeBase64(value);
    // subtle.verify compares in constant time.
    if (signature && (await subtle.verify('HMAC', key, signature, signed))) return;
  }
  throw new WebhookVerificationError('No webhook signature matches the body.');
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

function decodeSecret(secret: string): Uint8Array<ArrayBuffer> {
  const key = decodeBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  // The message names neither the secret nor any part of it.
  if (!key || key.length === 0) throw new WebhookVerificationError('The webhook secret is not valid base64.');
  return key;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
