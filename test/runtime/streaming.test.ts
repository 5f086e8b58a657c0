import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionError, InvalidResponseError, SDKError } from '../../templates/runtime/errors.js';
import { lines } from '../../templates/runtime/internal/lines.js';
import { ndjsonStream } from '../../templates/runtime/internal/ndjson.js';
import { serverSentEvents, sseStream } from '../../templates/runtime/internal/sse.js';
import type { ServerSentEvent } from '../../templates/runtime/streaming.js';
import { startWireServer, type Reply, type WireServer } from '../support/wire-server.js';

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.stop());

async function fetchReply(reply: Reply): Promise<Response> {
  server.reply(reply);
  return fetch(`${server.url}/stream`);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

describe('line splitting', () => {
  it('handles \\n, \\r\\n and \\r, a \\r\\n split across chunks, and a character split across chunks', async () => {
    const check = new TextEncoder().encode('✓');
    expect(
      await collect(
        lines(chunks('a\nb\r', '\nc\rd', check.subarray(0, 1), check.subarray(1), '\r\n', 'tail')),
      ),
    ).toEqual(['a', 'b', 'c', 'd✓', 'tail']);
  });
});

describe('server-sent events', () => {
  it('parses event names, ids, retry, multi-line data, comments and a BOM, across arbitrary chunk splits', async () => {
    const text =
      '\uFEFF: keep-alive\nretry: 3000\nid: 1\nevent: delta\ndata: {"a":\ndata: 1}\n\n: comment\ndata:no space\n\nid\nevent: x\n\nid: 2\ndata\ndata:  two\n\ndata: unterminated';
    const want: ServerSentEvent[] = [
      { event: 'delta', data: '{"a":\n1}', id: '1', retry: 3000 },
      { event: 'message', data: 'no space', id: '1', retry: undefined },
      { event: 'message', data: '\n two', id: '2', retry: undefined },
    ];
    // Every split point, so no boundary (inside a field name, between \r and \n, inside a multi-byte char) is special.
    const bytes = new TextEncoder().encode(text);
    for (let at = 0; at <= bytes.length; at += 7) {
      expect(await collect(serverSentEvents(chunks(bytes.subarray(0, at), bytes.subarray(at))))).toEqual(
        want,
      );
    }
  });

  it('streams events as they arrive over HTTP, JSON-decoded, with the raw response reachable', async () => {
    const response = await fetchReply({
      headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' },
      chunks: [
        'event: start\ndata: {"n":1}\n',
        20,
        '\nda',
        20,
        'ta: {"n":2}\n\n',
        20,
        'data: {"n":3}\r\n\r\n',
      ],
    });
    const stream = sseStream<{ n: number }>(response, true);
    expect(stream.response.headers.get('x-request-id')).toBe('req_1');
    const events = await collect(stream);
    expect(events.map((e) => [e.event, e.data.n])).toEqual([
      ['start', 1],
      ['message', 2],
      ['message', 3],
    ]);
    expect(String(stream)).toBe('[object Stream]');
  });

  it('yields each event before the next one is sent', async () => {
    const response = await fetchReply({
      headers: { 'content-type': 'text/event-stream' },
      chunks: ['data: first\n\n', 300, 'data: second\n\n'],
    });
    const started = Date.now();
    const seen: [string, number][] = [];
    for await (const event of sseStream(response, false)) seen.push([event.data, Date.now() - started]);
    expect(seen.map(([data]) => data)).toEqual(['first', 'second']);
    expect(seen[0]![1]).toBeLessThan(250);
    expect(seen[1]![1]).toBeGreaterThanOrEqual(250);
  });

  it('abort() ends the loop quietly and closes the connection of a stream that never ends', async () => {
    const response = await fetchReply({
      headers: { 'content-type': 'text/event-stream' },
      chunks: ['data: 1\n\n', 'data: 2\n\n'],
      hold: true,
    });
    const stream = sseStream(response, false);
    const closed = server.closed();
    const seen: string[] = [];
    for await (const event of stream) {
      seen.push(event.data);
      if (seen.length === 2) stream.abort();
    }
    expect(seen).toEqual(['1', '2']);
    await closed;
  });

  it('abort() while waiting for the next event ends the loop', async () => {
    const response = await fetchReply({
      headers: { 'content-type': 'text/event-stream' },
      chunks: ['data: 1\n\n'],
      hold: true,
    });
    const stream = sseStream(response, false);
    setTimeout(() => stream.abort(), 100);
    expect((await collect(stream)).map((e) => e.data)).toEqual(['1']);
  });

  it('breaking out of the loop closes the connection', async () => {
    const response = await fetchReply({
      headers: { 'content-type': 'text/event-stream' },
      chunks: ['data: 1\n\n'],
      hold: true,
    });
    const closed = server.closed();
    for await (const _event of sseStream(response, false)) break;
    await closed;
  });

  it('the request signal aborts the stream with an error; a stream is iterable once', async () => {
    const controller = new AbortController();
    server.reply({ headers: { 'content-type': 'text/event-stream' }, chunks: ['data: 1\n\n'], hold: true });
    const response = await fetch(`${server.url}/stream`, { signal: controller.signal });
    const stream = sseStream(response, false);
    setTimeout(() => controller.abort(), 50);
    await expect(collect(stream)).rejects.toThrow(APIConnectionError);
    await expect(collect(stream)).rejects.toThrow(SDKError);
  });

  it('data that is not JSON is an InvalidResponseError naming the problem', async () => {
    const response = await fetchReply({
      headers: { 'content-type': 'text/event-stream' },
      chunks: ['data: {oops\n\n'],
    });
    await expect(collect(sseStream(response, true))).rejects.toThrow(InvalidResponseError);
  });
});

describe('NDJSON', () => {
  it('decodes one value per line across chunk splits, skipping blank lines', async () => {
    const response = await fetchReply({
      headers: { 'content-type': 'application/x-ndjson' },
      chunks: ['{"a":1}\n{"a"', 10, ':2}\r\n\n', '[3]\n"four"'],
    });
    expect(await collect(ndjsonStream(response))).toEqual([{ a: 1 }, { a: 2 }, [3], 'four']);
  });

  it('a malformed line is an InvalidResponseError with the status', async () => {
    const response = await fetchReply({
      status: 200,
      headers: { 'content-type': 'application/jsonl' },
      chunks: ['{"a":1}\nnope\n'],
    });
    const error = await collect(ndjsonStream(response)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
  });
});
