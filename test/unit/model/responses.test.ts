import { describe, expect, it } from 'vitest';
import { listOperations } from '../../../generator/model/raw-operations.js';
import { mediaKind, successResponse, successSchema } from '../../../generator/model/responses.js';

const json = (schema: unknown) => ({ description: 'x', content: { 'application/json': { schema } } });
const text = { description: 'x', content: { 'text/plain': { schema: { type: 'string' } } } };
const empty = { description: 'x' };

function rawOf(responses: Record<string, unknown>) {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/x': { get: { operationId: 'x', responses } } },
  };
  return { document, raw: listOperations(document, 'spec.yaml')[0]! };
}

describe('successResponse', () => {
  it.each<[string, Record<string, unknown>, string | undefined, unknown]>([
    [
      'the first 2xx with content',
      { '204': empty, '201': json({ type: 'string' }), '200': json({ type: 'number' }) },
      '200',
      { type: 'number' },
    ],
    [
      'a 2xx without content is skipped for one with',
      { '200': empty, '202': json({ type: 'object' }) },
      '202',
      { type: 'object' },
    ],
    ['no 2xx content: the first 2xx', { '204': empty, '200': empty }, '200', undefined],
    [
      'no 2xx at all: default',
      { default: json({ type: 'boolean' }), '404': json({}) },
      'default',
      { type: 'boolean' },
    ],
    ['nothing: undefined', { '404': json({}) }, undefined, undefined],
  ])('%s', (_case, responses, status, schema) => {
    const { document, raw } = rawOf(responses);
    expect(successResponse(document, raw)?.status).toBe(status);
    expect(successSchema(document, raw)).toEqual(schema);
  });

  it('has no JSON schema for a text success response, even when a later 2xx is JSON', () => {
    const { document, raw } = rawOf({ '200': text, '201': json({ type: 'object' }) });
    expect(successResponse(document, raw)?.media?.contentType).toBe('text/plain');
    expect(successSchema(document, raw)).toBeUndefined();
  });
});

describe('mediaKind', () => {
  it.each([
    ['application/json', 'json'],
    ['application/problem+json; charset=utf-8', 'json'],
    ['text/json', 'text'],
    ['application/x-ndjson', 'ndjson'],
    ['text/event-stream', 'sse'],
    ['image/png', 'binary'],
    ['application/pdf', 'binary'],
    ['*/*', 'unknown'],
    ['application/*', 'unknown'],
  ])('%s -> %s', (contentType, kind) => expect(mediaKind(contentType)).toBe(kind));
});
