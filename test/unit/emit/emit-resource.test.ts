import { describe, expect, it } from 'vitest';
import { emitFunction } from '../../../generator/emit/resources/emit-function.js';
import { emitResource } from '../../../generator/emit/resources/emit-resource.js';
import { printStructures } from '../../../generator/emit/resources/print.js';
import {
  operation,
  paginated,
  pathParam,
  queryParam,
  resource,
  TEST_DOCS,
} from '../../support/model-builders.js';

/** The resource module and its functions' modules, printed one after another. */
const print = (r: ReturnType<typeof resource>) =>
  [
    ...printStructures(
      new Map([
        ['r.ts', emitResource(r, TEST_DOCS)],
        ...r.operations.map((op) => [`${op.functionFile}.ts`, emitFunction(op, TEST_DOCS)] as const),
      ]),
    ).values(),
  ].join('\n');

describe('emitResource', () => {
  it('passes path params positionally through the encoding `path` tag', () => {
    const text = print(
      resource({
        operations: [
          operation({
            methodName: 'retrieve',
            path: '/widgets/{widget-id}',
            pathParams: [pathParam('widget-id', 'widgetId')],
          }),
        ],
      }),
    );
    expect(text).toContain('retrieve(widgetId: string, options?: RequestOptions): APIPromise<Widget>');
    expect(text).toContain('path: path`/widgets/${widgetId}`');
    expect(text).toContain("import { path } from '../core/internal/path.js';");
  });

  it('sends query and header params by their wire names, untouched', () => {
    const text = print(
      resource({
        operations: [
          operation({
            params: { typeName: 'WidgetListParams', required: false },
            optionParams: [
              queryParam('page[size]'),
              { wireName: 'X-Trace', in: 'header', required: false, pointer: '#/x' },
            ],
          }),
        ],
      }),
    );
    expect(text).toContain('params: WidgetListParams | null | undefined = {}');
    expect(text).toContain('query: { "page[size]": p["page[size]"] }');
    expect(text).toContain('headers: { "X-Trace": p["X-Trace"] }');
  });

  it('makes params required when a parameter is required', () => {
    const text = print(
      resource({
        operations: [
          operation({
            params: { typeName: 'P', required: true },
            optionParams: [queryParam('q', { required: true })],
          }),
        ],
      }),
    );
    expect(text).toContain('list(params: P, options?: RequestOptions)');
  });

  it('flattens an object body into params and names the body type otherwise', () => {
    const flat = print(
      resource({
        operations: [
          operation({
            method: 'post',
            methodName: 'create',
            params: { typeName: 'WidgetCreateParams', required: true },
            body: {
              kind: 'flattened',
              encoding: 'json',
              contentType: 'application/json',
              required: true,
              properties: ['name'],
            },
          }),
        ],
      }),
    );
    expect(flat).toContain('body: { "name": p.name } }');
    const whole = print(
      resource({
        operations: [
          operation({
            method: 'put',
            methodName: 'upload',
            call: { kind: 'request', response: { kind: 'none' } },
            body: {
              kind: 'whole',
              encoding: 'binary',
              contentType: 'application/octet-stream',
              required: true,
              type: { kind: 'builtin', text: 'Uploadable' },
            },
          }),
        ],
      }),
    );
    expect(whole).toContain('upload(body: Uploadable, options?: RequestOptions): APIPromise<void>');
    expect(whole).toContain(`content: () => binaryBody(body, "application/octet-stream")`);
    expect(whole).toContain(`import { binaryBody } from '../core/internal/raw-body.js';`);
    expect(whole).toContain(`import type { Uploadable } from '../core/uploads.js';`);
  });

  it('returns a PagePromise carrying the declared pagination for list operations', () => {
    const text = print(
      resource({
        operations: [
          operation({
            call: paginated(
              {
                style: 'page_number',
                pageParam: 'page',
                sizeParam: 'per_page',
                defaultSize: 30,
                firstPage: 1,
              },
              'Widget',
              'WidgetList',
            ),
          }),
        ],
      }),
    );
    expect(text).toContain('PagePromise<Widget, WidgetList>');
    expect(text).toContain(
      'const paging = pageNumberPages({"style":"page_number","pageParam":"page","sizeParam":"per_page","defaultSize":30,"firstPage":1});',
    );
    expect(text).toContain("import { pageNumberPages } from '../core/internal/pages/page-number.js';");
    expect(text).toContain(
      'return requestPage<Widget, WidgetList>(client, { method: \'get\', path: "/widgets" }, paging, options);',
    );
    expect(text).not.toContain('APIPromise');
  });

  it('sends the security alternatives the operation declares', () => {
    const text = print(resource({ operations: [operation({ security: [['bearerAuth'], ['apiKey']] })] }));
    expect(text).toContain('security: [["bearerAuth"],["apiKey"]]');
  });
});
