import { describe, expect, it } from 'vitest';
import { checkGaps, deserializeDelimited, findGaps, withoutGaps } from './prism-gaps.js';
import type { RecordedRequest } from './recorder.js';
import { verdictOf } from './verdict.js';

/** A document with each kind of gap: a delimited query object, a delimited form field, a multipart field style. */
const doc = {
  openapi: '3.0.3',
  paths: {
    '/things': {
      get: {
        parameters: [
          {
            name: 'filter',
            in: 'query',
            required: true,
            style: 'spaceDelimited',
            explode: false,
            schema: { $ref: '#/components/schemas/Filter' },
          },
          {
            name: 'ids',
            in: 'query',
            style: 'pipeDelimited',
            schema: { type: 'array', items: { type: 'string' } },
          },
          { name: 'plain', in: 'query', schema: { type: 'string' } },
        ],
      },
      post: {
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                required: ['point'],
                properties: { point: { type: 'object', properties: { x: { type: 'integer' } } } },
              },
              encoding: { point: { style: 'pipeDelimited' } },
            },
            'multipart/form-data': {
              schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } },
              encoding: { tags: { style: 'form', explode: true, contentType: 'text/plain' } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Filter: {
        type: 'object',
        required: ['color'],
        properties: { color: { type: 'string', enum: ['red', 'blue'] }, size: { type: 'integer' } },
        additionalProperties: false,
      },
    },
  },
};

const get = (query: string): RecordedRequest => ({
  method: 'GET',
  url: `http://127.0.0.1/things?${query}`,
  headers: {},
  body: '',
});
const post = (body: string): RecordedRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1/things',
  headers: {},
  body,
});

describe('Prism gaps (delimited non-array parameters) and their own check', () => {
  const gaps = findGaps(doc);
  const queryGaps = gaps.filter((g) => g.in === 'query');
  const formGaps = gaps.filter((g) => g.in === 'body');

  it('finds the non-array delimited parameter and form field, and a multipart field style, not the array', () => {
    expect(gaps.map((g) => `${g.operation} ${g.in} ${g.name} ${g.style}`)).toEqual([
      '#/paths/~1things/get query filter spaceDelimited',
      '#/paths/~1things/post body point pipeDelimited',
      '#/paths/~1things/post multipart tags form',
    ]);
  });

  it('gives Prism the document without them, leaving the rest as it was', () => {
    const copy = withoutGaps(doc, gaps);
    expect(copy.paths['/things'].get.parameters.map((p: any) => p.name)).toEqual(['ids', 'plain']);
    const form = copy.paths['/things'].post.requestBody.content['application/x-www-form-urlencoded'];
    expect(form.schema.properties.point).toEqual({});
    expect(form.encoding).toEqual({});
    expect(copy.paths['/things'].post.requestBody.content['multipart/form-data'].encoding.tags).toEqual({
      contentType: 'text/plain',
    });
    expect(doc.paths['/things'].get.parameters).toHaveLength(3);
  });

  it('reads a delimited object as alternating keys and values', () => {
    const [filter] = queryGaps;
    expect(deserializeDelimited('color red size 3', filter!, doc)).toEqual({ color: 'red', size: '3' });
    expect(deserializeDelimited('x|1', formGaps[0]!, doc)).toEqual({ x: '1' });
  });

  it('accepts a value that matches the schema (%20 and + both read as the space separator)', () => {
    expect(checkGaps(get('filter=color%20red%20size%203'), queryGaps, doc)).toEqual([]);
    expect(checkGaps(get('filter=color+blue'), queryGaps, doc)).toEqual([]);
    expect(checkGaps(post('point=x%7C4'), formGaps, doc)).toEqual([]);
  });

  it('refuses a value outside the schema, a missing required one, a repeated one, the wrong separator', () => {
    expect(checkGaps(get('filter=color%20green'), queryGaps, doc)[0]).toMatch(/filter.*allowed values/);
    expect(checkGaps(get('plain=1'), queryGaps, doc)).toEqual(['query filter: required, not sent']);
    expect(checkGaps(get('filter=color%20red&filter=size%201'), queryGaps, doc)[0]).toMatch(/2 times/);
    // Comma-separated (form style) is not spaceDelimited: it reads as one key with no value.
    expect(checkGaps(get('filter=color,red'), queryGaps, doc)[0]).toMatch(/filter/);
    expect(checkGaps(post('point=x%7Cnot-a-number'), formGaps, doc)[0]).toMatch(/point.*integer/);
    expect(checkGaps(post(''), formGaps, doc)).toEqual(['body point: required, not sent']);
  });
});

describe("Prism's logged verdict", () => {
  it('tells a passed request from a failed one, with its messages, and none from an unfinished log', () => {
    expect(
      verdictOf(
        '[VALIDATOR] ✔  success   The request passed the validation rules. Looking for the best response',
      ),
    ).toEqual({ passed: true, failures: [] });
    expect(
      verdictOf(
        '[VALIDATOR] ⚠  warning   Request did not pass the validation rules\n' +
          "[VALIDATOR] ✖  error     Request body must have required property 'name'\n",
      ),
    ).toEqual({ passed: false, failures: ["Request body must have required property 'name'"] });
    expect(verdictOf('[HTTP SERVER] get /a ℹ  info      Request received')).toBeUndefined();
  });
});
