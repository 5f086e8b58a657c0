import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../generator/model/build-model.js';
import type { OperationModel } from '../../../generator/model/types.js';
import { modelOptions } from '../../support/model-builders.js';

/** The model of a one-operation document at `route`/`method`. */
function operationAt(
  route: string,
  method: string,
  op: Record<string, unknown>,
  arrays: 'brackets' | 'indices' = 'brackets',
): { op: OperationModel; warnings: string[] } {
  const model = buildModel(
    {
      file: 'spec.yaml',
      version: '3.1',
      document: {
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        paths: { [route]: { [method]: { operationId: 'make', tags: ['things'], ...op } } },
      },
    },
    { ...modelOptions(), queryFormat: { arrays } },
  );
  return { op: model.resources[0]!.operations[0]!, warnings: model.warnings.map((w) => w.message) };
}

const ok = { '204': { description: 'none' } };

describe('the wire facts of an operation', () => {
  it('a #fragment is dropped from the sent path, a literal ?query kept; the key stays as the document writes it', () => {
    const { op } = operationAt('/files/{id}#get_shared_link', 'get', {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: ok,
    });
    expect([op.path, op.urlPath]).toEqual(['/files/{id}#get_shared_link', '/files/{id}']);
    expect(operationAt('/responses?beta=true', 'post', { responses: ok }).op.urlPath).toBe(
      '/responses?beta=true',
    );
  });

  it('Accept is the media type the return type describes; every request media type is listed, JSON first', () => {
    const { op } = operationAt('/a', 'post', {
      requestBody: {
        content: {
          'multipart/form-data': {
            schema: { type: 'object', properties: { f: { type: 'string', format: 'binary' } } },
          },
          'application/json': { schema: { type: 'object', properties: { f: { type: 'string' } } } },
        },
      },
      responses: { '200': { description: 'pdf', content: { 'application/pdf': {} } } },
    });
    expect(op.accept).toBe('application/pdf');
    expect(op.requestMediaTypes).toEqual(['application/json', 'multipart/form-data']);
    expect(op.body).toMatchObject({ encoding: 'json', contentType: 'application/json' });
    expect(op.call).toEqual({ kind: 'request', response: { kind: 'binary' } });
  });

  it('GET and HEAD take no body, with a warning', () => {
    const { op, warnings } = operationAt('/a', 'get', {
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: { type: 'object', properties: { a: { type: 'string' } } },
          },
        },
      },
      responses: ok,
    });
    expect(op.body).toBeUndefined();
    expect(warnings).toContain('a GET request has no body; its requestBody is ignored');
  });

  it('declares the serialization of styled parameters and form fields; plain ones have none', () => {
    const { op } = operationAt(
      '/a',
      'post',
      {
        parameters: [
          { name: 'expand', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
          { name: 'q', in: 'query', schema: { type: 'string' } },
          { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } },
        ],
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: {
                  metadata: { type: 'object' },
                  tags: { type: 'array', items: { type: 'string' } },
                  name: { type: 'string' },
                },
              },
              encoding: {
                metadata: { style: 'deepObject', explode: true },
                tags: { style: 'form', explode: false },
              },
            },
          },
        },
        responses: ok,
      },
      'indices',
    );
    expect(op.optionParams.map((p) => [p.wireName, p.serialization])).toEqual([
      ['expand', { style: 'deepObject', explode: true, arrays: 'indices' }],
      ['q', undefined],
      ['filter', { json: true }],
    ]);
    expect(op.body).toMatchObject({
      kind: 'flattened',
      encoding: 'form',
      fieldEncodings: {
        metadata: { style: 'deepObject', explode: true, arrays: 'indices' },
        tags: { style: 'form', explode: false },
      },
    });
  });

  it('an event stream is a Stream of JSON events typed by its schema, or of text; NDJSON of values', () => {
    const sse = (schema?: unknown) =>
      operationAt('/s', 'post', {
        responses: {
          '200': { description: 's', content: { 'text/event-stream': schema ? { schema } : {} } },
        },
      }).op;
    expect(sse({ type: 'object', properties: { delta: { type: 'string' } } }).call).toMatchObject({
      response: { kind: 'stream', format: 'sse', json: true, item: { kind: 'model' } },
    });
    expect(sse({ type: 'string' }).call).toMatchObject({
      response: { kind: 'stream', format: 'sse', json: false, item: { kind: 'builtin', text: 'string' } },
    });
    expect(sse().accept).toBe('text/event-stream');
    const lines = operationAt('/n', 'get', {
      responses: {
        '200': { description: 'n', content: { 'application/x-ndjson': { schema: { type: 'object' } } } },
      },
    }).op;
    expect(lines.call).toMatchObject({ response: { kind: 'stream', format: 'ndjson', json: true } });
  });

  it('a required body field the properties never declare keeps the body whole, so it can be sent', () => {
    const { op } = operationAt('/a', 'put', {
      requestBody: {
        content: {
          'application/json': {
            schema: { type: 'object', required: ['x'], properties: { a: { type: 'string' } } },
          },
        },
      },
      responses: ok,
    });
    expect(op.body?.kind).toBe('whole');
  });
});
