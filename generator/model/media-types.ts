/**
 * What each media type of an operation means on the wire (OpenAPI 3.1 §4.8.14 Media Type Object): how a request
 * body is encoded, how a response is decoded, and what the client asks for in `Accept`. One classification, used for
 * request bodies, responses and the manifest alike.
 */
export type MediaKind = 'json' | 'ndjson' | 'sse' | 'form' | 'multipart' | 'text' | 'binary' | 'any';

const NDJSON = /^application\/(x-)?(ndjson|jsonl|json-lines|jsonlines|x-jsonlines)$/;
const JSON_MEDIA = /^application\/(json|[\w.+-]+\+json)$|^[\w.+-]+\/[\w.+-]+\+json$/;
/** Non-`text/*` types that are text all the same. */
const TEXT_MEDIA =
  /^application\/([\w.+-]+\+)?(xml|yaml|x-yaml|javascript|x-javascript|graphql|sql|x-www-form-urlencoded-text)$|^[\w.+-]+\/[\w.+-]+\+xml$/;

/** The essence of a media type: lowercased, parameters (`; charset=...`) dropped. */
export function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

export function mediaKind(mediaType: string): MediaKind {
  const type = essence(mediaType);
  if (type === 'text/event-stream') return 'sse';
  if (NDJSON.test(type)) return 'ndjson';
  if (JSON_MEDIA.test(type)) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type.includes('*')) return 'any';
  if (type.startsWith('text/') || TEXT_MEDIA.test(type)) return 'text';
  return 'binary';
}

/**
 * The media types of a `content` map in the order an operation offers them: JSON first (the method's main form),
 * then the rest as the document lists them. Keys that are not media types (`a, b` lists, empty keys) are split or
 * dropped, so every entry can be sent as a Content-Type or Accept value.
 */
export function orderedMediaTypes(content: unknown): string[] {
  if (!content || typeof content !== 'object') return [];
  const types = Object.keys(content)
    .flatMap((key) => key.split(','))
    .map((key) => key.trim())
    .filter((key) => /^[\w.+*-]+\/[\w.+*-]+(\s*;.*)?$/.test(key));
  const unique = [...new Set(types)];
  const rank = (type: string) => (mediaKind(type) === 'json' ? 0 : 1);
  return unique
    .map((type, index) => ({ type, index }))
    .sort((a, b) => rank(a.type) - rank(b.type) || a.index - b.index)
    .map((e) => e.type);
}

/** The `content` key a normalized media type came from (`text/csv` of `text/csv, text/plain`), for its schema. */
export function contentKeyOf(content: Record<string, unknown>, mediaType: string): string | undefined {
  return Object.keys(content).find((key) =>
    key
      .split(',')
      .map((k) => k.trim())
      .includes(mediaType),
  );
}

/**
 * What the client asks for: the success response's chosen media type, which is what the method's return type
 * describes. A server that negotiates then answers in that form instead of 406; error bodies are still read as JSON
 * whatever the server sends. No declared content: `application/json`, which also covers JSON error bodies.
 */
export function acceptFor(responseTypes: readonly string[]): string {
  const chosen = responseTypes[0];
  return chosen === undefined ? 'application/json' : essence(chosen) === '' ? '*/*' : chosen;
}
