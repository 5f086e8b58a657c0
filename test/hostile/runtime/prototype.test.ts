// Names that Object.prototype already has, as parameter, header, body-property, pagination and error-path names.
// Generated methods read params by name (`p.constructor`), so when the caller sets none of them the runtime sees
// Object's own members: it must send nothing for them, and send the caller's values when set.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { APIPromise } from '../../../templates/runtime/api-promise.js';
import { APIError, SDKError } from '../../../templates/runtime/errors.js';
import { formBody } from '../../../templates/runtime/internal/form.js';
import { resolveLogLevel } from '../../../templates/runtime/internal/log.js';
import { multipartBody } from '../../../templates/runtime/internal/multipart.js';
import { cursorPages } from '../../../templates/runtime/internal/pages/cursor.js';
import { at } from '../../../templates/runtime/internal/pages/shared.js';
import { stringifyQuery } from '../../../templates/runtime/internal/query.js';
import { requestPage } from '../../../templates/runtime/pagination.js';
import type { RequestOptions } from '../../../templates/runtime/request-options.js';
import { RawClient } from '../../support/acme-client.js';
import { json, rejection, startLoopback, type Loopback } from './loopback.js';

let api: Loopback;

beforeAll(async () => {
  api = await startLoopback();
});
afterAll(() => api.stop());
beforeEach(() => api.reset());

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'] as const;
interface Params {
  constructor?: string;
  toString?: string;
  __proto__?: string;
  hasOwnProperty?: string;
  valueOf?: string;
}

/** `{}`: TypeScript types its `constructor` as Function, which a string-typed param cannot be. */
const NONE = {} as Params;

/** The shapes the generator emits (generator/emit/resources/emit-resource.ts) for params with these names. */
class Things {
  constructor(private readonly client: RawClient) {}

  list(
    params: Params | null | undefined = NONE,
    options?: RequestOptions,
  ): APIPromise<{ url: string; headers: Record<string, string> }> {
    const p = params ?? NONE;
    return this.client.request(
      {
        method: 'get',
        path: '/things',
        query: {
          constructor: p.constructor,
          toString: p.toString,
          ['__proto__']: p.__proto__,
          hasOwnProperty: p.hasOwnProperty,
          valueOf: p.valueOf,
        },
        headers: { constructor: p.constructor, ['__proto__']: p.__proto__, valueOf: p.valueOf },
      },
      options,
    );
  }

  create(params: Params, bodyType: 'json' | 'form' | 'multipart'): APIPromise<{ body: string }> {
    const p = params ?? NONE;
    const fields = {
      constructor: p.constructor,
      toString: p.toString,
      ['__proto__']: p.__proto__,
      hasOwnProperty: p.hasOwnProperty,
      valueOf: p.valueOf,
    };
    // As generated methods send each media type: JSON as `body`, the others through their encoder.
    const content = { form: () => formBody(fields), multipart: () => multipartBody(fields) };
    return this.client.request({
      method: 'post',
      path: '/things',
      ...(bodyType === 'json' ? { body: fields } : { content: content[bodyType] }),
    });
  }
}

const things = () => new Things(new RawClient({ securitySchemes: {} }, { baseURL: api.url, maxRetries: 0 }));
/** `{ __proto__: 'x' }` would set the prototype; JSON.parse makes an own property, as a caller's data does. */
const ALL: Params = JSON.parse(
  '{"constructor":"c","toString":"t","__proto__":"p","hasOwnProperty":"h","valueOf":"v"}',
);

describe('a call with no arguments sends nothing for these names', () => {
  it('query: no `?constructor=function Object()...`', async () => {
    await things().list();
    await things().list(null);
    expect(api.requests.map((r) => r.url)).toEqual(['/things', '/things']);
  });

  it('headers: none named after Object members', async () => {
    await things().list();
    const names = Object.keys(api.requests[0]?.headers ?? {});
    expect(names.filter((name) => (NAMES as readonly string[]).includes(name))).toEqual([]);
    expect(JSON.stringify(api.requests[0]?.headers)).not.toMatch(/native code|\[object Object\]/);
  });

  it.each(['json', 'form', 'multipart'] as const)(
    '%s body: no property of Object leaks in',
    async (bodyType) => {
      await things().create(NONE, bodyType);
      const body = api.requests[0]?.body ?? '';
      expect(body).not.toMatch(/native code|__proto__|constructor|\[object Object\]/);
      if (bodyType === 'json') expect(body).toBe('{}');
    },
  );
});

