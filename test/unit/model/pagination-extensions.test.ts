import { describe, expect, it } from 'vitest';
import { paginationFromExtensions } from '../../../generator/model/pagination-extensions.js';
import type { RawOperation } from '../../../generator/model/raw-operations.js';

const raw = (op: Record<string, unknown>): RawOperation => ({
  operationId: 'listThings',
  derivedId: false,
  method: 'get',
  path: '/things',
  pointer: '#/paths/~1things/get',
  source: 'x.yaml',
  op,
  parameters: [],
});

describe('paginationFromExtensions', () => {
  it.each([
    [
      'speakeasy offsetLimit with offset',
      {
        'x-speakeasy-pagination': {
          type: 'offsetLimit',
          inputs: [
            { name: 'offset', in: 'parameters', type: 'offset' },
            { name: 'limit', in: 'parameters', type: 'limit' },
          ],
          outputs: { results: '$.data' },
        },
      },
      { operation: 'listThings', style: 'offset', items: 'data', offsetParam: 'offset', limitParam: 'limit' },
    ],
    [
      'speakeasy offsetLimit with page, bare array',
      {
        'x-speakeasy-pagination': {
          type: 'offsetLimit',
          inputs: [
            { name: 'page', in: 'parameters', type: 'page' },
            { name: 'per_page', in: 'parameters', type: 'limit' },
          ],
          outputs: { results: '$' },
        },
      },
      { operation: 'listThings', style: 'page_number', pageParam: 'page', sizeParam: 'per_page' },
    ],
    [
      'speakeasy cursor',
      {
        'x-speakeasy-pagination': {
          type: 'cursor',
          inputs: [{ name: 'cursor', in: 'parameters', type: 'cursor' }],
          outputs: { results: '$.items', nextCursor: '$.meta.next' },
        },
      },
      {
        operation: 'listThings',
        style: 'next_cursor',
        items: 'items',
        nextCursor: 'meta.next',
        cursorParam: 'cursor',
      },
    ],
    [
      'fern cursor',
      {
        'x-fern-pagination': {
          cursor: '$request.after',
          next_cursor: '$response.page_info.end_cursor',
          results: '$response.data',
        },
      },
      {
        operation: 'listThings',
        style: 'next_cursor',
        items: 'data',
        nextCursor: 'page_info.end_cursor',
        cursorParam: 'after',
      },
    ],
    [
      'fern offset on a page param',
      { 'x-fern-pagination': { offset: '$request.page', step: '$request.size', results: '$response.data' } },
      { operation: 'listThings', style: 'page_number', items: 'data', pageParam: 'page', sizeParam: 'size' },
    ],
  ])('%s', (_name, op, want) => {
    expect(paginationFromExtensions(raw(op))).toEqual(want);
  });

  it('ignores shapes it cannot express rather than guessing', () => {
    expect(
      paginationFromExtensions(
        raw({ 'x-speakeasy-pagination': { type: 'url', outputs: { nextUrl: '$.next' } } }),
      ),
    ).toBeUndefined();
    expect(paginationFromExtensions(raw({}))).toBeUndefined();
  });
});
