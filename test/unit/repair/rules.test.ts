import { describe, expect, it } from 'vitest';
import { aliasRefCycle } from '../../../generator/repair/rules/alias-ref-cycle.js';
import { byteOrderMark } from '../../../generator/repair/rules/byte-order-mark.js';
import { duplicateOperationId } from '../../../generator/repair/rules/duplicate-operation-id.js';
import { nonAsciiParamName } from '../../../generator/repair/rules/non-ascii-param-name.js';
import { nullSchema } from '../../../generator/repair/rules/null-schema.js';
import { pathWithoutSlash } from '../../../generator/repair/rules/path-without-slash.js';
import { nullTypeIn30, swaggerFileType, unknownType } from '../../../generator/repair/rules/schema-types.js';
import { undeclaredPathParam } from '../../../generator/repair/rules/undeclared-path-param.js';
import { unusedPathParam } from '../../../generator/repair/rules/unused-path-param.js';
import type { RepairRule } from '../../../generator/repair/types.js';

type Doc = Record<string, any>;
interface Case {
  name: string;
  given: Doc;
  want: Doc;
  /** Pointers of the repairs, in order. */
  at: string[];
}

const doc = (paths: Doc, extra: Doc = {}): Doc => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths,
  ...extra,
});
const ok = { '200': { description: 'ok' } };
const schemas = (s: Doc, version = '3.1.0'): Doc => ({
  ...doc({}),
  openapi: version,
  components: { schemas: s },
});