describe('set by the caller, these names round-trip', () => {
  it('in the query, in order', async () => {
    await things().list(ALL);
    expect(api.requests[0]?.url).toBe(
      '/things?constructor=c&toString=t&__proto__=p&hasOwnProperty=h&valueOf=v',
    );
  });

  it('in headers (`__proto__` reaches fetch; Node fetch itself does not put that one on the wire)', async () => {
    let sent: Headers | undefined;
    const spy: typeof fetch = (input, init) => {
      sent = new Headers(init?.headers);
      return fetch(input, init);
    };
    await new Things(new RawClient({ securitySchemes: {} }, { baseURL: api.url, fetch: spy })).list(ALL);
    expect(['constructor', '__proto__', 'valueof'].map((name) => sent?.get(name))).toEqual(['c', 'p', 'v']);
    const wire = api.requests[0]?.headers ?? {};
    expect([wire['constructor'], wire['valueof']]).toEqual(['c', 'v']);
  });

  it('in JSON, form and multipart bodies', async () => {
    for (const bodyType of ['json', 'form', 'multipart'] as const) await things().create(ALL, bodyType);
    const [jsonBody, form, multipart] = api.requests.map((r) => r.body);
    expect(JSON.parse(jsonBody ?? '')).toEqual(ALL);
    expect(Object.keys(JSON.parse(jsonBody ?? ''))).toEqual(NAMES);
    expect(form).toBe('constructor=c&toString=t&__proto__=p&hasOwnProperty=h&valueOf=v');
    for (const name of NAMES) expect(multipart).toContain(`name="${name}"`);
  });

  it('by stringifyQuery inside nested objects too', () => {
    expect(
      stringifyQuery({ filter: JSON.parse('{"__proto__":{"admin":true},"constructor":"x"}') }, 'brackets'),
    ).toBe('filter[__proto__][admin]=true&filter[constructor]=x');
  });
});

describe('pagination with these names', () => {
  it('a cursor param named `constructor` moves to the next page; `__proto__` as the opposite cursor is removed', async () => {
    api.handle((req, res) =>
      json(res, 200, {
        data: [{ id: req.query.get('constructor') ?? 'first' }],
        page_info: {
          constructor: req.query.has('constructor') ? null : 'cur_2',
          more: !req.query.has('constructor'),
        },
      }),
    );
    const client = new RawClient({ securitySchemes: {} }, { baseURL: api.url, maxRetries: 0 });
    const pages = requestPage<{ id: string }>(
      client,
      { method: 'get', path: '/pages', query: JSON.parse('{"__proto__":"back"}') },
      cursorPages({
        style: 'cursor',
        items: 'data',
        pageInfo: 'page_info',
        hasNextPage: 'more',
        endCursor: 'constructor',
        afterParam: 'constructor',
        beforeParam: '__proto__',
      }),
    );
    const ids: string[] = [];
    for await (const item of pages) ids.push(item.id);
    expect(ids).toEqual(['first', 'cur_2']);
    expect(api.requests.map((r) => r.url)).toEqual(['/pages?__proto__=back', '/pages?constructor=cur_2']);
  });

  it('dot paths into bodies read own properties only', () => {
    expect(at({}, 'constructor')).toBeUndefined();
    expect(at({}, '__proto__')).toBeUndefined();
    expect(at({}, 'constructor.name')).toBeUndefined();
    expect(at({ a: [] }, 'a.length')).toBe(0);
    expect(at(JSON.parse('{"toString":{"x":1}}'), 'toString.x')).toBe(1);
  });
});

describe('lookups keyed by config text', () => {
  it('an error-message path through `constructor` finds nothing, not "Object"', async () => {
    api.handle((_, res) => json(res, 400, { detail: 'the real reason' }));
    const client = new RawClient(
      { securitySchemes: {}, errorMessagePaths: [['constructor', 'name']] },
      { baseURL: api.url, maxRetries: 0 },
    );
    const error = await rejection(client.request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toBe('400 the real reason');
  });

  it('a security scheme named `constructor` that is not configured is an SDKError, not a cookie', async () => {
    const client = new RawClient({ securitySchemes: {} }, { apiKey: 'k', baseURL: api.url, maxRetries: 0 });
    const error = await rejection(client.request({ method: 'get', path: '/x', security: [['constructor']] }));
    expect(error).toBeInstanceOf(SDKError);
    expect(error.message).toBe(
      'Unknown security scheme "constructor" (not in ClientConfig.securitySchemes).',
    );
    expect(api.requests).toHaveLength(0);
  });

  it('a log level named like an Object member falls back to the default', () => {
    expect(resolveLogLevel('toString', 'HOSTILE_NONE')).toBe('warn');
    expect(resolveLogLevel('constructor', 'HOSTILE_NONE')).toBe('warn');
  });
});
