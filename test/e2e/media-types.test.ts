import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generatePackage, type GeneratedPackage } from '../../generator/pipeline.js';
import { resolveProviderConfig } from '../../generator/providers.js';
import type { Manifest } from '../../generator/emit/package/manifest.js';
import { generateDocument, writePackage } from '../corpus/corpus.js';
import { writeExamples } from '../corpus/examples.js';
import { formatErrors, typecheckPackages } from '../corpus/typecheck.js';
import { tempDir } from '../support/temp-dir.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

/**
 * Operations with more than one request media type or more than one response media type (test/e2e/fixtures/media),
 * generated, compiled strictly with snippets that must and must not type-check, and called against a loopback
 * server that decodes what it receives: each request form sends its own Content-Type and bytes, each Accept is sent
 * as asked and answered with what the return type says.
 */
const FIXTURE = path.resolve('test/e2e/fixtures/media');
let pkg: GeneratedPackage;
let dir: string;
let server: WireServer;
let client: any;

beforeAll(async () => {
  const provider = resolveProviderConfig(
    { clientName: 'Mediafix', packageName: 'mediafix', sources: [{ file: 'openapi.yaml' }] },
    FIXTURE,
    '--spec',
  );
  pkg = await generatePackage(provider, { rootDir: process.cwd(), templatesDir: path.resolve('templates') });
  dir = await tempDir('sdkgen-media-');
  for (const [file, text] of pkg.files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  server = await startWireServer();
  const { Mediafix } = await import(path.join(dir, 'src/index.ts'));
  client = new Mediafix({ baseURL: server.url, apiKey: 'sk-test', maxRetries: 0 });
}, 120_000);

afterAll(() => server?.stop());

beforeEach(() => {
  server.requests.length = 0;
  server.reply({ headers: { 'content-type': 'application/json' }, chunks: ['{"id":"x","content":"c"}'] });
});

const last = () => server.requests.at(-1)!;

describe('types: a wrong combination does not compile', () => {
  it('every snippet that must type-check does, and every one marked @ts-expect-error does not', async () => {
    const snippet = `import Mediafix, { toFile, type Report, type Stream, type ServerSentEvent, type LogLine } from '../src/index.js';
const client = new Mediafix({ apiKey: 'k' });
const image = await toFile(new Uint8Array([1]), 'a.png', { type: 'image/png' });

// Request media types: the main one by default, the others named by contentType, each with its own body type.
await client.images.createEdit({ image_url: 'https://x/a.png', prompt: 'p' });
await client.images.createEdit({ image_url: 'https://x/a.png', prompt: 'p' }, { contentType: 'application/json' });
await client.images.createEdit({ image, prompt: 'p' }, { contentType: 'multipart/form-data' });
// @ts-expect-error a file body without the multipart content type
await client.images.createEdit({ image, prompt: 'p' });
// @ts-expect-error the JSON body with the multipart content type
await client.images.createEdit({ image_url: 'u', prompt: 'p' }, { contentType: 'multipart/form-data' });
// @ts-expect-error a media type the operation does not declare
await client.images.createEdit({ image_url: 'u', prompt: 'p' }, { contentType: 'text/plain' });
await client.channels.createMessage('c1', { content: 'hi' }, { contentType: 'application/x-www-form-urlencoded' });
await client.channels.createMessage('c1', { payload_json: { content: 'hi' }, 'files[0]': image }, { contentType: 'multipart/form-data' });
await client.files.uploadContent('f1', { body: new Uint8Array([1]), overwrite: true }, { contentType: 'application/octet-stream' });
// @ts-expect-error a raw body must be given
await client.files.uploadContent('f1', { overwrite: true }, { contentType: 'application/octet-stream' });
await client.notes.create({ body: 'plain text' }, { contentType: 'text/plain' });
// @ts-expect-error a text body is a string
await client.notes.create({ body: 1 }, { contentType: 'text/plain' });
await client.tables.appendRows('t1', 'a,b\\n', { dry_run: true }, { contentType: 'text/csv' });
await client.tables.appendRows('t1', [['a', 'b']]);
// @ts-expect-error rows as CSV text need the text/csv content type
await client.tables.appendRows('t1', 'a,b\\n');

// Response media types: the return type follows accept; the default is the main one.
const report: Report = await client.reports.retrieve('r1');
const csv: string = await client.reports.retrieve('r1', { accept: 'text/csv' });
const pdf: Blob = await client.reports.retrieve('r1', { accept: 'application/pdf' });
// @ts-expect-error CSV is a string, not a Report
const wrong: Report = await client.reports.retrieve('r1', { accept: 'text/csv' });
// @ts-expect-error an Accept the response does not declare
await client.reports.retrieve('r1', { accept: 'image/png' });
const events: Stream<ServerSentEvent<LogLine>> = await client.jobs.logs.list('j1', { accept: 'text/event-stream' });
const lines: Stream<LogLine> = await client.jobs.logs.list('j1', { accept: 'application/x-ndjson' });
const all: LogLine[] = await client.jobs.logs.list('j1');
console.log(report, csv, pdf, wrong, events, lines, all);
`;
    // With the README's, api.md's and the JSDoc examples: each documents a content kind with a real call.
    const { examples } = await writeExamples(dir);
    expect(examples).toBeGreaterThan(10);
    await writeFile(path.join(dir, 'examples/media-types.ts'), snippet);
    expect(formatErrors(await typecheckPackages([dir]), dir)).toBe('');
  }, 120_000);
});

describe('each request media type sends its own Content-Type and bytes', () => {
  it('JSON by default; multipart with the file and its name and type when asked', async () => {
    server.reply({ headers: { 'content-type': 'application/json' }, chunks: ['{"created":1,"data":[]}'] });
    expect(await client.images.createEdit({ image_url: 'https://x/a.png', prompt: 'p', n: 2 })).toEqual({
      created: 1,
      data: [],
    });
    expect(last().headers['content-type']).toBe('application/json');
    expect(JSON.parse(last().bytes.toString())).toEqual({ image_url: 'https://x/a.png', prompt: 'p', n: 2 });

    const { toFile } = await import(path.join(dir, 'src/index.ts'));
    const image = await toFile(new Uint8Array([137, 80, 78, 71]), 'a.png', { type: 'image/png' });
    await client.images.createEdit({ image, prompt: 'p', n: 2 }, { contentType: 'multipart/form-data' });
    expect(last().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const file = last().form!.get('image') as File;
    expect([file.name, file.type, [...new Uint8Array(await file.arrayBuffer())]]).toEqual([
      'a.png',
      'image/png',
      [137, 80, 78, 71],
    ]);
    expect(last().form!.get('prompt')).toBe('p');
    expect(last().form!.get('n')).toBe('2');
    expect(last().form!.has('mask')).toBe(false);
  });

  it('a message as JSON, as a form, or as multipart with a JSON part and an attachment', async () => {
    await client.channels.createMessage('c1', { content: 'hi', tts: true });
    expect(last().url).toBe('/channels/c1/messages');
    expect([last().headers['content-type'], last().bytes.toString()]).toEqual([
      'application/json',
      '{"content":"hi","tts":true}',
    ]);
    await client.channels.createMessage(
      'c1',
      { content: 'hi', tts: false },
      { contentType: 'application/x-www-form-urlencoded' },
    );
    expect([last().headers['content-type'], last().bytes.toString()]).toEqual([
      'application/x-www-form-urlencoded',
      'content=hi&tts=false',
    ]);
    await client.channels.createMessage(
      'c1',
      { payload_json: { content: 'hi' }, 'files[0]': new Blob(['log'], { type: 'text/plain' }) },
      { contentType: 'multipart/form-data' },
    );
    // An object field is a JSON part (templates/runtime/internal/multipart.ts), as Discord reads `payload_json`.
    expect(JSON.parse(last().form!.get('payload_json') as string)).toEqual({ content: 'hi' });
    expect(await (last().form!.get('files[0]') as File).text()).toBe('log');
  });

  it('Stripe-style: the form alternative writes nested objects and arrays as the encoding says', async () => {
    await client.customers.create(
      { email: 'a@b.c', metadata: { plan: 'pro' }, expand: ['x', 'y'], tax_exempt: false },
      { contentType: 'application/x-www-form-urlencoded' },
    );
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(decodeURIComponent(last().bytes.toString())).toBe(
      'email=a@b.c&metadata[plan]=pro&expand[]=x&expand[]=y&tax_exempt=false',
    );
    await client.customers.create({ email: 'a@b.c' });
    expect([last().headers['content-type'], last().bytes.toString()]).toEqual([
      'application/json',
      '{"email":"a@b.c"}',
    ]);
  });

  it('raw alternatives: octet-stream bytes and text/plain and text/csv text, the query still sent', async () => {
    server.reply({ status: 204, chunks: [] });
    await client.files.uploadContent('f1', { data_base64: 'AAE=' });
    expect(JSON.parse(last().bytes.toString())).toEqual({ data_base64: 'AAE=' });
    await client.files.uploadContent(
      'f1',
      { body: Uint8Array.from([0, 1, 255]), overwrite: true },
      { contentType: 'application/octet-stream' },
    );
    expect(last().url).toBe('/files/f1/content?overwrite=true');
    expect(last().headers['content-type']).toBe('application/octet-stream');
    expect([...last().bytes]).toEqual([0, 1, 255]);

    server.reply({ headers: { 'content-type': 'application/json' }, chunks: ['{"id":"n","text":"t"}'] });
    await client.notes.create({ body: 'plain words' }, { contentType: 'text/plain' });
    expect([last().headers['content-type'], last().bytes.toString()]).toEqual([
      'text/plain; charset=utf-8',
      'plain words',
    ]);

    await client.tables.appendRows('t1', 'a,b\n1,2\n', { dry_run: true }, { contentType: 'text/csv' });
    expect(last().url).toBe('/tables/t1/rows?dry_run=true');
    expect([last().headers['content-type'], last().bytes.toString()]).toEqual([
      'text/csv; charset=utf-8',
      'a,b\n1,2\n',
    ]);
    await client.tables.appendRows('t1', [['a', 'b']]);
    expect([last().headers['content-type'], last().bytes.toString()]).toEqual([
      'application/json',
      '[["a","b"]]',
    ]);
  });
});

describe('the Accept sent is the one chosen, and the result is what the return type says', () => {
  it('a report as JSON (default), CSV text or a PDF Blob', async () => {
    server.reply((request) =>
      request.headers.accept === 'text/csv'
        ? { headers: { 'content-type': 'text/csv' }, chunks: ['id,total\nr1,3\n'] }
        : request.headers.accept === 'application/pdf'
          ? {
              headers: { 'content-type': 'application/pdf' },
              chunks: [Uint8Array.from([37, 80, 68, 70, 0, 255])],
            }
          : { headers: { 'content-type': 'application/json' }, chunks: ['{"id":"r1","total":3}'] },
    );
    expect(await client.reports.retrieve('r1')).toEqual({ id: 'r1', total: 3 });
    expect(last().headers.accept).toBe('application/json');
    expect(await client.reports.retrieve('r1', { accept: 'text/csv' })).toBe('id,total\nr1,3\n');
    expect(last().headers.accept).toBe('text/csv');
    const pdf = await client.reports.retrieve('r1', { accept: 'application/pdf' });
    expect(pdf).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await pdf.arrayBuffer())]).toEqual([37, 80, 68, 70, 0, 255]);
    expect(last().headers.accept).toBe('application/pdf');
  });

  it('a log as a JSON array, a stream of events split across chunks, or NDJSON lines', async () => {
    server.reply((request) =>
      request.headers.accept === 'text/event-stream'
        ? {
            headers: { 'content-type': 'text/event-stream' },
            chunks: ['data: {"seq":1,', 5, '"text":"a"}\n\n: comment\nid: 2\ndata: {"seq":2,"text":"b"}\n\n'],
          }
        : request.headers.accept === 'application/x-ndjson'
          ? {
              headers: { 'content-type': 'application/x-ndjson' },
              chunks: ['{"seq":1,"text":"a"}\n{"seq":', 5, '2,"text":"b"}\n'],
            }
          : { headers: { 'content-type': 'application/json' }, chunks: ['[{"seq":1,"text":"a"}]'] },
    );
    expect(await client.jobs.logs.list('j1')).toEqual([{ seq: 1, text: 'a' }]);
    const events = [];
    for await (const event of await client.jobs.logs.list('j1', { accept: 'text/event-stream' }))
      events.push([event.id, event.data]);
    expect(last().headers.accept).toBe('text/event-stream');
    expect(events).toEqual([
      [undefined, { seq: 1, text: 'a' }],
      ['2', { seq: 2, text: 'b' }],
    ]);
    const lines = [];
    for await (const line of await client.jobs.logs.list('j1', { accept: 'application/x-ndjson' }))
      lines.push(line);
    expect(last().headers.accept).toBe('application/x-ndjson');
    expect(lines).toEqual([
      { seq: 1, text: 'a' },
      { seq: 2, text: 'b' },
    ]);
  });
});

