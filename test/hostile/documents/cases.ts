import { pointerSegment } from '../../../generator/json-pointer.js';
import {
  aliasBomb,
  allOfChain,
  code,
  json,
  listOp,
  payload,
  put,
  ref,
  refChain,
  toJson,
  toYaml,
  vendorSpec,
  type Doc,
} from './builders.js';

/** Where a case's files may point: a folder outside the spec's, with a secret; a loopback server that must stay idle. */
export interface CaseContext {
  outside: string;
  secret: string;
  canary: string;
}

/** A file's text, or a symbolic link to another path. */
export type CaseFile = string | { link: string };

export interface HostileCase {
  id: string;
  files: (ctx: CaseContext) => Record<string, CaseFile>;
  /** The document given to the generator; `openapi.yaml` unless said. */
  root?: string;
  /** More documents merged with the root, as a provider with several sources. */
  also?: string[];
  /** Generates (and then must compile and import without running a payload), or fails with this pointer and text. */
  expect: 'generates' | { pointer: string; says: RegExp };
  /** Budget cases are also run in a child process capped at 1 GB of heap. */
  budget?: boolean;
  /** Text the generated files must contain: readable, neutralised forms. */
  contains?: Record<string, string[]>;
}

const PROTOTYPE_NAMES = [
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
  'constructor',
  'toString',
  '__proto__',
];

function movePath(doc: Doc, from: string, to: string): void {
  doc.paths[to] = doc.paths[from];
  delete doc.paths[from];
}

const yaml = (doc: Doc) => ({ 'openapi.yaml': toYaml(doc) });

/** A case whose one edit puts the payload (named after the case) somewhere in the vendor spec. */
function injection(
  id: string,
  edit: (doc: Doc, text: string) => void,
  contains?: HostileCase['contains'],
): HostileCase {
  return {
    id,
    files: () => yaml(vendorSpec((doc) => edit(doc, payload(id)))),
    expect: 'generates',
    ...(contains ? { contains } : {}),
  };
}

/** A case whose spec file (or a folder on its path) is named to break out of the provenance line. */
function fileName(id: string, name: (run: string) => string): HostileCase {
  const root = name(code(id));
  return { id, root, files: () => ({ [root]: toYaml(vendorSpec()) }), expect: 'generates' };
}

function pure(id: string, edit: (doc: Doc, run: string) => void): HostileCase {
  return { id, files: () => yaml(vendorSpec((doc) => edit(doc, code(id)))), expect: 'generates' };
}

function refusal(
  id: string,
  files: HostileCase['files'],
  pointer: string,
  says: RegExp,
  extra: Partial<HostileCase> = {},
): HostileCase {
  return { id, files, expect: { pointer, says }, ...extra };
}

const LIST_SCHEMA = '#/paths/~1charges/get/responses/200/content/application~1json/schema';
const withListRef = ($ref: string) => (doc: Doc) => (listOp(doc).responses['200'] = json({ $ref }));

/** Path text with no braces, so it stays one path segment: closes a comment, a string and a template literal. */
const pathPayload = (id: string) => `/x*/ ${code(id)}; /*\`;${code(id)};\`'${code(id)}'"${code(id)}"\\`;

