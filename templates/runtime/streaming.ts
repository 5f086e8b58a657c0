import { APIConnectionError, InvalidResponseError, SDKError } from './errors.js';

/** One server-sent event; `data` is JSON-decoded when the operation's schema describes JSON. */
export interface ServerSentEvent<T = string> {
  /** The `event` field; `message` when the server sent none. */
  event: string;
  data: T;
  /** The last event id the server set (kept across events, as EventSource does), for resuming. */
  id: string | undefined;
  /** The reconnection delay in ms, on the event that set it. */
  retry: number | undefined;
}

/**
 * A response body read item by item as it arrives: `for await (const item of stream)`. Iterable once. `abort()`
 * (or leaving the loop early) closes the connection and ends the loop quietly; the request's `signal` aborts it
 * with APIUserAbortError. `response` is the raw Response (status, headers), its body owned by the stream.
 */
export class Stream<T> implements AsyncIterable<T> {
  readonly response: Response;
  readonly #items: (bytes: AsyncIterable<Uint8Array>) => AsyncIterable<T>;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #aborted = false;
  #iterated = false;

  constructor(response: Response, items: (bytes: AsyncIterable<Uint8Array>) => AsyncIterable<T>) {
    this.response = response;
    this.#items = items;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    if (this.#iterated) throw new SDKError('A Stream can be iterated only once.');
    this.#iterated = true;
    if (this.#aborted || this.response.body === null) return;
    this.#reader = this.response.body.getReader();
    try {
      yield* this.#items(this.#bytes(this.#reader));
    } finally {
      await this.#reader.cancel().catch(() => undefined);
    }
  }

  /** Stops reading and closes the connection; a running `for await` ends after the item it is on. */
  abort(): void {
    this.#aborted = true;
    if (this.#reader) this.#reader.cancel().catch(() => undefined);
    else this.response.body?.cancel().catch(() => undefined);
  }

  get [Symbol.toStringTag](): string {
    return 'Stream';
  }

  async *#bytes(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
    while (!this.#aborted) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (this.#aborted) return;
        if (error instanceof SDKError) throw error;
        throw new APIConnectionError('Connection lost while reading the stream.', { cause: error });
      }
      if (chunk.done) return;
      yield chunk.value;
    }
  }
}

/** Decodes one item's JSON text; a malformed item is the server's error, reported with a snippet of it. */
export function decodeItem(text: string, response: Response): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new InvalidResponseError(
      `A streamed item is not valid JSON (${reason}).`,
      response.status,
      response.headers,
      text.slice(0, 200),
    );
  }
}
