import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../generator/model/build-model.js';
import type { OperationModel } from '../../../generator/model/types.js';
import { modelOptions } from '../../support/model-builders.js';

/** Builds the model of a one-operation document; `op` is the operation object at `POST /things/{path}`. */
function operationOf(op: Record<string, unknown>, components: Record<string, unknown> = {}): OperationModel {
  const model = buildModel(
    {
      file: 'spec.yaml',
      version: '3.1',
      document: {
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        paths: { '/things/{path}': { post: { operationId: 'make', tags: ['things'], ...op } } },
        components,
      },
    },
    modelOptions(),
  );
  return model.resources[0]!.operations[0]!;
}

const pathParam = { name: 'path', in: 'path', required: true, schema: { type: 'string' } };
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

describe('buildOperation', () => {
  it('never names a path argument like the identifiers the method body uses', () => {
    const op = operationOf({ parameters: [pathParam], responses: { '204': { description: 'none' } } });
    expect(op.pathParams.map((p) => [p.wireName, p.argName])).toEqual([['path', 'path2']]);
  });

  it('flattens only writable properties, and requires params when the body has required fields', () => {
    const body = {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } },
    };
    const op = operationOf({
      parameters: [pathParam],
      requestBody: json(body),
      responses: { '204': { description: 'none' } },
    });
    expect(op.body).toMatchObject({ kind: 'flattened', properties: ['name'], required: false });
    expect(op.params?.required).toBe(true);
  });

  it('does not flatten a body with additional properties (they would be dropped)', () => {
    const body = {
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: { type: 'string' },
    };
    const op = operationOf({
      parameters: [pathParam],
      requestBody: json(body),
      responses: { '204': { description: 'none' } },
    });
    expect(op.body).toMatchObject({ kind: 'whole', type: { kind: 'model', name: 'ThingMakeBody' } });
  });

  it('types a text body as a built-in, which is never imported from models', () => {
    const op = operationOf({
      parameters: [pathParam],
      requestBody: { content: { 'text/plain': { schema: { type: 'string' } } } },
      responses: { '204': { description: 'none' } },
    });
    expect(op.body).toMatchObject({ kind: 'whole', type: { kind: 'builtin', text: 'string' } });
  });

  it.each([
    ['application/json', 'json'],
    ['application/vnd.api+json', 'json'],
    ['application/x-ndjson', 'stream'],
    ['text/event-stream', 'stream'],
    ['text/csv', 'text'],
    ['application/xml', 'text'],
    ['application/octet-stream', 'binary'],
    ['image/png', 'binary'],
  ])('reads a %s response as the runtime decodes it: %s', (mediaType, kind) => {
    const op = operationOf({
      parameters: [pathParam],
      responses: { '200': { description: 'ok', content: { [mediaType]: { schema: { type: 'string' } } } } },
    });
    expect(op.call).toMatchObject({ kind: 'request', response: { kind } });
  });

  it('types a wildcard response as unknown and an empty 204 as none', () => {
    expect(
      operationOf({
        parameters: [pathParam],
        responses: { default: { description: 'any', content: { '*/*': { schema: {} } } } },
      }).call,
    ).toEqual({
      kind: 'request',
      response: { kind: 'json', type: { kind: 'builtin', text: 'unknown' } },
    });
    expect(
      operationOf({ parameters: [pathParam], responses: { '204': { description: 'none' } } }).call,
    ).toEqual({ kind: 'request', response: { kind: 'none' } });
  });

  it('keeps a parameter named __proto__ as a property of the params type', () => {
    const model = buildModel(
      {
        file: 'spec.yaml',
        version: '3.1',
        document: {
          openapi: '3.1.0',
          info: { title: 't', version: '1' },
          paths: {
            '/x': {
              get: {
                parameters: [{ name: '__proto__', in: 'query', schema: { type: 'string' } }],
                responses: { '204': { description: 'none' } },
              },
            },
          },
        },
      },
      modelOptions(),
    );
    const params =
      model.typesDocument.components.schemas[model.resources[0]!.operations[0]!.params!.typeName];
    expect(Object.keys(params.properties)).toEqual(['__proto__']);
  });
});
