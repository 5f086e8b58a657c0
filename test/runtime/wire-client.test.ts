import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIUserAbortError, SDKError } from '../../templates/runtime/errors.js';
import { formBody } from '../../templates/runtime/internal/form.js';
import { multipartBody } from '../../templates/runtime/internal/multipart.js';
import { path } from '../../templates/runtime/internal/path.js';
import { binaryBody } from '../../templates/runtime/internal/raw-body.js';
import { sseStream } from '../../templates/runtime/internal/sse.js';
import { styledPath, styledQuery } from '../../templates/runtime/internal/styles.js';
import { toFile } from '../../templates/runtime/uploads.js';
import { RawClient } from '../support/acme-client.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { basicAuth, bearerAuth } from '../../templates/runtime/internal/auth.js';

// The wire modules through BaseClient: what a generated method passes in RequestSpec, and what reaches the server.
let server: WireServer;
let client: RawClient;
beforeAll(async () => {
  server = await startWireServer();
  client = new RawClient(
    { securitySchemes: { basic: basicAuth() } },
    { baseURL: server.url, maxRetries: 0, apiKey: 'k' },
  );
});
afterAll(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ headers: { 'content-type': 'application/json' }, chunks: ['{}'] });
});

const last = () => server.requests.at(-1)!;

describe('URL, Accept and Content-Type', () => {
  it('sends the Accept the operation declares, and the declared JSON media type', async () => {
    server.reply({ headers: { 'content-type': 'application/pdf' }, chunks: ['%PDF'] });
    const pdf = await client.request<Blob>({
      method: 'patch',
      path: '/doc',
      accept: 'application/pdf',
      body: [{ op: 'add' }],
      contentType: 'application/json-patch+json',
    });
    expect(await pdf.text()).toBe('%PDF');
    expect(last().headers.accept).toBe('application/pdf');
    expect(last().headers['content-type']).toBe('application/json-patch+json');
    expect(JSON.parse(last().bytes.toString())).toEqual([{ op: 'add' }]);
  });

  it('a path with its own query gets the added query after `&`; styled pairs follow the plain ones', async () => {
    await client.request(
      {
        method: 'get',
        path: '/responses?beta=true',
        query: { limit: 2 },
        encodedQuery: styledQuery([['filter', { a: 1 }, { style: 'deepObject' }]]),
      },
      { query: { extra: 'x' } },
    );
    expect(last().url).toBe('/responses?beta=true&limit=2&extra=x&filter[a]=1');
    await client.request({ method: 'get', path: '/responses?beta=true' });
    expect(last().url).toBe('/responses?beta=true');
  });

  it('path styles reach the server as written', async () => {
    await client.request({
      method: 'get',
      path: path`/c/${styledPath('id', [1, 2], { style: 'matrix', explode: true })}`,
    });
    expect(last().url).toBe('/c/;id=1;id=2');
  });
});

describe('encoded bodies', () => {
  it('a form body is encoded once and sent with its content type', async () => {
    await client.request({
      method: 'post',
      path: '/charges',
      content: () =>
        formBody(
          { metadata: { k: 'v' }, expand: ['a'] },
          { metadata: { style: 'deepObject' }, expand: { style: 'deepObject', arrays: 'indices' } },
        ),
    });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last().bytes.toString()).toBe('metadata[k]=v&expand[0]=a');
  });

  it('a multipart body with a streamed file is re-sent whole on a retry', async () => {
    let calls = 0;
    server.reply(() =>
      ++calls === 1
        ? { status: 503, chunks: [] }
        : { headers: { 'content-type': 'application/json' }, chunks: ['{"ok":true}'] },
    );
    const stream = new Blob(['abc'.repeat(1000)]).stream();
    const retrying = new RawClient({}, { baseURL: server.url, maxRetries: 1, apiKey: 'k' });
    const file = await toFile(stream, 'a.txt', { type: 'text/plain' });
    expect(
      await retrying.request({
        method: 'post',
        path: '/files',
        content: () => multipartBody({ file, purpose: 'x' }),
      }),
    ).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests)
      expect(await (request.form!.get('file') as File).text()).toBe('abc'.repeat(1000));
  });

  it('a binary body keeps its bytes and type', async () => {
    const bytes = Uint8Array.from([0, 255, 1, 254]);
    await client.request({
      method: 'put',
      path: '/blob',
      content: () => binaryBody(bytes, 'application/octet-stream'),
    });
    expect([...last().bytes]).toEqual([0, 255, 1, 254]);
    expect(last().headers['content-type']).toBe('application/octet-stream');
  });
});

describe('HTTP Basic with a username and a password', () => {
  const basic = (options: Record<string, unknown>) =>
    new RawClient(
      { securitySchemes: { basic: basicAuth() } },
      { baseURL: server.url, maxRetries: 0, ...options },
    );

  it('sends both, from a value or a function; a string is still the username alone', async () => {
    await basic({ apiKey: { username: 'AC123', password: 's3cret' } }).request({
      method: 'get',
      path: '/me',
      security: [['basic']],
    });
    expect(last().headers.authorization).toBe(`Basic ${btoa('AC123:s3cret')}`);
    await basic({ apiKey: async () => ({ username: 'AC9', password: 'p' }) }).request({
      method: 'get',
      path: '/me',
      security: [['basic']],
    });
    expect(last().headers.authorization).toBe(`Basic ${btoa('AC9:p')}`);
    await basic({ apiKey: 'key' }).request({ method: 'get', path: '/me', security: [['basic']] });
    expect(last().headers.authorization).toBe(`Basic ${btoa('key:')}`);
  });

  it('never shows the password or the token in an error', async () => {
    server.reply({
      status: 400,
      headers: { 'content-type': 'application/json' },
      chunks: [JSON.stringify({ message: `bad s3cret ${btoa('AC123:s3cret')}` })],
    });
    const error = await basic({ apiKey: { username: 'AC123', password: 's3cret' } })
      .request({ method: 'get', path: '/me', security: [['basic']] })
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).not.toMatch(/s3cret|QUMxMjM6czNjcmV0/);
  });

  it('a username and password cannot go where a single token is needed', async () => {
    const bearer = new RawClient(
      { securitySchemes: { bearer: bearerAuth() } },
      { baseURL: server.url, maxRetries: 0, apiKey: { username: 'u', password: 'p' } },
    );
    await expect(bearer.request({ method: 'get', path: '/me', security: [['bearer']] })).rejects.toThrow(
      SDKError,
    );
  });
});

describe('streams through the client', () => {
  it('outlive the timeout (it covers the headers), and the request signal still aborts them', async () => {
    server.reply({
      headers: { 'content-type': 'text/event-stream' },
      chunks: ['data: 1\n\n', 300, 'data: 2\n\n'],
      hold: true,
    });
    const controller = new AbortController();
    const stream = await client.request(
      { method: 'get', path: '/events', accept: 'text/event-stream', stream: true },
      { timeout: 150, signal: controller.signal },
      (res) => sseStream(res, false),
    );
    expect(last().headers.accept).toBe('text/event-stream');
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of stream) {
        seen.push(event.data);
        if (seen.length === 2) controller.abort();
      }
    })();
    await expect(reading).rejects.toThrow(APIUserAbortError);
    expect(seen).toEqual(['1', '2']);
  });
});
