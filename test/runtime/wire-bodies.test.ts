import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EncodedBody } from '../../templates/runtime/internal/body.js';
import { formBody } from '../../templates/runtime/internal/form.js';
import { multipartBody } from '../../templates/runtime/internal/multipart.js';
import { binaryBody, textBody } from '../../templates/runtime/internal/raw-body.js';
import { toFile, type Uploadable } from '../../templates/runtime/uploads.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

let server: WireServer;
let dir: string;
beforeAll(async () => {
  server = await startWireServer();
  dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-wire-'));
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
});

/** Sends an encoded body the way the client does (content type set unless fetch writes it) and returns what arrived. */
async function send(encoded: EncodedBody | Promise<EncodedBody>) {
  const { body, contentType } = await encoded;
  await fetch(`${server.url}/upload`, {
    method: 'POST',
    body,
    headers: contentType ? { 'content-type': contentType } : {},
  });
  return server.requests.at(-1)!;
}

const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);

describe('application/x-www-form-urlencoded', () => {
  it('nests per encoding (deepObject metadata, indexed and bracketed arrays), JSON parts, text scalars', async () => {
    const received = await send(
      formBody(
        {
          amount: 1200,
          capture: false,
          metadata: { order: 'A 1', 'x&y': 'z' },
          expand: ['customer', 'invoice'],
          permissions: ['read'],
          tags: ['a', 'b'],
          shape: { w: 1 },
          note: undefined,
        },
        {
          metadata: { style: 'deepObject', explode: true },
          expand: { style: 'deepObject', explode: true, arrays: 'brackets' },
          permissions: { style: 'deepObject', explode: true, arrays: 'indices' },
          tags: { style: 'form', explode: false },
          shape: { json: true },
        },
      ),
    );
    expect(received.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(received.bytes.toString()).toBe(
      'amount=1200&capture=false&metadata[order]=A%201&metadata[x%26y]=z&expand[]=customer&expand[]=invoice&permissions[0]=read&tags=a,b&shape=%7B%22w%22%3A1%7D',
    );
    const form = received.form!;
    expect(form.get('metadata[order]')).toBe('A 1');
    expect(form.get('metadata[x&y]')).toBe('z');
    expect(form.getAll('expand[]')).toEqual(['customer', 'invoice']);
    expect(form.get('permissions[0]')).toBe('read');
    expect(JSON.parse(String(form.get('shape')))).toEqual({ w: 1 });
  });

  it('writes an undeclared object field the OpenAPI default way (form, exploded: its properties become fields)', async () => {
    const received = await send(formBody({ address: { city: 'Oslo', zip: '0150' } }));
    expect([...received.form!.entries()]).toEqual([
      ['city', 'Oslo'],
      ['zip', '0150'],
    ]);
  });

  it('is not fooled by a field named like an Object member', async () => {
    const received = await send(formBody({ constructor: 'x' }, {}));
    expect(received.bytes.toString()).toBe('constructor=x');
  });
});

describe('multipart/form-data with every Uploadable kind', () => {
  const filePath = () => path.join(dir, 'report.bin');
  beforeAll(async () => writeFile(filePath(), bytes));

  const kinds: [string, () => Uploadable, { name: string; type: string }][] = [
    [
      'Blob',
      () => new Blob([bytes], { type: 'application/x-thing' }),
      { name: 'blob-name', type: 'application/x-thing' },
    ],
    [
      'File',
      () => new File([bytes], 'photo.png', { type: 'image/png' }),
      { name: 'photo.png', type: 'image/png' },
    ],
    ['ArrayBuffer', () => bytes.slice().buffer, { name: 'file', type: 'image/webp' }],
    ['Uint8Array', () => bytes, { name: 'file', type: 'image/webp' }],
    ['Buffer (a window on a larger pool)', () => Buffer.from(bytes), { name: 'file', type: 'image/webp' }],
    ['DataView', () => new DataView(bytes.slice().buffer), { name: 'file', type: 'image/webp' }],
    ['ReadableStream', () => new Blob([bytes]).stream(), { name: 'file', type: 'image/webp' }],
    [
      'Node fs.ReadStream',
      () => createReadStream(filePath(), { highWaterMark: 64 }) as unknown as Uploadable,
      { name: 'report.bin', type: 'image/webp' },
    ],
    [
      'Response',
      () => new Response(bytes, { headers: { 'content-type': 'application/pdf' } }),
      { name: 'file', type: 'application/pdf' },
    ],
    [
      'async iterable',
      () =>
        (async function* () {
          yield bytes.subarray(0, 100);
          yield bytes.subarray(100);
        })(),
      { name: 'file', type: 'image/webp' },
    ],
  ];

  it.each(kinds)('%s: bytes, file name and content type arrive', async (_kind, make, want) => {
    const value = make();
    const named =
      value instanceof Blob && !(value instanceof File) ? await toFile(value, 'blob-name') : value;
    const received = await send(
      multipartBody({ file: named, purpose: 'fine-tune' }, { file: { contentType: 'image/webp' } }),
    );
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const file = received.form!.get('file') as File;
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe(want.name);
    expect(file.type).toBe(want.type);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(received.form!.get('purpose')).toBe('fine-tune');
  });

  it('repeats arrays of files (untyped ones as octet-stream) and fields, writes objects as JSON and scalars as text, skips absent fields', async () => {
    const received = await send(
      multipartBody({
        files: [
          await toFile(bytes, 'a.bin'),
          await toFile(new Blob(['hi']), 'b.txt', { type: 'text/plain' }),
        ],
        tags: ['x', 'y'],
        meta: { n: 1 },
        count: 3,
        flag: true,
        gone: undefined,
        at: new Date(Date.UTC(2024, 0, 1)),
      }),
    );
    const form = received.form!;
    expect((form.getAll('files') as File[]).map((f) => [f.name, f.type, f.size])).toEqual([
      ['a.bin', 'application/octet-stream', 300],
      ['b.txt', 'text/plain', 2],
    ]);
    expect(form.getAll('tags')).toEqual(['x', 'y']);
    expect(JSON.parse(String(form.get('meta')))).toEqual({ n: 1 });
    expect([form.get('count'), form.get('flag'), form.has('gone'), form.get('at')]).toEqual([
      '3',
      'true',
      false,
      '2024-01-01T00:00:00.000Z',
    ]);
  });
});

describe('toFile', () => {
  it('keeps a File as it is when nothing changes, and renames or retypes on request', async () => {
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });
    expect(await toFile(file)).toBe(file);
    const renamed = await toFile(file, 'b.csv', { type: 'text/csv' });
    expect([renamed.name, renamed.type, await renamed.text()]).toEqual(['b.csv', 'text/csv', 'x']);
  });

  it('names a Response after its URL and takes its content type; accepts a promise', async () => {
    const response = new Response('%PDF', { headers: { 'content-type': 'application/pdf' } });
    Object.defineProperty(response, 'url', { value: 'https://files.example/docs/Annual%20report.pdf?sig=1' });
    const file = await toFile(Promise.resolve(response));
    expect([file.name, file.type, await file.text()]).toEqual([
      'Annual report.pdf',
      'application/pdf',
      '%PDF',
    ]);
  });
});

describe('raw bodies', () => {
  it('octet-stream: a stream is read whole and sent byte for byte with the declared type', async () => {
    const received = await send(binaryBody(new Blob([bytes]).stream(), 'application/octet-stream'));
    expect(received.headers['content-type']).toBe('application/octet-stream');
    expect(new Uint8Array(received.bytes)).toEqual(bytes);
  });

  it("the declared type is sent; a Blob's own type only refines a generic octet-stream declaration", async () => {
    const received = await send(
      binaryBody(new Blob([bytes], { type: 'image/png' }), 'application/octet-stream'),
    );
    expect(received.headers['content-type']).toBe('image/png');
    expect(received.bytes.length).toBe(300);
    const declared = await send(
      binaryBody(new Blob([bytes], { type: 'application/octet-stream' }), 'image/png'),
    );
    expect(declared.headers['content-type']).toBe('image/png');
  });

  it('text/plain: UTF-8 with a charset', async () => {
    const received = await send(textBody('grüße ✓', 'text/plain'));
    expect(received.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(received.bytes.toString('utf8')).toBe('grüße ✓');
    expect(textBody('a', 'text/csv; charset=latin1').contentType).toBe('text/csv; charset=latin1');
  });
});
