import { describe, expect, it } from 'vitest';
import { CLOSED_ENUM, closeRequestEnums, ENUM_COPY } from '../../../generator/model/request-enums.js';
import { webhookEvents } from '../../../generator/model/webhooks.js';

const document = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {},
  components: {
    schemas: {
      Status: { type: 'string', enum: ['open', 'closed'] },
      NullableStatus: { oneOf: [{ $ref: '#/components/schemas/Status' }, { type: 'null' }] },
      Payment: { type: 'object', properties: { status: { $ref: '#/components/schemas/Status' } } },
    },
  },
} as any;

describe('closeRequestEnums', () => {
  it.each([
    [
      'an inline enum',
      { type: 'string', enum: ['a', 'b'] },
      { type: 'string', enum: ['a', 'b'], [CLOSED_ENUM]: true },
    ],
    [
      'a $ref to an enum component',
      { $ref: '#/components/schemas/Status' },
      { type: 'string', enum: ['open', 'closed'], [CLOSED_ENUM]: true, [ENUM_COPY]: true },
    ],
    [
      'an array of enum refs',
      { type: 'array', items: { $ref: '#/components/schemas/Status' } },
      {
        type: 'array',
        items: { type: 'string', enum: ['open', 'closed'], [CLOSED_ENUM]: true, [ENUM_COPY]: true },
      },
    ],
    [
      'a nullable enum ref',
      { $ref: '#/components/schemas/NullableStatus' },
      {
        oneOf: [
          { type: 'string', enum: ['open', 'closed'], [CLOSED_ENUM]: true, [ENUM_COPY]: true },
          { type: 'null' },
        ],
        [ENUM_COPY]: true,
      },
    ],
    [
      'a $ref to an object (shared with responses: kept)',
      { $ref: '#/components/schemas/Payment' },
      { $ref: '#/components/schemas/Payment' },
    ],
  ])('closes %s', (_, given, want) => {
    expect(closeRequestEnums(document, given)).toEqual(want);
  });

  it('closes enums in the properties of a params object and leaves the document untouched', () => {
    const params = {
      type: 'object',
      properties: {
        statuses: { type: 'array', items: { $ref: '#/components/schemas/Status' } },
        q: { type: 'string' },
      },
    };
    const closed = closeRequestEnums(document, params) as any;
    expect(closed.properties.statuses.items[CLOSED_ENUM]).toBe(true);
    expect(closed.properties.q).toBe(params.properties.q);
    expect(document.components.schemas.Status[CLOSED_ENUM]).toBeUndefined();
  });
});

describe('webhookEvents', () => {
  it('lists each webhook JSON body in name order and reports the ones it cannot type', () => {
    const doc = {
      ...document,
      webhooks: {
        'refund.created': {
          post: {
            summary: 'A refund',
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Payment' } } },
            },
          },
        },
        'payment.succeeded': {
          post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } },
        },
        ping: { post: { responses: {} } },
      },
    };
    const { events, skipped } = webhookEvents(doc);
    expect(events.map((e) => [e.name, e.schema, e.summary])).toEqual([
      ['payment.succeeded', { type: 'object' }, undefined],
      ['refund.created', { $ref: '#/components/schemas/Payment' }, 'A refund'],
    ]);
    expect(skipped).toEqual([
      { pointer: '#/webhooks/ping', message: expect.stringMatching(/no JSON request body/) },
    ]);
  });
});
