import { decodeItem, Stream } from '../streaming.js';
import { lines } from './lines.js';

/** Newline-delimited JSON (`application/x-ndjson`, `application/jsonl`): one value per non-blank line. */
export async function* jsonLines(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  for await (const line of lines(body)) if (line.trim() !== '') yield line;
}

/** The Stream of an operation answering NDJSON: one decoded value per line. */
export function ndjsonStream<T = unknown>(response: Response): Stream<T> {
  return new Stream(response, async function* (bytes) {
    for await (const line of jsonLines(bytes)) yield decodeItem(line, response) as T;
  });
}
