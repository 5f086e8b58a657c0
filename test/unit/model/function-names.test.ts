import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../generator/model/build-model.js';
import { allResources } from '../../../generator/model/all-resources.js';
import { FunctionNames } from '../../../generator/model/function-names.js';
import { modelOptions } from '../../support/model-builders.js';

describe('FunctionNames', () => {
  it('names a function by its resource path and method, and its module in kebab-case', () => {
    const names = new FunctionNames([]);
    expect(names.claim('AffiliatesOverrides', 'list')).toEqual({
      functionName: 'affiliatesOverridesList',
      functionFile: 'affiliates-overrides-list',
    });
  });

  it('settles two paths that read the same, and names the runtime reserves, with a suffix', () => {
    const names = new FunctionNames(['requestPage', 'paging']);
    expect(names.claim('Foo', 'barList').functionName).toBe('fooBarList');
    expect(names.claim('FooBar', 'list')).toEqual({
      functionName: 'fooBarList2',
      functionFile: 'foo-bar-list2',
    });
    expect(names.claim('Request', 'page').functionName).toBe('requestPage2');
  });

  it('makes a legal identifier of any name, and caps the module name', () => {
    const names = new FunctionNames([]);
    const long = names.claim(`A${'b'.repeat(200)}`, 'list');
    expect(long.functionName).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(long.functionFile.length).toBeLessThanOrEqual(96);
    expect(names.claim('', '').functionName).toBe('call');
  });
});

const arrayResponse = {
  '200': {
    description: 'x',
    content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
  },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

describe('the model', () => {
  it('gives every operation a distinct function, named after its parents, that no runtime import shadows', () => {
    const model = buildModel(
      {
        file: 'spec.yaml',
        version: '3.1',
        document: {
          openapi: '3.1.0',
          info: { title: 't', version: '1' },
          paths: {
            '/affiliates': { get: { operationId: 'listAffiliates', responses: arrayResponse } },
            '/affiliates/{id}/overrides': {
              get: { operationId: 'listOverrides', responses: arrayResponse },
              parameters: [idParam],
            },
            // `styled.query` would be `styledQuery`, the runtime's styled-query writer a function module imports.
            '/styled/{id}': {
              get: { operationId: 'query', responses: { '204': { description: 'x' } } },
              parameters: [idParam],
            },
            '/things/{client}': {
              delete: {
                operationId: 'deleteThing',
                parameters: [{ name: 'client', in: 'path', required: true, schema: { type: 'string' } }],
                responses: { '204': { description: 'x' } },
              },
            },
          },
        },
      },
      modelOptions(),
    );
    const rows = allResources(model.resources).flatMap((r) =>
      r.operations.map((op) => [`${r.accessor}.${op.methodName}`, op.functionName, op.functionFile]),
    );
    expect(rows).toEqual([
      ['affiliates.list', 'affiliatesList', 'affiliates-list'],
      ['affiliates.overrides.list', 'affiliateOverridesList', 'affiliate-overrides-list'],
      ['styled.query', 'styledQuery2', 'styled-query2'],
      ['things.delete', 'thingsDelete', 'things-delete'],
    ]);
    // The function's first parameter is `client`: a path parameter of that name is renamed.
    const thing = model.resources.find((r) => r.propertyName === 'things')!.operations[0]!;
    expect(thing.pathParams.map((p) => p.argName)).toEqual(['client2']);
    expect(model.client.coreClassName).toBe('ClientCore');
  });
});
