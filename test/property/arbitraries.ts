import fc from 'fast-check';

/**
 * Random valid OpenAPI 3.0/3.1 documents: hostile names (reserved words, digits, unicode, case twins, runtime
 * class names), every schema construct sdkgen promises (composition with and without discriminator, const,
 * nullable in both dialects, maps, recursion through $ref), and operations with path/query/header/cookie
 * parameters, JSON/multipart/form/binary/text bodies and JSON/text/binary/empty responses.
 */
const NAMES = [
  'id',
  'name',
  'class',
  'default',
  'new',
  'delete',
  'constructor',
  '__proto__',
  'then',
  'p',
  'path',
  'params',
  'options',
  'body',
  '1st',
  'x-y',
  'a b',
  'Ünï',
  '日本',
  'Page',
  'APIError',
  'Response',
  'Promise',
  'components',
  'type',
  'List',
  'list',
  'LIST',
  '$ref',
  'items',
];
const name = fc.oneof(fc.constantFrom(...NAMES), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/));

export interface DocumentShape {
  version: '3.0' | '3.1';
  document: Record<string, unknown>;
}

function schema(version: '3.0' | '3.1', refs: string[]) {
  const nullable = (s: Record<string, unknown>, type: string) =>
    version === '3.0' ? { ...s, type, nullable: true } : { ...s, type: [type, 'null'] };
  const leaf = fc.oneof(
    fc.constant({ type: 'string' }),
    fc.constant({ type: 'integer' }),
    fc.constant({ type: 'number' }),
    fc.constant({ type: 'boolean' }),
    fc.constant({ type: 'string', format: 'date-time' }),
    fc.constant({}),
    fc.constant(nullable({}, 'string')),
    fc.constant(nullable({ enum: ['a', 'b', null] }, 'string')),
    fc
      .uniqueArray(fc.oneof(name, fc.constant('')), { minLength: 1, maxLength: 4 })
      .map((values) => ({ type: 'string', enum: values })),
    fc.constantFrom(
      ...(version === '3.1'
        ? [{ const: 'fixed' }, { type: ['string', 'integer'] }]
        : [{ type: 'string', enum: ['only'] }]),
    ),
    ...(refs.length
      ? [
          fc
            .constantFrom(...refs)
            .map((r) => ({ $ref: `#/components/schemas/${r.replaceAll('~', '~0').replaceAll('/', '~1')}` })),
        ]
      : []),
  );
  return fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .dictionary(name, tie('node'), { maxKeys: 4 })
        .chain((properties) =>
          fc
            .subarray(Object.keys(properties))
            .map((required) => ({ type: 'object', properties, ...(required.length ? { required } : {}) })),
        ),
      tie('node').map((items) => ({ type: 'array', items })),
      tie('node').map((additionalProperties) => ({ type: 'object', additionalProperties })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((allOf) => ({ allOf })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((oneOf) => ({ oneOf })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
    ),
  })).node;
}

/** A discriminated union over generated object components, with mapping (full refs or bare names) or implicit. */
function discriminated(objects: string[]) {
  return fc.record({ style: fc.constantFrom('mapping', 'bare', 'implicit') }).map(({ style }) => {
    const oneOf = objects.map((o) => ({ $ref: `#/components/schemas/${o}` }));
    const mapping = Object.fromEntries(
      objects.map((o, i) => [`kind${i}`, style === 'bare' ? o : `#/components/schemas/${o}`]),
    );
    return { oneOf, discriminator: { propertyName: 'kind', ...(style === 'implicit' ? {} : { mapping }) } };
  });
}

