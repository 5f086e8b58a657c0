/**
 * Splits a byte stream into lines (`\n`, `\r\n` or `\r`, as the SSE and NDJSON formats allow), decoding UTF-8
 * across chunk boundaries: a chunk may end inside a character, or between the `\r` and `\n` of one line break.
 */
export async function* lines(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    yield* drain();
  }
  buffer += decoder.decode();
  yield* drain();
  if (buffer !== '') yield buffer;

  function* drain(): Generator<string> {
    for (let at = buffer.search(/[\r\n]/); at !== -1; at = buffer.search(/[\r\n]/)) {
      // A trailing `\r` may be the first half of `\r\n`: wait for the next chunk (or the end) to know.
      if (buffer[at] === '\r' && at === buffer.length - 1) return;
      const width = buffer[at] === '\r' && buffer[at + 1] === '\n' ? 2 : 1;
      yield buffer.slice(0, at);
      buffer = buffer.slice(at + width);
    }
  }
}
