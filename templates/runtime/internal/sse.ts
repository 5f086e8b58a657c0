import { decodeItem, Stream, type ServerSentEvent } from '../streaming.js';
import { lines } from './lines.js';

/**
 * Server-sent events as the HTML standard parses them (§9.2.6 "Interpreting an event stream"): `data` lines joined
 * with `\n`, `event` defaulting to `message`, `id` kept until changed (a value containing NUL is ignored),
 * `retry` when it is all digits, comments (`:`) skipped, and an event without data not dispatched.
 */
export async function* serverSentEvents(
  body: AsyncIterable<Uint8Array>,
): AsyncGenerator<ServerSentEvent<string>> {
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;
  let first = true;
  for await (let line of lines(body)) {
    if (first && line.startsWith('\uFEFF')) line = line.slice(1);
    first = false;
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), id, retry };
      data = [];
      event = '';
      retry = undefined;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }
  // The standard discards an event the stream ends inside of (no blank line after it).
}

/** The Stream of an operation answering `text/event-stream`; `json`: each event's data is JSON-decoded. */
export function sseStream<T = string>(response: Response, json: boolean): Stream<ServerSentEvent<T>> {
  return new Stream(response, async function* (bytes) {
    for await (const event of serverSentEvents(bytes)) {
      yield (json ? { ...event, data: decodeItem(event.data, response) } : event) as ServerSentEvent<T>;
    }
  });
}