const TABLES: [string, RepairRule, Case[]][] = [
  [
    'undeclared-path-param',
    undeclaredPathParam,
    [
      {
        name: 'adds a required string path parameter',
        given: doc({ '/c/{certificate_id}': { get: { responses: ok } } }),
        want: doc({
          '/c/{certificate_id}': {
            get: {
              responses: ok,
              parameters: [
                { name: 'certificate_id', in: 'path', required: true, schema: { type: 'string' } },
              ],
            },
          },
        }),
        at: ['#/paths/~1c~1{certificate_id}/get/parameters'],
      },
      {
        name: 'a path-level declaration counts for every operation',
        given: doc({
          '/c/{id}': { parameters: [{ name: 'id', in: 'path', required: true }], get: { responses: ok } },
        }),
        want: doc({
          '/c/{id}': { parameters: [{ name: 'id', in: 'path', required: true }], get: { responses: ok } },
        }),
        at: [],
      },
      {
        name: 'a $ref to a parameter component counts',
        given: doc(
          { '/c/{id}': { get: { parameters: [{ $ref: '#/components/parameters/Id' }], responses: ok } } },
          { components: { parameters: { Id: { name: 'id', in: 'path', required: true } } } },
        ),
        want: doc(
          { '/c/{id}': { get: { parameters: [{ $ref: '#/components/parameters/Id' }], responses: ok } } },
          { components: { parameters: { Id: { name: 'id', in: 'path', required: true } } } },
        ),
        at: [],
      },
      {
        name: 'a path item given by $ref is repaired where it is defined, once',
        given: doc(
          {
            '/a/{id}': { $ref: '#/components/pathItems/A' },
            '/b/{id}': { $ref: '#/components/pathItems/A' },
          },
          { components: { pathItems: { A: { get: { responses: ok } } } } },
        ),
        want: doc(
          {
            '/a/{id}': { $ref: '#/components/pathItems/A' },
            '/b/{id}': { $ref: '#/components/pathItems/A' },
          },
          {
            components: {
              pathItems: {
                A: {
                  get: {
                    responses: ok,
                    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
                  },
                },
              },
            },
          },
        ),
        at: ['#/components/pathItems/A/get/parameters'],
      },
      {
        name: 'a query parameter of the same name is not a path parameter',
        given: doc({ '/c/{id}': { get: { parameters: [{ name: 'id', in: 'query' }], responses: ok } } }),
        want: doc({
          '/c/{id}': {
            get: {
              parameters: [
                { name: 'id', in: 'query' },
                { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              ],
              responses: ok,
            },
          },
        }),
        at: ['#/paths/~1c~1{id}/get/parameters'],
      },
    ],
  ],
  [
    'unused-path-param',
    unusedPathParam,
    [
      {
        name: 'drops an operation parameter the template lacks, keeping the others in order',
        given: doc({
          '/p/{a}': {
            get: {
              parameters: [
                { name: 'x', in: 'path' },
                { name: 'a', in: 'path' },
                { name: 'y', in: 'path' },
              ],
              responses: ok,
            },
          },
        }),
        want: doc({ '/p/{a}': { get: { parameters: [{ name: 'a', in: 'path' }], responses: ok } } }),
        at: ['#/paths/~1p~1{a}/get/parameters/0', '#/paths/~1p~1{a}/get/parameters/2'],
      },
      {
        name: 'drops a shared one once, although two operations inherit it',
        given: doc({
          '/p': { parameters: [{ name: 'x', in: 'path' }], get: { responses: ok }, post: { responses: ok } },
        }),
        want: doc({ '/p': { parameters: [], get: { responses: ok }, post: { responses: ok } } }),
        at: ['#/paths/~1p/parameters/0'],
      },
      {
        name: 'keeps query parameters',
        given: doc({ '/p': { get: { parameters: [{ name: 'x', in: 'query' }], responses: ok } } }),
        want: doc({ '/p': { get: { parameters: [{ name: 'x', in: 'query' }], responses: ok } } }),
        at: [],
      },
    ],
  ],
  [
    'duplicate-operation-id',
    duplicateOperationId,
    [
      {
        name: 'the first keeps the id, later ones get the first free number',
        given: doc({
          '/a': { get: { operationId: 'x', responses: ok } },
          '/b': { get: { operationId: 'x', responses: ok }, post: { operationId: 'x', responses: ok } },
          '/c': { get: { operationId: 'x2', responses: ok } },
        }),
        want: doc({
          '/a': { get: { operationId: 'x', responses: ok } },
          '/b': { get: { operationId: 'x3', responses: ok }, post: { operationId: 'x4', responses: ok } },
          '/c': { get: { operationId: 'x2', responses: ok } },
        }),
        at: ['#/paths/~1b/get/operationId', '#/paths/~1b/post/operationId'],
      },
      {
        name: 'operations without an id are left alone',
        given: doc({ '/a': { get: { responses: ok } }, '/b': { get: { responses: ok } } }),
        want: doc({ '/a': { get: { responses: ok } }, '/b': { get: { responses: ok } } }),
        at: [],
      },
    ],
  ],
  [
    'non-ascii-param-name',
    nonAsciiParamName,
    [
      {
        name: 'reports, and leaves the document as it is',
        given: doc({
          '/s/{größe}': {
            get: { parameters: [{ name: 'größe', in: 'path', required: true }], responses: ok },
          },
        }),
        want: doc({
          '/s/{größe}': {
            get: { parameters: [{ name: 'größe', in: 'path', required: true }], responses: ok },
          },
        }),
        at: ['#/paths/~1s~1{größe}/get/parameters/0/name'],
      },
      {
        name: 'ASCII names are not reported',
        given: doc({
          '/s/{size}': { get: { parameters: [{ name: 'size', in: 'path', required: true }], responses: ok } },
        }),
        want: doc({
          '/s/{size}': { get: { parameters: [{ name: 'size', in: 'path', required: true }], responses: ok } },
        }),
        at: [],
      },
    ],
  ],
  [
    'unknown-type',
    unknownType,
    [
      {
        name: 'a type alone becomes no type',
        given: schemas({ A: { type: 'date', description: 'd' } }),
        want: schemas({ A: { description: 'd' } }),
        at: ['#/components/schemas/A/type'],
      },
      {
        name: 'unknown entries of a type list are dropped',
        given: schemas({ A: { type: 'object', properties: { b: { type: ['string', 'any'] } } } }),
        want: schemas({ A: { type: 'object', properties: { b: { type: 'string' } } } }),
        at: ['#/components/schemas/A/properties/b/type'],
      },
      {
        name: 'null is a type in 3.1',
        given: schemas({ A: { type: ['string', 'null'] } }),
        want: schemas({ A: { type: ['string', 'null'] } }),
        at: [],
      },
      {
        name: 'schemas under paths are repaired too, examples are not schemas',
        given: doc({
          '/p': {
            get: {
              parameters: [{ name: 'q', in: 'query', schema: { type: 'text' }, example: { type: 'text' } }],
              responses: ok,
            },
          },
        }),
        want: doc({
          '/p': {
            get: {
              parameters: [{ name: 'q', in: 'query', schema: {}, example: { type: 'text' } }],
              responses: ok,
            },
          },
        }),
        at: ['#/paths/~1p/get/parameters/0/schema/type'],
      },
    ],
  ],
  [
    'null-type-in-3-0',
    nullTypeIn30,
    [
      {
        name: 'a type list with null becomes nullable',
        given: schemas({ A: { type: ['string', 'null'] } }, '3.0.3'),
        want: schemas({ A: { type: 'string', nullable: true } }, '3.0.3'),
        at: ['#/components/schemas/A/type'],
      },
      {
        name: 'type null alone is the value null',
        given: schemas({ A: { anyOf: [{ type: 'string' }, { type: 'null' }] } }, '3.0.3'),
        want: schemas({ A: { anyOf: [{ type: 'string' }, { enum: [null], nullable: true }] } }, '3.0.3'),
        at: ['#/components/schemas/A/anyOf/1/type'],
      },
      {
        name: 'a 3.1 document is left alone',
        given: schemas({ A: { type: 'null' } }),
        want: schemas({ A: { type: 'null' } }),
        at: [],
      },
    ],
  ],
  [
    'swagger-file-type',
    swaggerFileType,
    [
      {
        name: 'file becomes a binary string',
        given: schemas({ A: { type: 'object', properties: { f: { type: 'file' } } } }),
        want: schemas({ A: { type: 'object', properties: { f: { type: 'string', format: 'binary' } } } }),
        at: ['#/components/schemas/A/properties/f/type'],
      },
    ],
  ],
  [
    'null-schema',
    nullSchema,
    [
      {
        name: 'a null media type schema, property, list member and component become {}',
        given: {
          ...doc({
            '/p': {
              post: { requestBody: { content: { 'application/json': { schema: null } } }, responses: ok },
            },
          }),
          components: { schemas: { A: { properties: { b: null }, anyOf: [null] }, B: null } },
        },
        want: {
          ...doc({
            '/p': {
              post: { requestBody: { content: { 'application/json': { schema: {} } } }, responses: ok },
            },
          }),
          components: { schemas: { A: { properties: { b: {} }, anyOf: [{}] }, B: {} } },
        },
        at: [
          '#/components/schemas/B',
          '#/paths/~1p/post/requestBody/content/application~1json/schema',
          '#/components/schemas/A/anyOf/0',
          '#/components/schemas/A/properties/b',
        ],
      },
      {
        name: 'an example that is null stays null',
        given: schemas({ A: { type: 'string', example: null, default: null } }),
        want: schemas({ A: { type: 'string', example: null, default: null } }),
        at: [],
      },
    ],
  ],
  [
    'alias-ref-cycle',
    aliasRefCycle,
    [
      {
        // Met first through A's own $ref, the cycle is B -> C -> A -> B: A closes it.
        name: 'a three-member cycle is cut where it closes',
        given: schemas({
          A: { $ref: '#/components/schemas/B' },
          B: { $ref: '#/components/schemas/C' },
          C: { $ref: '#/components/schemas/A' },
        }),
        want: schemas({
          A: {},
          B: { $ref: '#/components/schemas/C' },
          C: { $ref: '#/components/schemas/A' },
        }),
        at: ['#/components/schemas/A'],
      },
      {
        name: 'a schema referring to itself',
        given: schemas({ Loop: { $ref: '#/components/schemas/Loop', description: 'kept' } }),
        want: schemas({ Loop: { description: 'kept' } }),
        at: ['#/components/schemas/Loop'],
      },
      {
        name: 'recursion through a property is a real type',
        given: schemas({
          Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } },
        }),
        want: schemas({
          Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } },
        }),
        at: [],
      },
    ],
  ],
  [
    'path-without-slash',
    pathWithoutSlash,
    [
      {
        name: 'the slash is added, the order of paths kept',
        given: doc({ '/a': { get: { responses: ok } }, b: { get: { responses: ok } }, '/c': {} }),
        want: doc({ '/a': { get: { responses: ok } }, '/b': { get: { responses: ok } }, '/c': {} }),
        at: ['#/paths/b'],
      },
      {
        name: 'a key whose slashed form exists is left for the user',
        given: doc({ '/b': {}, b: {} }),
        want: doc({ '/b': {}, b: {} }),
        at: [],
      },
    ],
  ],
];

describe('repair rule byte-order-mark', () => {
  it.each([
    ['\uFEFF{"openapi": "3.1.0"}', '{"openapi": "3.1.0"}', 1],
    ['{"openapi": "3.1.0"}', '{"openapi": "3.1.0"}', 0],
    ['{"title": "\uFEFF"}', '{"title": "\uFEFF"}', 0],
  ] as const)('%j -> %j', (given, want, repairs) => {
    const result = byteOrderMark(given);
    expect(result.text).toBe(want);
    expect(result.repairs.map((r) => [r.rule, r.pointer])).toEqual(repairs ? [['byte-order-mark', '#']] : []);
  });
});

describe.each(TABLES)('repair rule %s', (id, rule, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { given, want, at }) => {
    const before = structuredClone(given);
    const { document, repairs } = rule(given);
    expect(document).toEqual(want);
    expect(repairs.map((r) => r.pointer)).toEqual(at);
    expect(repairs.every((r) => r.rule === id && r.problem.length > 0 && r.repair.length > 0)).toBe(true);
    // The input is never changed, and is handed back as it is when there is nothing to repair.
    expect(given).toEqual(before);
    if (!at.length || id === 'non-ascii-param-name') expect(document).toBe(given);
  });
});
