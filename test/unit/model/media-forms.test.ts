import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildModel } from '../../../generator/model/build-model.js';
import type { ApiModel, OperationModel } from '../../../generator/model/types.js';
import { modelOptions } from '../../support/model-builders.js';

/** The request forms and response forms of operations (test/e2e/fixtures/media, and small documents inline). */
function modelOf(document: Record<string, unknown>): ApiModel {
  return buildModel({ file: 'spec.yaml', version: '3.1', document }, modelOptions());
}

const fixture = modelOf(parse(readFileSync('test/e2e/fixtures/media/openapi.yaml', 'utf8')));

function op(model: ApiModel, operationId: string): OperationModel {
  const all = (resources: ApiModel['resources']): OperationModel[] =>
    resources.flatMap((r) => [...r.operations, ...all(r.children)]);
  return all(model.resources).find((o) => o.operationId === operationId)!;
}

/** A one-operation document: `content` is the request body's, `responses` the operation's. */
function single(content: Record<string, unknown>, extra: Record<string, unknown> = {}): OperationModel {
  return op(
    modelOf({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/things': {
          post: {
            operationId: 'make',
            tags: ['things'],
            requestBody: { required: true, content },
            responses: { '204': { description: 'none' } },
            ...extra,
          },
        },
      },
    }),
    'make',
  );
}

const shape = (o: OperationModel) =>
  [{ body: o.body, params: o.params }, ...o.requestForms].map((form) => [
    form.body?.contentType,
    form.body?.kind,
    form.params?.typeName,
    form.params?.required,
  ]);

describe('request forms: one per request media type, all taking the same arguments', () => {
  it.each([
    [
      'JSON and multipart objects (OpenAI image edits): both spread, each with its own params type',
      'createImageEdit',
      [
        ['application/json', 'flattened', 'ImageCreateEditParams', true],
        ['multipart/form-data', 'flattened', 'ImageCreateEditMultipartParams', true],
      ],
    ],
    [
      'JSON, form and multipart (Discord messages): three forms; multipart keeps its part encoding',
      'createMessage',
      [
        ['application/json', 'flattened', 'ChannelCreateMessageParams', false],
        ['application/x-www-form-urlencoded', 'flattened', 'ChannelCreateMessageFormParams', false],
        ['multipart/form-data', 'flattened', 'ChannelCreateMessageMultipartParams', true],
      ],
    ],
    [
      'form listed first and JSON (Stripe): JSON is the main form, the form an alternative',
      'PostCustomers',
      [
        ['application/json', 'flattened', 'CustomerCreateParams', false],
        ['application/x-www-form-urlencoded', 'flattened', 'CustomerCreateFormParams', false],
      ],
    ],
    [
      'a spread JSON main form and a raw alternative: the raw body is the params object`s `body` field',
      'uploadFileContent',
      [
        ['application/json', 'flattened', 'FileUploadContentParams', true],
        ['application/octet-stream', 'field', 'FileUploadContentBinaryParams', true],
      ],
    ],
    [
      'a whole JSON main form (an array) and text/csv: the body argument in both, the query params shared',
      'appendRows',
      [
        ['application/json', 'whole', 'TableAppendRowsParams', false],
        ['text/csv', 'whole', 'TableAppendRowsParams', false],
      ],
    ],
  ])('%s', (_name, operationId, want) => {
    expect(shape(op(fixture, operationId))).toEqual(want);
  });

  it('each form keeps what its media type encodes: field encodings of a form body, the multipart JSON part', () => {
    const customers = op(fixture, 'PostCustomers');
    expect(customers.requestForms[0]!.body).toMatchObject({
      encoding: 'form',
      fieldEncodings: { metadata: { style: 'deepObject', explode: true } },
    });
    expect(op(fixture, 'createMessage').requestForms[1]!.body).toMatchObject({
      encoding: 'multipart',
      properties: ['payload_json', 'files[0]'],
      fieldEncodings: { payload_json: { contentType: 'application/json' } },
    });
    expect(op(fixture, 'createNote').requestForms[0]!.body).toMatchObject({
      kind: 'field',
      encoding: 'text',
      type: { kind: 'builtin', text: 'string' },
    });
  });

  it('the params type of an alternative holds its own fields, and a raw body field typed as a file', () => {
    const types = new Map(fixture.types.map((t) => [t.name, t.schemaKey]));
    const schemas = (fixture.typesDocument as any).components.schemas;
    const multipart = schemas[types.get('ImageCreateEditMultipartParams')!];
    expect(Object.keys(multipart.properties)).toEqual(['image', 'mask', 'prompt', 'n']);
    expect(multipart.required).toEqual(['image', 'prompt']);
    const binary = schemas[types.get('FileUploadContentBinaryParams')!];
    expect(binary.properties.body).toEqual({ type: 'string', format: 'binary' });
    expect(binary.required).toEqual(['body']);
  });

  it('an operation with one request media type has no alternatives', () => {
    expect(op(fixture, 'retrieveReport').requestForms).toEqual([]);
    expect(
      single({ 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } } } } })
        .requestForms,
    ).toEqual([]);
  });

  it('a raw alternative is not offered where a parameter named `body` would take its field, with a warning', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/things': {
          post: {
            operationId: 'make',
            tags: ['things'],
            parameters: [{ name: 'body', in: 'query', schema: { type: 'string' } }],
            requestBody: {
              content: {
                'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } } } },
                'text/plain': { schema: { type: 'string' } },
              },
            },
            responses: { '204': { description: 'none' } },
          },
        },
      },
    };
    const model = modelOf(document);
    expect(op(model, 'make').requestForms).toEqual([]);
    expect(model.warnings.map((w) => [w.pointer, w.message])).toContainEqual([
      '#/paths/~1things/post/requestBody/content/text~1plain',
      'request media type "text/plain" is not offered: a parameter named "body" takes its place',
    ]);
  });
});

describe('response forms: every success media type a caller may ask for', () => {
  it('a report as JSON, CSV or PDF: the main one first, each typed for what the runtime returns', () => {
    const report = op(fixture, 'retrieveReport');
    expect(report.accept).toBe('application/json');
    expect(report.responseForms).toEqual([
      { mediaType: 'application/json', response: { kind: 'json', type: { kind: 'model', name: 'Report' } } },
      { mediaType: 'text/csv', response: { kind: 'text' } },
      { mediaType: 'application/pdf', response: { kind: 'binary' } },
    ]);
  });

  it('a log as JSON, events or NDJSON: each stream item typed by its schema', () => {
    expect(op(fixture, 'listJobLogs').responseForms.map((f) => [f.mediaType, f.response])).toEqual([
      ['application/json', { kind: 'json', type: { kind: 'model', name: 'JobLogListResponse' } }],
      [
        'text/event-stream',
        { kind: 'stream', format: 'sse', item: { kind: 'model', name: 'LogLine' }, json: true },
      ],
      [
        'application/x-ndjson',
        { kind: 'stream', format: 'ndjson', item: { kind: 'model', name: 'LogLine' }, json: true },
      ],
    ]);
  });

  it('one media type, or none, leaves no choice', () => {
    expect(op(fixture, 'createImageEdit').responseForms).toEqual([]);
    expect(op(fixture, 'uploadFileContent').responseForms).toEqual([]);
  });
});
