import { describe, expect, it } from 'vitest';
import { nextStep, parseLinks, previousStep, type PageState } from '../support/page-styles.js';
import type { PageRequest, PaginationSpec } from '../../templates/runtime/pagination.js';

const state = (
  body: unknown,
  query: Record<string, unknown>,
  options?: PageRequest['options'],
): PageState => ({
  body,
  response: new Response(null),
  request: { spec: { method: 'get', path: '/x', query }, options },
  url: 'https://api.test/x',
});
const tenItems = Array.from({ length: 10 }, (_, i) => ({ id: `i${i}` }));

describe('page steps with custom parameter names', () => {
  it('page_number: moves the configured page param and keys the position by it', () => {
    const spec: PaginationSpec = {
      style: 'page_number',
      pageParam: 'pg',
      sizeParam: 'n',
      defaultSize: 10,
      firstPage: 0,
    };
    const step = nextStep(spec, state(tenItems, { pg: 2, n: 10 }));
    expect(step).toEqual({
      request: {
        spec: { method: 'get', path: '/x', query: { pg: 3, n: 10 } },
        options: undefined,
        key: 'pg=3',
      },
    });
    const back = previousStep(spec, state(tenItems, { pg: 1 }));
    expect(back && 'request' in back ? back.request.key : undefined).toBe('pg=0');
    expect(previousStep(spec, state(tenItems, {}))).toBeUndefined();
  });

  it('offset: keys by the configured offset param and overrides a per-request query value', () => {
    const spec: PaginationSpec = {
      style: 'offset',
      offsetParam: 'skip',
      limitParam: 'take',
      defaultLimit: 10,
    };
    const step = nextStep(spec, state(tenItems, {}, { query: { skip: 5, tag: 'x' } }));
    expect(step && 'request' in step ? step.request : undefined).toMatchObject({
      spec: { query: { skip: 15 } },
      options: { query: { tag: 'x' } },
      key: 'skip=15',
    });
  });
});

describe('parseLinks', () => {
  it('reads several links, multi-valued rel, relative URLs and ignores junk', () => {
    const links = parseLinks(
      '<https://api.test/x?page=3>; rel="next last", </x?page=1>; rel=prev, <http://[bad>; rel="first"',
      'https://api.test/x?page=2',
    );
    expect(links.get('next')?.href).toBe('https://api.test/x?page=3');
    expect(links.get('last')?.href).toBe('https://api.test/x?page=3');
    expect(links.get('prev')?.href).toBe('https://api.test/x?page=1');
    expect(links.has('first')).toBe(false);
  });
});
