/**
 * Names a generated package exports from its runtime core, plus globals its code relies on: a schema with one of
 * these names gets a suffix instead of shadowing them.
 */
export const RUNTIME_EXPORTS = [
  'APIError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError',
  'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'APIConnectionError', 'APIConnectionTimeoutError',
  'APIUserAbortError', 'APIResponseParseError', 'PaginationError', 'SDKError', 'MissingCredentialError', 'APIPromise', 'PagePromise', 'Page',
  'PaginationSpec', 'RequestOptions', 'BaseClient', 'BaseClientOptions', 'ClientConfig', 'APIResource', 'Logger',
  'LogLevel', 'Response', 'Request', 'Headers', 'Blob', 'File', 'FormData', 'URL', 'Promise', 'Error', 'Date',
  'Array', 'Object', 'Record', 'Partial', 'Omit', 'Pick', 'Map', 'Set', 'String', 'Number', 'Boolean', 'Symbol',
];
