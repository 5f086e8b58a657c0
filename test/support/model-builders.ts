import type { ModelOptions } from '../../generator/model/build-model.js';
import type {
  ApiModel,
  OperationModel,
  OptionParamModel,
  PathParamModel,
  ResourceModel,
  VerifiedPagination,
} from '../../generator/model/types.js';

/** Small builders so emitter tests need no spec file: each takes only the fields a test cares about. */
export function queryParam(wireName: string, overrides: Partial<OptionParamModel> = {}): OptionParamModel {
  return { wireName, in: 'query', required: false, pointer: '#/x', ...overrides };
}

export function pathParam(wireName: string, argName = wireName): PathParamModel {
  return { wireName, argName, in: 'path', required: true, pointer: '#/x', positional: true };
}

export function operation(overrides: Partial<OperationModel> = {}): OperationModel {
  const method = overrides.methodName ?? 'list';
  return {
    operationId: 'listWidgets',
    pointer: '#/paths/~1widgets/get',
    method: 'get',
    path: '/widgets',
    urlPath: overrides.path ?? '/widgets',
    requestMediaTypes: [],
    responseMediaTypes: ['application/json'],
    accept: 'application/json',
    source: 'spec.yaml',
    deprecated: false,
    methodName: 'list',
    functionName: `widgets${method.charAt(0).toUpperCase()}${method.slice(1)}`,
    functionFile: `widgets-${method.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    pathParams: [],
    optionParams: [],
    requestForms: [],
    responseForms: [],
    call: { kind: 'request', response: { kind: 'json', type: { kind: 'model', name: 'Widget' } } },
    security: [],
    errorStatuses: [],
    codeSamples: [],
    ...overrides,
  };
}

/** The call of a list operation in a style the runtime has. */
export function paginated(
  pagination: VerifiedPagination,
  itemTypeName: string,
  pageTypeName: string,
): OperationModel['call'] {
  const file = pagination.style.replaceAll('_', '-');
  const factory = file.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) + 'Pages';
  return {
    kind: 'paginated',
    pagination,
    pageStyle: { module: `internal/pages/${file}.js`, factory },
    itemTypeName,
    pageTypeName,
  };
}

export function resource(overrides: Partial<ResourceModel> = {}): ResourceModel {
  return {
    propertyName: 'widgets',
    className: 'Widgets',
    fileName: 'widgets',
    singular: 'Widget',
    operations: [operation()],
    accessor: 'widgets',
    children: [],
    ...overrides,
  };
}

export function apiModel(overrides: Partial<ApiModel> = {}): ApiModel {
  return {
    title: 'Acme API',
    version: '1.0.0',
    defaultBaseURL: 'https://api.acme.test',
    client: {
      className: 'Acme',
      coreClassName: 'AcmeCore',
      version: '0.1.0',
      envPrefix: 'ACME',
      credential: { option: 'apiKey', env: 'ACME_API_KEY', description: 'Your API key.' },
      queryFormat: { arrays: 'repeat' },
      errorMessagePaths: [],
    },
    package: {
      name: '@sdkgen/acme',
      version: '0.1.0',
      description: 'Acme client',
      license: 'MIT',
      licenseHolder: 'the authors of @sdkgen/acme',
      toolchain: { typescript: '5.9.3', node: '>=20.19' },
    },
    enumStyle: 'open',
    securitySchemes: {},
    resources: [resource()],
    types: [],
    enums: [],
    errors: {
      kind: 'untyped',
      httpClasses: ['APIError', 'NotFoundError'],
      otherClasses: ['SDKError'],
      baseName: 'AcmeError',
    },
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

/** Model options as a provider config with every default would give them. */
export function modelOptions(overrides: Partial<ModelOptions> = {}): ModelOptions {
  return {
    configFile: 'sdkgen.json',
    include: 'all',
    pagination: [],
    resources: {},
    clientName: 'Client',
    packageName: '@sdkgen/client',
    version: '0.1.0',
    description: 'A client',
    envPrefix: 'CLIENT',
    credential: { option: 'apiKey', env: 'CLIENT_API_KEY', description: 'Your API key.' },
    queryFormat: { arrays: 'repeat' },
    errorMessagePaths: [],
    enums: 'open',
    license: 'MIT',
    licenseHolder: 'the authors of @sdkgen/client',
    toolchain: { typescript: '5.9.3', node: '>=20.19' },
    ...overrides,
  };
}

/** What the doc comments of emitter tests are written with: no package, placeholder examples. */
export const TEST_DOCS = {
  coreClassName: 'AcmeCore',
  examples: { document: {}, schemaOf: () => undefined },
};