export const CASES: HostileCase[] = [
  // Spec text in every sink: each must stay text.
  // One sink each, with text that is valid code once out of it: an escaping that failed would compile and run.
  pure('pure-title-comment', (doc, run) => (doc.info.title = `Acme */ ${run}; /* API`)),
  pure(
    'pure-tag-description-comment',
    (doc, run) => (doc.tags[0].description = `Charges */ ${run}; /* and more`),
  ),
  pure(
    'pure-operation-description-comment',
    (doc, run) => (listOp(doc).description = `Lists */ ${run}; /* charges`),
  ),
  pure(
    'pure-schema-description-comment',
    (doc, run) => (doc.components.schemas.Charge.description = `A charge */ ${run}; /* of money`),
  ),
  pure(
    'pure-server-url-comment',
    (doc, run) => (doc.servers = [{ url: `https://api.acme.example/*/ ${run}; /*` }]),
  ),
  pure(
    'pure-path-string',
    (doc, run) =>
      (doc.paths[`/x" + ${run} + "`] = { get: { ...listOp(doc), operationId: 'listOdd', tags: ['Odd'] } }),
  ),
  pure('pure-path-template', (doc, run) =>
    movePath(doc, '/charges/{charge_id}', `/x\` + ${run} + \`/{charge_id}`),
  ),
  pure('pure-query-name-string', (doc, run) =>
    listOp(doc).parameters.push({ name: `q" + ${run} + "`, in: 'query', schema: { type: 'string' } }),
  ),
  injection('info-title', (doc, p) => (doc.info.title = p)),
  injection('info-version', (doc, p) => (doc.info.version = p)),
  injection('info-description', (doc, p) => (doc.info.description = p)),
  injection('server-url', (doc, p) => (doc.servers = [{ url: `https://api.acme.example/${p}` }])),
  injection(
    'server-variable-default',
    (doc, p) =>
      (doc.servers = [{ url: 'https://{region}.acme.example', variables: { region: { default: p } } }]),
  ),
  injection('tag-description', (doc, p) => (doc.tags[0].description = p)),
  injection('tag-name', (doc, p) => {
    doc.tags = [{ name: p, description: p }];
    for (const op of [listOp(doc), doc.paths['/charges'].post, doc.paths['/charges/{charge_id}'].get])
      op.tags = [p];
  }),
  injection('operation-summary', (doc, p) => (listOp(doc).summary = p)),
  injection('operation-description', (doc, p) => (listOp(doc).description = p)),
  injection('operation-id', (doc, p) => (listOp(doc).operationId = p)),
  injection('parameter-description', (doc, p) => (listOp(doc).parameters[0].description = p)),
  injection('parameter-example', (doc, p) =>
    listOp(doc).parameters.push({
      name: 'q',
      in: 'query',
      required: true,
      example: p,
      schema: { type: 'string' },
    }),
  ),
  injection(
    'path-parameter-example',
    (doc, p) => (doc.paths['/charges/{charge_id}'].get.parameters[0].example = p),
  ),
  injection('query-parameter-name', (doc, p) =>
    listOp(doc).parameters.push({ name: p, in: 'query', schema: { type: 'string' } }),
  ),
  injection('header-parameter-name', (doc, p) =>
    listOp(doc).parameters.push({ name: p.replace(/\n/g, ' '), in: 'header', schema: { type: 'string' } }),
  ),
  injection('cookie-parameter-name', (doc, p) =>
    listOp(doc).parameters.push({ name: p, in: 'cookie', schema: { type: 'string' } }),
  ),
  injection('path-literal', (doc) =>
    movePath(doc, '/charges/{charge_id}', `${pathPayload('path-literal')}/{charge_id}`),
  ),
  injection('path-literal-no-params', (doc) => {
    doc.paths[pathPayload('path-literal-no-params')] = {
      get: { ...listOp(doc), operationId: 'listOdd', tags: ['Odd'] },
    };
  }),
  injection('schema-description', (doc, p) => (doc.components.schemas.Charge.description = p)),
  injection('schema-title', (doc, p) => (doc.components.schemas.Charge.title = p)),
  injection(
    'property-description',
    (doc, p) => (doc.components.schemas.Charge.properties.amount.description = p),
  ),
  injection(
    'property-name',
    (doc, p) => (doc.components.schemas.Charge.properties[p] = { type: 'string', description: p }),
  ),
  injection('schema-name', (doc, p) => {
    doc.components.schemas[p] = { type: 'object', description: p, properties: { id: { type: 'string' } } };
    doc.components.schemas.Charge.properties.related = { $ref: `#/components/schemas/${pointerSegment(p)}` };
  }),
  injection(
    'enum-values',
    (doc, p) => (doc.components.schemas.Charge.properties.status.enum = ['pending', p, `${p} 2`]),
  ),
  injection(
    'inline-enum-description',
    (doc, p) => (doc.components.schemas.Charge.properties.status.description = p),
  ),
  injection('schema-example', (doc, p) => (doc.components.schemas.Charge.example = { id: p, [p]: [p] })),
  injection(
    'schema-default',
    (doc, p) => (doc.components.schemas.ChargeCreate.properties.currency.default = p),
  ),
  injection('schema-format', (doc, p) => (doc.components.schemas.Charge.properties.id.format = p)),
  injection(
    'code-sample',
    (doc, p) =>
      (listOp(doc)['x-codeSamples'] = [
        { lang: 'JavaScript', source: `import Acme from 'acme';\n${p}\n\`\`\`\n${p}` },
      ]),
  ),
  injection(
    'flattened-body-property',
    (doc, p) => (doc.components.schemas.ChargeCreate.properties[p] = { type: 'string', description: p }),
  ),
  injection('security-scheme-name', (doc, p) => {
    doc.components.securitySchemes = {
      [p]: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: p },
    };
    doc.security = [{ [p]: [] }];
  }),
  injection(
    'api-key-header-name',
    (doc, p) => (doc.components.securitySchemes = { key: { type: 'apiKey', in: 'query', name: p } }),
  ),
  injection('discriminator', (doc, p) => {
    doc.components.schemas.Card = { type: 'object', properties: { kind: { type: 'string' } } };
    doc.components.schemas.Method = {
      oneOf: [ref('Card')],
      discriminator: { propertyName: p, mapping: { [p]: '#/components/schemas/Card' } },
    };
    doc.components.schemas.Charge.properties.method = ref('Method');
  }),
  injection(
    'media-type',
    (doc, p) =>
      (listOp(doc).responses['200'] = {
        description: p,
        content: { [`application/json; profile="${p.replace(/\n/g, ' ')}"`]: { schema: ref('Charge') } },
      }),
  ),
  injection('media-type-choices', (doc, p) => {
    // Several request and response media types: each becomes a literal type, a doc comment, README and api.md text.
    const type = (base: string) => `${base}; profile="${p.replace(/\n/g, ' ')}"`;
    const create = doc.paths['/charges'].post;
    create.requestBody.content[type('multipart/form-data')] = {
      schema: { type: 'object', properties: { receipt: { type: 'string', format: 'binary' } } },
    };
    create.requestBody.content[type('text/plain')] = { schema: { type: 'string' } };
    create.responses['201'].content[type('text/csv')] = { schema: { type: 'string' } };
    create.responses['201'].content[type('text/event-stream')] = { schema: ref('Charge') };
  }),
  injection(
    'ref-sibling-description',
    (doc, p) =>
      (doc.components.schemas.Charge.properties.related = {
        $ref: '#/components/schemas/Error',
        description: p,
      }),
  ),
  injection('response-description', (doc, p) => (listOp(doc).responses['200'].description = p)),
  injection('line-separators', (doc) => {
    const run = code('line-separators');
    doc.info.title = `Acme\u2028${run};\u2029${run};\r${run};`;
    doc.tags[0].description = `Charges\u2028${run};`;
  }),
  injection(
    'glob-in-text',
    (doc) => {
      doc.info.title = 'Upload files matching **/*.json';
      doc.tags[0].description = 'Upload files matching **/*.json or src/**/*.ts';
      listOp(doc).summary = 'List files matching **/*.json';
      doc.components.schemas.Charge.description = 'Globs like **/*.json';
    },
    {
      'src/client.ts': ['Upload files matching **\\/*.json'],
      'README.md': ['Upload files matching **/*.json'],
    },
  ),
  injection('markdown', (doc) => {
    const html = '<script>alert(1)</script> --> <img src=x onerror=alert(1)> | cell | ``` \n```\nfenced\n';
    doc.info.title = html;
    doc.tags[0].description = html;
    listOp(doc).summary = html;
    listOp(doc).description = html;
    doc.components.schemas.Charge.description = html;
    movePath(doc, '/charges/{charge_id}', '/charges/`|`{charge_id}');
  }),
  injection(
    'non-string-annotations',
    (doc) => {
      doc.components.schemas.Charge.title = 42;
      doc.components.schemas.Error.title = { text: 'an object' };
      doc.components.schemas.Error.summary = ['a', 'list'];
      // Properties named like the annotations are schemas, and stay.
      doc.components.schemas.Error.properties = {
        title: { type: 'string' },
        description: { type: 'string' },
        format: { type: 'integer' },
      };
      doc.components.schemas.Charge.properties.amount.description = { text: 'not a string' };
      doc.components.schemas.Charge.properties.id.format = ['uuid'];
      listOp(doc).summary = 7;
      doc.tags[0].description = ['x'];
    },
    { 'src/models.ts': ['title?: string', 'description?: string', 'format?: number'] },
  ),
  injection('reserved-and-runtime-names', (doc) => {
    for (const name of ['default', 'class', 'Promise', 'Page', 'APIError', 'function', 'await', 'Object']) {
      doc.components.schemas[name] = { type: 'object', properties: { [name]: { type: 'string' } } };
      doc.components.schemas.Charge.properties[`x_${name}`] = ref(name);
    }
    doc.tags = [{ name: 'default' }, { name: 'Promise' }];
    listOp(doc).tags = ['default'];
    doc.paths['/charges'].post.tags = ['Promise'];
  }),

  // Names every JavaScript object inherits: they generate, compile and behave.
  {
    id: 'prototype-schema-names',
    files: () =>
      yaml(
        vendorSpec((doc) => {
          for (const name of PROTOTYPE_NAMES) {
            put(doc.components.schemas, name, {
              type: 'object',
              description: `A ${name}.`,
              properties: { id: { type: 'string' } },
            });
            doc.components.schemas.Charge.properties[`has_${name}`] = ref(name);
          }
          listOp(doc).responses['200'] = json({ type: 'array', items: ref('constructor') });
        }),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-property-names',
    files: () =>
      yaml(
        vendorSpec((doc) => {
          doc.components.schemas.Charge.properties = Object.fromEntries(
            PROTOTYPE_NAMES.map((n) => [n, { type: 'string' }]),
          );
          doc.components.schemas.Charge.required = ['constructor', '__proto__'];
        }),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-query-parameters',
    files: () =>
      yaml(
        vendorSpec(
          (doc) =>
            (listOp(doc).parameters = PROTOTYPE_NAMES.map((name) => ({
              name,
              in: 'query',
              schema: { type: 'string' },
            }))),
        ),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-header-parameters',
    files: () =>
      yaml(
        vendorSpec(
          (doc) =>
            (listOp(doc).parameters = PROTOTYPE_NAMES.map((name) => ({
              name,
              in: 'header',
              schema: { type: 'string' },
            }))),
        ),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-cookie-parameters',
    files: () =>
      yaml(
        vendorSpec(
          (doc) =>
            (listOp(doc).parameters = ['constructor', 'toString', '__proto__'].map((name) => ({
              name,
              in: 'cookie',
              schema: { type: 'string' },
            }))),
        ),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-body-properties',
    files: () =>
      yaml(
        vendorSpec(
          (doc) =>
            (doc.components.schemas.ChargeCreate.properties = Object.fromEntries(
              PROTOTYPE_NAMES.map((n) => [n, { type: 'string' }]),
            )),
        ),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-path-parameter',
    files: () =>
      yaml(
        vendorSpec((doc) => {
          const op = doc.paths['/charges/{charge_id}'].get;
          delete doc.paths['/charges/{charge_id}'];
          doc.paths['/charges/{constructor}/{__proto__}'] = {
            get: {
              ...op,
              parameters: ['constructor', '__proto__'].map((name) => ({
                name,
                in: 'path',
                required: true,
                schema: { type: 'string' },
              })),
            },
          };
        }),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-tags-and-operation-ids',
    files: () =>
      yaml(
        vendorSpec((doc) => {
          doc.tags = ['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((name) => ({
            name,
            description: `The ${name} resource.`,
          }));
          listOp(doc).tags = ['constructor'];
          listOp(doc).operationId = 'toString';
          doc.paths['/charges'].post.tags = ['__proto__'];
          doc.paths['/charges'].post.operationId = 'constructor';
          doc.paths['/charges/{charge_id}'].get.tags = ['toString'];
          doc.paths['/charges/{charge_id}'].get.operationId = '__proto__';
          doc.paths['/refunds'] = {
            get: {
              operationId: 'valueOf',
              tags: ['hasOwnProperty'],
              responses: { '200': json({ type: 'array', items: ref('Charge') }) },
            },
          };
        }),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-security-schemes',
    files: () =>
      yaml(
        vendorSpec((doc) => {
          doc.components.securitySchemes = {
            __proto__: { type: 'apiKey', in: 'header', name: 'X-Key' },
            constructor: { type: 'http', scheme: 'bearer' },
            toString: { type: 'http', scheme: 'basic' },
          };
          Object.defineProperty(doc.components.securitySchemes, '__proto__', {
            value: { type: 'apiKey', in: 'header', name: 'X-Key' },
            enumerable: true,
          });
          doc.security = [{ __proto__: [] }, { constructor: [] }];
          Object.defineProperty(doc.security[0], '__proto__', { value: [], enumerable: true });
        }),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-enum-and-mapping',
    files: () =>
      yaml(
        vendorSpec((doc) => {
          doc.components.schemas.Charge.properties.status.enum = ['__proto__', 'constructor', 'toString'];
          doc.components.schemas.Card = { type: 'object', properties: { kind: { type: 'string' } } };
          const mapping = { constructor: '#/components/schemas/Card', toString: 'Card' };
          Object.defineProperty(mapping, '__proto__', {
            value: '#/components/schemas/Card',
            enumerable: true,
          });
          doc.components.schemas.Method = {
            oneOf: [ref('Card')],
            discriminator: { propertyName: 'kind', mapping },
          };
          doc.components.schemas.Charge.properties.method = ref('Method');
        }),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-server-variables',
    files: () =>
      yaml(
        vendorSpec(
          (doc) =>
            (doc.servers = [
              {
                url: 'https://{constructor}.acme.example/{toString}',
                variables: { toString: { default: 'v1' } },
              },
            ]),
        ),
      ),
    expect: 'generates',
  },
  {
    id: 'prototype-names-json',
    root: 'openapi.json',
    files: () => ({
      // JSON.parse makes `__proto__` an own key, as a YAML parser may not.
      'openapi.json': toJson(vendorSpec()).replace(
        '"Error": {',
        '"__proto__": { "type": "object", "properties": { "constructor": { "type": "string" } } },\n      "Error": {',
      ),
    }),
    expect: 'generates',
  },
  {
    id: 'prototype-names-merged',
    also: ['more.json'],
    root: 'openapi.json',
    files: () => {
      const schemas = (extra: string) =>
        `"constructor": { "type": "object" }, "__proto__": { "type": "object", "properties": { "id": { "type": "string" } } }, "${extra}": { "type": "string" },`;
      const more = vendorSpec((doc) => {
        doc.paths = {
          '/refunds': {
            get: {
              operationId: 'listRefunds',
              tags: ['Refunds'],
              responses: { '200': json({ type: 'array', items: ref('constructor') }) },
            },
          },
        };
      });
      return {
        'openapi.json': toJson(vendorSpec()).replace(
          '"Error": {',
          `${schemas('toString')}\n      "Error": {`,
        ),
        'more.json': toJson(more).replace('"Error": {', `${schemas('valueOf')}\n      "Error": {`),
      };
    },
    expect: 'generates',
  },
  refusal(
    'dangling-ref-proto',
    () => yaml(vendorSpec(withListRef('#/components/schemas/__proto__'))),
    LIST_SCHEMA,
    /Can't resolve \$ref.*#\/components\/schemas\/__proto__/,
  ),
  refusal(
    'dangling-ref-toString',
    () => yaml(vendorSpec(withListRef('#/components/schemas/toString'))),
    LIST_SCHEMA,
    /Can't resolve \$ref.*#\/components\/schemas\/toString/,
  ),
  refusal(
    'dangling-ref-constructor-deep',
    () => yaml(vendorSpec(withListRef('#/components/constructor/prototype'))),
    LIST_SCHEMA,
    /Can't resolve \$ref.*#\/components\/constructor\/prototype/,
  ),
  refusal(
    'dangling-ref-hasOwnProperty-json',
    () => ({ 'openapi.json': toJson(vendorSpec(withListRef('#/components/schemas/hasOwnProperty'))) }),
    LIST_SCHEMA,
    /Can't resolve \$ref.*hasOwnProperty/,
    { root: 'openapi.json' },
  ),

  // Nothing outside the spec's folder is read.
  refusal(
    'ref-parent-folder',
    (ctx) => yaml(vendorSpec(withListRef(`../${ctx.outside.split('/').at(-1)}/secret.yaml`))),
    LIST_SCHEMA,
    /leaves the spec's folder/,
  ),
  refusal(
    'ref-absolute-path',
    (ctx) => yaml(vendorSpec(withListRef(`${ctx.outside}/secret.yaml`))),
    LIST_SCHEMA,
    /leaves the spec's folder/,
  ),
  refusal(
    'ref-file-url',
    (ctx) => yaml(vendorSpec(withListRef(`file://${ctx.outside}/secret.yaml`))),
    LIST_SCHEMA,
    /not followed|leaves the spec's folder|Can't resolve \$ref: ENOENT/,
  ),
  refusal(
    'ref-dotdot-through-subfolder',
    (ctx) => ({
      ...yaml(vendorSpec(withListRef(`./sub/../../${ctx.outside.split('/').at(-1)}/secret.yaml`))),
      'sub/keep.yaml': 'type: string\n',
    }),
    LIST_SCHEMA,
    /leaves the spec's folder/,
  ),
  refusal(
    'ref-percent-encoded-dotdot',
    (ctx) => yaml(vendorSpec(withListRef(`%2e%2e/${ctx.outside.split('/').at(-1)}/secret.yaml`))),
    LIST_SCHEMA,
    /leaves the spec's folder|Can't resolve/,
  ),
  refusal(
    'symlink-file',
    (ctx) => ({
      ...yaml(vendorSpec(withListRef('./inside.yaml'))),
      'inside.yaml': { link: `${ctx.outside}/secret.yaml` },
    }),
    LIST_SCHEMA,
    /is a link to .*secret\.yaml, outside the spec's folder/,
  ),
  refusal(
    'symlink-etc-passwd',
    () => ({ ...yaml(vendorSpec(withListRef('./inside.yaml'))), 'inside.yaml': { link: '/etc/passwd' } }),
    LIST_SCHEMA,
    /is a link to \/etc\/passwd, outside the spec's folder/,
  ),
  refusal(
    'symlink-folder',
    (ctx) => ({ ...yaml(vendorSpec(withListRef('./shared/secret.yaml'))), shared: { link: ctx.outside } }),
    LIST_SCHEMA,
    /is a link to .*secret\.yaml, outside the spec's folder/,
  ),
  refusal(
    'symlink-chain',
    (ctx) => ({
      ...yaml(vendorSpec(withListRef('./a.yaml'))),
      'a.yaml': { link: 'b.yaml' },
      'b.yaml': { link: `${ctx.outside}/secret.yaml` },
    }),
    LIST_SCHEMA,
    /outside the spec's folder/,
  ),
  refusal(
    'symlink-from-external-file',
    (ctx) => ({
      ...yaml(vendorSpec(withListRef('./schemas/charge.yaml'))),
      'schemas/charge.yaml': "type: object\nproperties:\n  card: { $ref: '../link.yaml' }\n",
      'link.yaml': { link: `${ctx.outside}/secret.yaml` },
    }),
    '#/properties/card',
    /outside the spec's folder/,
  ),
  refusal(
    'symlink-json-root-ref',
    (ctx) => ({
      'openapi.json': toJson(vendorSpec(withListRef('./inside.json'))),
      'inside.json': { link: `${ctx.outside}/secret.json` },
    }),
    LIST_SCHEMA,
    /outside the spec's folder/,
    { root: 'openapi.json' },
  ),
  {
    id: 'symlink-inside-folder',
    files: () => ({
      ...yaml(vendorSpec(withListRef('./alias.yaml'))),
      'real.yaml': 'type: object\nproperties: { id: { type: string } }\n',
      'alias.yaml': { link: 'real.yaml' },
    }),
    expect: 'generates',
  },

  // Nothing is fetched: the canary server must see no request.
  refusal(
    'remote-ref-http',
    (ctx) => yaml(vendorSpec(withListRef(`${ctx.canary}/schemas/charge.yaml`))),
    LIST_SCHEMA,
    /remote \$ref .* is not followed/,
  ),
  refusal(
    'remote-ref-protocol-relative',
    (ctx) => yaml(vendorSpec(withListRef(ctx.canary.replace('http:', '') + '/charge.yaml'))),
    LIST_SCHEMA,
    /not followed|leaves the spec's folder|Can't resolve/,
  ),
  refusal(
    'remote-ref-in-external-file',
    (ctx) => ({
      ...yaml(vendorSpec(withListRef('./charge.yaml'))),
      'charge.yaml': `type: object\nproperties:\n  card: { $ref: '${ctx.canary}/card.yaml' }\n`,
    }),
    '#/properties/card',
    /remote \$ref .* is not followed/,
  ),
  refusal(
    'remote-discriminator-mapping',
    (ctx) =>
      yaml(
        vendorSpec((doc) => {
          doc.components.schemas.Method = {
            oneOf: [ref('Charge')],
            discriminator: { propertyName: 'kind', mapping: { card: `${ctx.canary}/card.yaml` } },
          };
          listOp(doc).responses['200'] = json(ref('Method'));
        }),
      ),
    '#/components/schemas/Method/discriminator/mapping/card',
    /remote \$ref .* is not followed/,
  ),
  {
    id: 'remote-id-base',
    files: (ctx) =>
      yaml(
        vendorSpec((doc) => {
          doc.jsonSchemaDialect = `${ctx.canary}/dialect`;
          doc.components.schemas.Charge.$id = `${ctx.canary}/schemas/charge`;
          doc.components.schemas.Charge.$schema = `${ctx.canary}/schema`;
          doc.externalDocs = { url: `${ctx.canary}/docs` };
        }),
      ),
    expect: 'generates',
  },

  // Budgets: refused fast, with the pointer where the problem starts.
  refusal(
    'yaml-alias-bomb',
    () => ({ 'openapi.yaml': aliasBomb(3_000, 999) }),
    '#',
    /YAML aliases expand the document to 9,003,008 nodes, over the budget of 1,000,000/,
    { budget: true },
  ),
  refusal(
    'yaml-alias-bomb-external',
    () => ({ ...yaml(vendorSpec(withListRef('./bomb.yaml'))), 'bomb.yaml': aliasBomb(3_000, 999) }),
    LIST_SCHEMA,
    /bomb\.yaml at #: refused: YAML aliases expand/,
    { budget: true },
  ),
  refusal(
    'ref-chain-1000',
    () => yaml(refChain(1_000)),
    LIST_SCHEMA,
    /references nest more than 512 levels deep|\$ref chain of 1000 \$refs/,
    { budget: true },
  ),
  refusal(
    'ref-chain-5000',
    () => yaml(refChain(5_000)),
    LIST_SCHEMA,
    /references nest more than 512 levels deep/,
    { budget: true },
  ),
  refusal(
    'ref-chain-20000',
    () => yaml(refChain(20_000)),
    LIST_SCHEMA,
    /references nest more than 512 levels deep/,
    { budget: true },
  ),
  refusal(
    'ref-chain-20000-json',
    () => ({ 'openapi.json': toJson(refChain(20_000)) }),
    LIST_SCHEMA,
    /references nest more than 512 levels deep/,
    { budget: true, root: 'openapi.json' },
  ),
  refusal(
    'ref-chain-over-budget',
    () => yaml(refChain(100)),
    LIST_SCHEMA,
    /\$ref chain of 101 \$refs that only refer on \(#\/components\/schemas\/Link0 -> \.\.\. -> #\/components\/schemas\/Link100\), over the budget of 64/,
  ),
  refusal(
    'allof-chain-1000',
    () => yaml(allOfChain(1_000)),
    LIST_SCHEMA,
    /references nest more than 512 levels deep \(\d+ \$refs: #\/components\/schemas\/Layer0 -> /,
    { budget: true },
  ),
  refusal(
    'allof-chain-1000-json',
    () => ({ 'openapi.json': toJson(allOfChain(1_000)) }),
    LIST_SCHEMA,
    /references nest more than 512 levels deep/,
    { budget: true, root: 'openapi.json' },
  ),
  refusal(
    'allof-chain-in-external-file',
    () => {
      const chain = allOfChain(1_000).components.schemas;
      const defs = Object.fromEntries(
        Object.entries(chain).map(([name, schema]) => [
          name,
          JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', '#/$defs/')),
        ]),
      );
      return {
        ...yaml(vendorSpec(withListRef('./layers.yaml#/$defs/Layer0'))),
        'layers.yaml': toYaml({ $defs: defs }),
      };
    },
    LIST_SCHEMA,
    /layers\.yaml at #\/\$defs\/Layer0\/allOf\/0: references nest more than 512 levels deep/,
    { budget: true },
  ),
  refusal(
    'property-chain-1000',
    () =>
      yaml(
        vendorSpec((doc) => {
          for (let i = 0; i < 1_000; i++)
            doc.components.schemas[`Node${i}`] = {
              type: 'object',
              properties: { next: ref(`Node${i + 1}`) },
            };
          doc.components.schemas.Node1000 = { type: 'string' };
          listOp(doc).responses['200'] = json(ref('Node0'));
        }),
      ),
    LIST_SCHEMA,
    /references nest more than 512 levels deep/,
  ),
  refusal(
    'deep-nesting',
    () => {
      let schema: Doc = { type: 'string' };
      for (let i = 0; i < 400; i++) schema = { type: 'object', properties: { n: schema } };
      return { 'openapi.json': toJson(vendorSpec((doc) => (doc.components.schemas.Deep = schema))) };
    },
    '#/components/schemas/Deep/properties/n/properties/n/properties/n/properties/n/properties/...',
    /nested more than 256 levels deep/,
    { root: 'openapi.json' },
  ),
  { id: 'ref-chain-at-budget', files: () => yaml(refChain(60)), expect: 'generates' },
  { id: 'allof-chain-under-budget', files: () => yaml(allOfChain(120)), expect: 'generates' },
  {
    id: 'yaml-aliases-ordinary',
    files: () => ({
      'openapi.yaml':
        toYaml(vendorSpec()).replace(
          'components:\n',
          'x-shared: &limit {type: integer, default: 10}\ncomponents:\n',
        ) + Array.from({ length: 50 }, (_, i) => `x-use-${i}: *limit\n`).join(''),
    }),
    expect: 'generates',
  },

  // The spec file's own name reaches the provenance line of every file.
  fileName('file-name-newline', (run) => `acme\n${run};\n.yaml`),
  fileName('file-name-comment-close', (run) => `acme*/${run};.yaml`),
  fileName('file-name-line-separator', (run) => `acme\u2028${run};.yaml`),
  fileName('file-name-html-comment', () => 'acme--><script>alert(1)</script>.yaml'),
];
