/**
 * The one rule for "the success response" of an operation, and for how the runtime decodes a media type; the
 * response type, pagination verification and inference all read the response through here.
 */
import type { OpenAPIDocument } from '../load/types.js';
import type { RawOperation } from './raw-operations.js';
import { mediaKind as wireKind } from './media-types.js';
import { deref } from './refs.js';

/** Media types the runtime decodes as JSON and as a Blob (templates/runtime/internal/response.ts); text otherwise. */
const JSON_MEDIA = /^application\/([\w.+-]+\+)?json\b/i;
const BINARY_MEDIA = /^(application\/(octet-stream|pdf|zip)|image\/|audio\/|video\/)/i;

/**
 * What the runtime hands back for a media type: it decides by the response's actual Content-Type, so a wildcard
 * (`*\/*`, `application/*`) can be anything. Event streams and NDJSON are read as a `Stream` (media-types.ts
 * classifies them, as it does request bodies).
 */
export function mediaKind(contentType: string): 'json' | 'text' | 'binary' | 'unknown' | 'sse' | 'ndjson' {
  const wire = wireKind(contentType);
  if (wire === 'sse' || wire === 'ndjson') return wire;
  if (JSON_MEDIA.test(contentType)) return 'json';
  if (BINARY_MEDIA.test(contentType)) return 'binary';
  if (contentType.includes('*')) return 'unknown';
  return 'text';
}

/** The media entry a client reads or sends: a JSON one when there is one, else the first listed. */
export function pickContent(content: Record<string, any> | undefined): [string, any] | undefined {
  const entries = Object.entries(content ?? {});
  return entries.find(([type]) => /json/i.test(type)) ?? entries[0];
}

export interface SuccessResponse {
  status: string;
  /** The picked media entry, when the response has content. */
  media?: { contentType: string; schema: unknown };
}

/** The first 2xx status (in order) that has content, else the first 2xx, else `default`. */
export function successResponse(document: OpenAPIDocument, raw: RawOperation): SuccessResponse | undefined {
  const responses = raw.op.responses ?? {};
  const codes = Object.keys(responses)
    .filter((c) => /^2/.test(c))
    .sort();
  const status =
    codes.find((c) => pickContent(deref(document, responses[c])?.content)) ??
    codes[0] ??
    (responses.default ? 'default' : undefined);
  if (status === undefined) return undefined;
  const picked = pickContent(deref(document, responses[status])?.content);
  return picked ? { status, media: { contentType: picked[0], schema: picked[1]?.schema } } : { status };
}

/** The JSON schema of the success response, when it is JSON and has one: what a paginator reads. */
export function successSchema(document: OpenAPIDocument, raw: RawOperation): unknown {
  const media = successResponse(document, raw)?.media;
  return media && mediaKind(media.contentType) === 'json' ? media.schema : undefined;
}
