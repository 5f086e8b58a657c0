import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Errors from '../../templates/runtime/errors.js';
import { Acme, RawClient } from '../support/acme-client.js';
import { startFakeAPIServer, type FakeAPIServer } from '../support/fake-api-server.js';

let server: FakeAPIServer;
let client: Acme;

beforeAll(async () => {
  server = await startFakeAPIServer();
  client = new Acme({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
});
afterAll(() => server.stop());
beforeEach(() => server.reset());

const failure = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => null,
    (error: unknown) => error,
  );

describe('status classes', () => {
  it.each([
    [400, Errors.BadRequestError],
    [401, Errors.AuthenticationError],
    [403, Errors.PermissionDeniedError],
    [404, Errors.NotFoundError],
    [409, Errors.ConflictError],
    [422, Errors.UnprocessableEntityError],
    [429, Errors.RateLimitError],
    [500, Errors.InternalServerError],
    [503, Errors.InternalServerError],
  ])('%i -> %o', async (status, ErrorClass) => {
    server.fault({ status, headers: { 'x-should-retry': 'false' }, body: { message: `m${status}` } });
    const error = await failure(client.widgets.retrieve('w_001'));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(Errors.APIError);
    expect(error).toMatchObject({ status, message: `${status} m${status}`, name: ErrorClass.name });
  });

  it('an unlisted 4xx is a plain APIError', async () => {
    server.fault({ status: 418, body: '' });
    const error = await failure(client.widgets.retrieve('w_001'));
    expect(error?.constructor).toBe(Errors.APIError);
    expect((error as Error).message).toBe("418 I'm a Teapot");
  });

  it('exposes the classes as static members of the client', () => {
    expect(Acme.APIError).toBe(Errors.APIError);
    expect(Acme.NotFoundError).toBe(Errors.NotFoundError);
    expect(Acme.APIConnectionTimeoutError).toBe(Errors.APIConnectionTimeoutError);
    expect(new Errors.APIConnectionTimeoutError()).toBeInstanceOf(Acme.APIConnectionError);
  });
});

describe('messages and bodies', () => {
  it('reads the configured message path, the body, headers and the request id', async () => {
    const error = (await failure(client.widgets.retrieve('missing'))) as Errors.NotFoundError;
    expect(error.message).toMatch(/^404 No widget missing for credentials/);
    expect(error.requestID).toBe('req_404');
    expect(error.headers.get('content-type')).toBe('application/json');
    expect(error.error).toMatchObject({ error: { type: 'not_found' } });
  });

  it.each([
    [{ message: 'top' }, 'top'],
    [{ error: 'as string' }, 'as string'],
    [{ detail: 'from detail' }, 'from detail'],
    [{ title: 'from title' }, 'from title'],
    [{ errors: [{ message: 'first of many' }] }, 'first of many'],
    ['short text body', 'short text body'],
    [{ unrelated: true }, 'Bad Request'],
  ])('finds the message in %j', async (body, expected) => {
    server.fault({ status: 400, body });
    expect(await failure(client.widgets.retrieve('w_001'))).toHaveProperty('message', `400 ${expected}`);
  });

  it('a config path wins over the common shapes', async () => {
    const raw = new RawClient(
      { errorMessagePaths: [['fault', 'text']] },
      { baseURL: server.url, maxRetries: 0 },
    );
    server.fault({ status: 400, body: { message: 'generic', fault: { text: 'specific' } } });
    expect(await failure(raw.request({ method: 'get', path: '/echo' }))).toHaveProperty(
      'message',
      '400 specific',
    );
  });

  it('an HTML 502 page gives InternalServerError with a short readable message', async () => {
    const html = '<!doctype html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';
    server.fault({ status: 502, headers: { 'content-type': 'text/html' }, body: html });
    const error = await failure(client.widgets.retrieve('w_001', { maxRetries: 0 }));
    expect(error).toBeInstanceOf(Errors.InternalServerError);
    expect((error as Error).message).toBe('502 Bad Gateway');
    expect((error as Errors.APIError).error).toBe(html);
  });

  it('a retried HTML 502 still ends in the right class after the retries', async () => {
    const page = {
      status: 502,
      headers: { 'content-type': 'text/html', 'retry-after-ms': '5' },
      body: '<html>x</html>',
    };
    server.fault(page, page, page);
    expect(await failure(client.widgets.retrieve('w_001', { maxRetries: 2 }))).toBeInstanceOf(
      Errors.InternalServerError,
    );
    expect(server.requests).toHaveLength(3);
  });

  it('malformed JSON in a 200 is InvalidResponseError, not a SyntaxError, and is not retried', async () => {
    server.fault({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"id": "w_001",' });
    const error = await failure(new Acme({ apiKey: 'k', baseURL: server.url }).widgets.retrieve('w_001'));
    expect(error).toBeInstanceOf(Errors.InvalidResponseError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toMatchObject({ status: 200, bodySnippet: '{"id": "w_001",' });
    expect(server.requests).toHaveLength(1);
  });
});