describe('names the generated method uses', () => {
  it('shadow nothing: schemas named A and Result, a path parameter named accept', async () => {
    const specDir = await tempDir('sdkgen-media-names-');
    const answer = {
      description: 'ok',
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/A' } },
        'application/xml': { schema: { $ref: '#/components/schemas/Result' } },
        'text/event-stream': { schema: { $ref: '#/components/schemas/Result' } },
      },
    };
    const document = {
      openapi: '3.1.0',
      info: { title: 'Names', version: '1' },
      paths: {
        '/things/{accept}': {
          post: {
            operationId: 'makeThing',
            tags: ['things'],
            parameters: [{ name: 'accept', in: 'path', required: true, schema: { type: 'string' } }],
            requestBody: {
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Result' } },
                'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
              },
            },
            responses: { '200': answer },
          },
        },
      },
      components: {
        schemas: {
          A: { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
          Result: { type: 'object', properties: { r: { type: 'number' } } },
        },
      },
    };
    const file = path.join(specDir, 'names.json');
    await writeFile(file, JSON.stringify(document));
    const doc = { id: 'names', file };
    const names = await writePackage(doc, await generateDocument(doc), path.join(specDir, 'out'));
    await mkdir(path.join(names, 'examples'), { recursive: true });
    await writeFile(
      path.join(names, 'examples/names.ts'),
      `import Client, { type A, type Result, type Stream, type ServerSentEvent } from '../src/index.js';
const client = new Client({ apiKey: 'k' });
const a: A = await client.things.make('x', { r: 1 });
const text: string = await client.things.make('x', { r: 1 }, { accept: 'application/xml' });
const events: Stream<ServerSentEvent<Result>> = await client.things.make('x', { r: 1 }, { accept: 'text/event-stream' });
const raw: A = await client.things.make('x', { body: new Uint8Array([1]) }, { contentType: 'application/octet-stream' });
console.log(a, text, events, raw);
`,
    );
    expect(formatErrors(await typecheckPackages([names]), specDir)).toBe('');
  }, 120_000);
});

