import { describe, expect, it } from 'vitest';
import { emitClient, emitCore } from '../../../generator/emit/resources/emit-client.js';
import { emitFunction } from '../../../generator/emit/resources/emit-function.js';
import { emitResource } from '../../../generator/emit/resources/emit-resource.js';
import { printStructures } from '../../../generator/emit/resources/print.js';
import type { SourceFileStructure } from 'ts-morph';
import {
  apiModel,
  operation,
  paginated,
  pathParam,
  resource,
  TEST_DOCS,
} from '../../support/model-builders.js';

const print = (structure: SourceFileStructure) =>
  printStructures(new Map([['f.ts', structure]])).get('f.ts')!;

const list = operation({
  methodName: 'list',
  call: paginated(
    { style: 'offset', items: 'data', offsetParam: 'offset', limitParam: 'limit', defaultLimit: 20 },
    'Widget',
    'WidgetList',
  ),
});
const retrieve = operation({
  methodName: 'retrieve',
  path: '/widgets/{id}',
  pathParams: [pathParam('id')],
});

describe('emitFunction', () => {
  it('holds the request literal, takes the core client first and imports only what its operation uses', () => {
    const text = print(emitFunction(retrieve, TEST_DOCS));
    expect(text).toContain(
      'export function widgetsRetrieve(client: AcmeCore, id: string, options?: RequestOptions): APIPromise<Widget>',
    );
    expect(text).toContain(
      "return client.request<Widget>({ method: 'get', path: path`/widgets/${id}` }, options);",
    );
    expect(text).toContain("import type { AcmeCore } from '../core.js';");
    // A plain request carries no pagination, no page style and no resource class.
    expect(text).not.toMatch(/pagination|pages\/|APIResource|PagePromise/);
  });

  it('a list function carries its own page style, and no other', () => {
    const text = print(emitFunction(list, TEST_DOCS));
    expect(text).toContain("import { offsetPages } from '../core/internal/pages/offset.js';");
    expect(text).toContain("import { requestPage } from '../core/pagination.js';");
    expect(text).toContain('const paging = offsetPages(');
    expect(text).not.toMatch(/cursor|page-number|api-promise/);
  });

  it('documents the function with a call of the function itself, imported from the package', () => {
    const text = print(emitFunction(retrieve, { ...TEST_DOCS, packageName: '@sdkgen/acme' }));
    expect(text).toContain("import { AcmeCore } from '@sdkgen/acme/core';");
    expect(text).toContain("import { widgetsRetrieve } from '@sdkgen/acme/funcs/widgets-retrieve';");
    expect(text).toContain('await widgetsRetrieve(client, "id_123")');
  });
});

describe('emitResource', () => {
  it('forwards every method to its function, with the same signature', () => {
    const text = print(emitResource(resource({ operations: [list, retrieve] }), TEST_DOCS));
    expect(text).toContain('retrieve(id: string, options?: RequestOptions): APIPromise<Widget> {');
    expect(text).toContain('return widgetsRetrieve(this._client, id, options);');
    expect(text).toContain('return widgetsList(this._client, options);');
    expect(text).toContain("import { widgetsRetrieve } from '../funcs/widgets-retrieve.js';");
    expect(text).toContain('declare protected _client: AcmeCore;');
    // The request is the function's: no request literal or page style in the class module.
    expect(text).not.toMatch(/method: 'get'|offsetPages|requestPage/);
  });

  it('builds a sub-resource on first access and keeps it', () => {
    const child = resource({
      propertyName: 'parts',
      className: 'WidgetParts',
      fileName: 'widget-parts',
      accessor: 'widgets.parts',
    });
    const text = print(emitResource(resource({ children: [child] }), TEST_DOCS));
    expect(text).toContain('#parts?: WidgetParts;');
    expect(text).toContain('get parts(): WidgetParts {');
    expect(text).toContain('return (this.#parts ??= new WidgetParts(this._client));');
    expect(text).not.toContain('readonly parts');
  });
});

describe('the core and the full client', () => {
  it('the core client holds the configuration and no resource or error class', () => {
    const text = print(emitCore(apiModel()));
    expect(text).toContain('export class AcmeCore extends BaseClient {');
    expect(text).toContain('export interface ClientOptions extends BaseClientOptions {');
    expect(text).toContain('super(config, options);');
    expect(text).not.toMatch(/resources\/|errors\.js|Widgets|static/);
  });

  it('the client extends the core, builds resources lazily and keeps the error statics', () => {
    const text = print(emitClient(apiModel()));
    expect(text).toContain('export class Acme extends AcmeCore {');
    expect(text).toContain('static NotFoundError = Errors.NotFoundError;');
    expect(text).toContain('#widgets?: Widgets;');
    expect(text).toContain('return (this.#widgets ??= new Widgets(this));');
    expect(text).not.toMatch(/constructor|= new Widgets\(this\);\n/);
  });
});
