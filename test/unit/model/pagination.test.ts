import { describe, expect, expectTypeOf, it } from 'vitest';
import type { HttpMethod } from '../../../generator/http-methods.js';
import { inferPagination, verifyPagination } from '../../../generator/model/pagination.js';
import { listOperations } from '../../../generator/model/raw-operations.js';
import type { PaginationDeclaration, VerifiedPagination } from '../../../generator/model/types.js';
import type { PaginationSpec } from '../../../templates/runtime/pagination.js';
import type { HttpMethod as RuntimeHttpMethod } from '../../../templates/runtime/request-options.js';

/** A list operation with a cursor-style body, page-number params and a bare-array variant at /bare. */
const document = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        parameters: [
          { name: 'after', in: 'query', schema: { type: 'string' } },
          { name: 'page', in: 'query', schema: { type: 'integer' } },
          { name: 'per_page', in: 'query', schema: { type: 'integer', default: 25 } },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'array',
                      items: { type: 'object', properties: { id: { type: 'string' } } },
                    },
                    page_info: {
                      type: 'object',
                      properties: { has_next_page: { type: 'boolean' }, end_cursor: { type: 'string' } },
                    },
                    has_more: { type: 'boolean' },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/bare': {
      get: {
        operationId: 'listBare',
        parameters: [
          { name: 'offset', in: 'query', schema: { type: 'integer' } },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
          },
        },
      },
    },
    '/text': {
      get: {
        operationId: 'listText',
        responses: {
          '200': { description: 'ok', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
  },
};
const operations = new Map(listOperations(document, 'spec.yaml').map((raw) => [raw.operationId, raw]));
const verify = (declaration: PaginationDeclaration) =>
  verifyPagination(document, operations.get(declaration.operation)!, declaration, 'sdkgen.json');

const cursor = {
  style: 'cursor',
  items: 'data',
  pageInfo: 'page_info',
  hasNextPage: 'has_next_page',
  endCursor: 'end_cursor',
  afterParam: 'after',
} as const;

describe('verifyPagination', () => {
  it.each<[string, PaginationDeclaration, VerifiedPagination]>([
    ['a cursor declaration that matches is kept as written', { operation: 'listThings', ...cursor }, cursor],
    [
      'page_number takes its default size from the spec and starts at 1',
      {
        operation: 'listThings',
        style: 'page_number',
        items: 'data',
        pageParam: 'page',
        sizeParam: 'per_page',
      },
      {
        style: 'page_number',
        items: 'data',
        pageParam: 'page',
        sizeParam: 'per_page',
        defaultSize: 25,
        firstPage: 1,
      },
    ],
    [
      'numbers the declaration gives win over the spec',
      {
        operation: 'listThings',
        style: 'page_number',
        items: 'data',
        pageParam: 'page',
        sizeParam: 'per_page',
        defaultSize: 10,
        firstPage: 0,
      },
      {
        style: 'page_number',
        items: 'data',
        pageParam: 'page',
        sizeParam: 'per_page',
        defaultSize: 10,
        firstPage: 0,
      },
    ],
    [
      'a bare array needs no items path',
      {
        operation: 'listBare',
        style: 'offset',
        offsetParam: 'offset',
        limitParam: 'limit',
        defaultLimit: 50,
      },
      { style: 'offset', offsetParam: 'offset', limitParam: 'limit', defaultLimit: 50 },
    ],
    [
      'has_more checks the id field inside the items',
      {
        operation: 'listThings',
        style: 'has_more',
        items: 'data',
        hasMore: 'has_more',
        idField: 'id',
        startingAfterParam: 'after',
      },
      { style: 'has_more', items: 'data', hasMore: 'has_more', idField: 'id', startingAfterParam: 'after' },
    ],
  ])('%s', (_case, given, want) => {
    expect(verify(given)).toEqual(want);
  });

  it.each<[string, PaginationDeclaration, RegExp]>([
    [
      'a param the operation does not have',
      { operation: 'listThings', ...cursor, afterParam: 'cursor' },
      /afterParam "cursor" is not a query parameter of listThings/,
    ],
    [
      'a field the response does not have',
      { operation: 'listThings', ...cursor, endCursor: 'next' },
      /endCursor "next" is not a field of the listThings response/,
    ],
    [
      'items that are not an array',
      { operation: 'listThings', ...cursor, items: 'has_more' },
      /items "has_more" is not an array field/,
    ],
    [
      'a body that is not a bare array without items',
      { operation: 'listThings', style: 'link_header' },
      /not a bare array; declare "items"/,
    ],
    [
      'a size with no default anywhere',
      { operation: 'listThings', style: 'page_number', items: 'data', pageParam: 'page', sizeParam: 'limit' },
      /declare "defaultSize": limit has no default/,
    ],
    [
      'a response that is not JSON',
      { operation: 'listText', style: 'link_header' },
      /listText has no JSON success response/,
    ],
    [
      'an unknown style',
      { operation: 'listBare', style: 'tokens' } as unknown as PaginationDeclaration,
      /unknown pagination style "tokens"/,
    ],
  ])('rejects %s, naming it', (_case, given, message) => {
    expect(() => verify(given)).toThrow(message);
  });

  it('is what the runtime accepts: a verified declaration is a PaginationSpec, and the HTTP methods agree', () => {
    expectTypeOf<VerifiedPagination>().toEqualTypeOf<PaginationSpec>();
    expectTypeOf<HttpMethod>().toEqualTypeOf<RuntimeHttpMethod>();
  });
});

describe('inferPagination', () => {
  it.each([
    [
      'listThings',
      {
        style: 'cursor',
        items: 'data',
        pageInfo: 'page_info',
        hasNextPage: 'has_next_page',
        endCursor: 'end_cursor',
        afterParam: 'after',
      },
    ],
    ['listBare', { style: 'offset', offsetParam: 'offset', limitParam: 'limit', defaultLimit: 20 }],
    ['listText', undefined],
  ])('%s -> %j', (operationId, want) => {
    expect(inferPagination(document, operations.get(operationId)!)).toEqual(want);
  });
});