describe('the manifest and the README', () => {
  it('lists every request media type of an operation with how to select it, and every Accept with its result', async () => {
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    for (const heading of [
      'Form bodies',
      'Text bodies',
      'several request media types',
      'several media types',
    ])
      expect(readme).toContain(heading);
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const message = manifest.operations.find((o) => o.operationId === 'createMessage')!;
    expect(message.requestBodies.map((b) => [b.mediaType, b.options])).toEqual([
      ['application/json', {}],
      ['application/x-www-form-urlencoded', { contentType: 'application/x-www-form-urlencoded' }],
      ['multipart/form-data', { contentType: 'multipart/form-data' }],
    ]);
    const multipart = message.requestBodies[2]!.arguments.find((a) => a.kind === 'params');
    expect(multipart).toMatchObject({ fields: [{ name: 'payload_json' }, { name: 'files[0]' }] });
    const upload = manifest.operations.find((o) => o.operationId === 'uploadFileContent')!;
    expect(upload.requestBodies[1]!.arguments.find((a) => a.kind === 'params')).toMatchObject({
      required: true,
      fields: [
        { name: 'overwrite', in: 'query' },
        { name: 'body', in: 'body' },
      ],
    });
    const report = manifest.operations.find((o) => o.operationId === 'retrieveReport')!;
    expect(report.accepts).toEqual([
      { mediaType: 'application/json', options: {}, returns: 'json' },
      { mediaType: 'text/csv', options: { accept: 'text/csv' }, returns: 'text' },
      { mediaType: 'application/pdf', options: { accept: 'application/pdf' }, returns: 'binary' },
    ]);
  });
});
