import type { ApiModel, OperationModel, ParamModel, ResourceModel } from '../../generator/model/types.js';

/** Small builders so emitter tests need no spec file: each takes only the fields a test cares about. */
export function param(overrides: Partial<ParamModel> & Pick<ParamModel, 'wireName' | 'in'>): ParamModel {
  return { argName: overrides.wireName, required: false, pointer: '#/x', ...overrides };
}

export function operation(overrides: Partial<OperationModel> = {}): OperationModel {
  return {
    operationId: 'listWidgets',
    pointer: '#/paths/~1widgets/get',
    method: 'get',
    path: '/widgets',
    source: 'spec.yaml',
    deprecated: false,
    methodName: 'list',
    pathParams: [],
    optionParams: [],
    paramsRequired: false,
    responseKind: 'json',
    responseTypeName: 'Widget',
    security: [],
    errorStatuses: [],
    codeSamples: [],
    ...overrides,
  };
}

export function resource(overrides: Partial<ResourceModel> = {}): ResourceModel {
  return {
    propertyName: 'widgets',
    className: 'Widgets',
    fileName: 'widgets',
    singular: 'Widget',
    operations: [operation()],
    children: [],
    ...overrides,
  };
}

export function apiModel(overrides: Partial<ApiModel> = {}): ApiModel {
  return {
    title: 'Acme API',
    version: '1.0.0',
    defaultBaseURL: 'https://api.acme.test',
    securitySchemes: {},
    resources: [resource()],
    types: [],
    enums: [],
    inferredPagination: [],
    defaultSecurity: [],
    typesDocument: {
      openapi: '3.1.0',
      info: { title: 'Acme', version: '1' },
      paths: {},
      components: { schemas: {} },
    },
    warnings: [],
    ...overrides,
  };
}
