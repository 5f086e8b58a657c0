// An API error keeps at most 64 KB of the response body, whatever the server sends, and records its real length.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type APIError, type InternalServerError, NotFoundError } from '../../../templates/runtime/errors.js';
import { ERROR_BODY_LIMIT } from '../../../templates/runtime/internal/response.js';
import { clientFor, json, rejection, SCHEMES, SECRET, startLoopback, type Loopback } from './loopback.js';

let api: Loopback;

beforeAll(async () => {
  api = await startLoopback();
});
afterAll(() => api.stop());
beforeEach(() => api.reset());

const client = () => clientFor(api, SCHEMES.bearer);

/** Streams `size` characters of `fill` in 64 KB chunks as the body of a `status` response. */
function huge(status: number, size: number, fill = 'a') {
  api.handle((_, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' });
    const chunk = fill.repeat(64 * 1024);
    let left = size;
    const write = () => {
      while (left > 0) {
        const piece = chunk.slice(0, Math.min(left, chunk.length));
        left -= piece.length;
        if (!res.write(piece)) return void res.once('drain', write);
      }
      res.end();
    };
    write();
  });
}

describe('error bodies are capped', () => {
  it('a 20 MB error body is kept as its first 64 KB, with the full length recorded', async () => {
    huge(404, 20 * 1024 * 1024);
    const error = (await rejection(client().request({ method: 'get', path: '/x' }))) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(typeof error.error).toBe('string');
    expect((error.error as string).length).toBe(ERROR_BODY_LIMIT);
    expect(error.bodyLength).toBe(20 * 1024 * 1024);
    expect(error.message).toBe('404 Not Found');
  });

  it('the cut never leaves half a UTF-8 character', async () => {
    huge(500, 200_000, '€');
    const error = (await rejection(client().request({ method: 'get', path: '/x' }))) as InternalServerError;
    const kept = error.error as string;
    expect(kept).toMatch(/^€+$/);
    // 65 536 bytes hold 21 845 three-byte characters and one third of another, which is dropped.
    expect(kept.length).toBe(21_845);
    expect(error.bodyLength).toBe(600_000);
  });

  it('a small JSON error body is parsed whole, its length in bytes recorded, the credential scrubbed', async () => {
    const body = { error: { message: `bad key ${SECRET} ü` } };
    api.handle((_, res) => json(res, 422, body));
    const error = (await rejection(
      client().request({ method: 'get', path: '/x', security: [['s']] }),
    )) as APIError;
    expect(error.error).toEqual({ error: { message: 'bad key *** ü' } });
    expect(error.bodyLength).toBe(Buffer.byteLength(JSON.stringify(body)));
  });

  it('an empty error body has length 0', async () => {
    api.handle((_, res) => void res.writeHead(409).end());
    const error = (await rejection(client().request({ method: 'get', path: '/x' }))) as APIError;
    expect([error.error, error.bodyLength, error.message]).toEqual([undefined, 0, '409 Conflict']);
  });
});