export function openapiDocument(): fc.Arbitrary<DocumentShape> {
  return fc.constantFrom<'3.0' | '3.1'>('3.0', '3.1').chain((version) =>
    fc.uniqueArray(name, { minLength: 1, maxLength: 6, selector: (n) => n }).chain((schemaNames) => {
      const objectNames = schemaNames.map((_, i) => `Variant${i}`);
      return fc
        .record({
          schemas: fc.tuple(...schemaNames.map(() => schema(version, schemaNames))),
          union: discriminated(objectNames),
          operations: fc.array(operation(version, schemaNames), { minLength: 1, maxLength: 5 }),
        })
        .map(({ schemas, union, operations }) => {
          // A component that is only a $ref could close a pure $ref cycle, which is a broken document (see bad-specs).
          const components: Record<string, unknown> = Object.fromEntries(
            schemaNames.map((n, i) => [
              n,
              '$ref' in schemas[i]! ? { type: 'array', items: schemas[i] } : schemas[i],
            ]),
          );
          for (const o of objectNames)
            components[o] = {
              type: 'object',
              required: ['kind'],
              properties: {
                kind: { type: 'string' },
                value: { $ref: `#/components/schemas/${schemaNames[0]}` },
              },
            };
          components.Union = union;
          const paths: Record<string, Record<string, unknown>> = {};
          operations.forEach((op, i) => {
            const route = `/r${i}${op.pathParams.map((p) => `/{${p}}`).join('')}`;
            paths[route] = { [op.method]: op.build(i) };
          });
          return {
            version,
            document: {
              openapi: version === '3.0' ? '3.0.3' : '3.1.0',
              info: { title: 'Random', version: '1' },
              paths,
              components: { schemas: components },
            },
          };
        });
    }),
  );
}

function operation(version: '3.0' | '3.1', refs: string[]) {
  const body = fc.oneof(
    fc.constant(undefined),
    schema(version, refs).map((s) => ({ 'application/json': { schema: s } })),
    schema(version, refs).map((s) => ({
      'application/json': {
        schema: { type: 'object', properties: { data: s, 'x-y': { type: 'string' } }, required: ['data'] },
      },
    })),
    fc.constant({
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string' } },
          required: ['file'],
        },
      },
    }),
    fc.constant({
      'application/x-www-form-urlencoded': {
        schema: { type: 'object', properties: { a: { type: 'string' } } },
      },
    }),
    fc.constant({ 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }),
    fc.constant({ 'text/plain': { schema: { type: 'string' } } }),
  );
  const response = fc.oneof(
    fc.constant({ '204': { description: 'none' } }),
    schema(version, refs).map((s) => ({
      '200': { description: 'ok', content: { 'application/json': { schema: s } } },
    })),
    fc.constant({ '200': { description: 'ok', content: { 'text/plain': { schema: { type: 'string' } } } } }),
    fc.constant({
      '200': {
        description: 'ok',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
    }),
    fc.constant({
      '201': {
        description: 'ok',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Union' } } },
      },
      '404': {
        description: 'no',
        content: {
          'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } },
        },
      },
    }),
  );
  const param = fc.record({
    name,
    in: fc.constantFrom('query', 'header', 'cookie'),
    required: fc.boolean(),
    schema: schema(version, refs),
  });
  return fc
    .record({
      method: fc.constantFrom('get', 'post', 'put', 'patch', 'delete'),
      operationId: fc.option(name, { nil: undefined }),
      tags: fc.option(fc.array(name, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      // ASCII only: Redocly's path-parameters-defined rule does not match non-ASCII names in a path template.
      pathParams: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/), { maxLength: 2 }),
      params: fc.uniqueArray(param, { maxLength: 4, selector: (p) => `${p.in}:${p.name.toLowerCase()}` }),
      body,
      response,
    })
    .map((op) => ({
      method: op.method,
      pathParams: op.pathParams,
      build: (i: number) => ({
        ...(op.operationId ? { operationId: `${op.operationId}${i}` } : {}),
        ...(op.tags ? { tags: op.tags } : {}),
        parameters: [
          ...op.pathParams.map((p) => ({ name: p, in: 'path', required: true, schema: { type: 'string' } })),
          ...op.params,
        ],
        ...(op.body ? { requestBody: { required: true, content: op.body } } : {}),
        responses: op.response,
      }),
    }));
}
