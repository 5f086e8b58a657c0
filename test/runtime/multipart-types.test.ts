import { afterAll, beforeAll, expect, it } from 'vitest';
import { multipartBody } from '../../templates/runtime/internal/multipart.js';
import { RawClient } from '../support/acme-client.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

// A multipart media type other than form-data (Directus declares `multipart/data`): the declared type is sent, with
// the boundary of the parts, and a server reading the parts finds them.
let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.stop());

it('sends the declared multipart type with its boundary; form-data is left to fetch', async () => {
  const client = new RawClient({}, { baseURL: server.url, maxRetries: 0 });
  const file = new File(['abc'], 'a.txt', { type: 'text/plain' });
  await client.request({
    method: 'post',
    path: '/files',
    content: () => multipartBody({ file, title: 't' }, {}, 'multipart/mixed'),
  });
  const sent = server.requests.at(-1)!;
  const type = sent.headers['content-type']!;
  expect(type).toMatch(/^multipart\/mixed; boundary=\S+$/);
  const parts = await new Request('http://local/', {
    method: 'POST',
    headers: { 'content-type': type.replace('multipart/mixed', 'multipart/form-data') },
    body: new Uint8Array(sent.bytes),
  }).formData();
  expect([await (parts.get('file') as File).text(), parts.get('title')]).toEqual(['abc', 't']);
  expect((await multipartBody({ title: 't' })).contentType).toBeUndefined();
});
