/**
 * The events a 3.1 document says the API sends (`webhooks`, OpenAPI 3.1 §4.8.1): each one's JSON request body is
 * one member of the event union that `client.webhooks.unwrap()` returns. Pure: document in, declarations out.
 */
import { pointer } from '../json-pointer.js';
import type { OpenAPIDocument } from '../load/types.js';
import { deref } from './refs.js';

export interface WebhookEvent {
  /** The key under `webhooks` (`payment.succeeded`). */
  name: string;
  /** Pointer of the body schema, for messages. */
  pointer: string;
  /** The body schema as written (a `$ref` stays a `$ref`, so a component keeps its type name). */
  schema: unknown;
  summary?: string;
}

const JSON_MEDIA = /^application\/([\w.+-]+\+)?json\b/i;

/**
 * One event per webhook whose POST (or only operation) has a JSON body, in name order. A webhook without one is
 * reported: it cannot be typed, and leaving it out silently would make the union look complete.
 */
export function webhookEvents(document: OpenAPIDocument): {
  events: WebhookEvent[];
  skipped: { pointer: string; message: string }[];
} {
  const webhooks: Record<string, unknown> =
    (document as { webhooks?: Record<string, unknown> }).webhooks ?? {};
  const events: WebhookEvent[] = [];
  const skipped: { pointer: string; message: string }[] = [];
  for (const name of Object.keys(webhooks).sort()) {
    const item = deref(document, webhooks[name]) ?? {};
    const method = ['post', 'put', 'patch'].find((m) => item && typeof item[m] === 'object');
    const op = method ? item[method] : undefined;
    const body = deref(document, op?.requestBody);
    const media = Object.entries<any>(body?.content ?? {}).find(([type]) => JSON_MEDIA.test(type));
    if (!method || !media?.[1]?.schema) {
      skipped.push({
        pointer: pointer('webhooks', name),
        message: 'webhook has no JSON request body; it is not part of the event union',
      });
      continue;
    }
    events.push({
      name,
      pointer: pointer('webhooks', name, method, 'requestBody', 'content', media[0], 'schema'),
      schema: media[1].schema,
      ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
    });
  }
  return { events, skipped };
}
