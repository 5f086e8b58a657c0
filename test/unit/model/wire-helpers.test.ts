import { describe, expect, it } from 'vitest';
import { acceptFor, mediaKind, orderedMediaTypes } from '../../../generator/model/media-types.js';
import { requestPath, splitPathKey } from '../../../generator/model/path-key.js';
import {
  formFieldSerialization,
  parameterSerialization,
  partEncoding,
} from '../../../generator/model/serialization.js';
import type {
  PartEncodingModel,
  PathSerializationModel as PathSerialization,
  SerializationModel as Serialization,
} from '../../../generator/model/types.js';
import type * as Runtime from '../../../templates/runtime/internal/styles.js';
import type { PartEncoding } from '../../../templates/runtime/internal/multipart.js';

// The model's serialization types are written into generated calls: each must be one the runtime accepts.
const _serialization: (s: Serialization) => Runtime.Serialization = (s) => s;
const _path: (s: PathSerialization) => Runtime.PathSerialization = (s) => s;
const _part: (s: PartEncodingModel) => PartEncoding = (s) => s;
void [_serialization, _path, _part];

describe('mediaKind', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/json-patch+json', 'json'],
    ['application/vnd.api+json', 'json'],
    ['application/problem+json', 'json'],
    ['application/x-ndjson', 'ndjson'],
    ['application/jsonl', 'ndjson'],
    ['text/event-stream', 'sse'],
    ['application/x-www-form-urlencoded', 'form'],
    ['multipart/form-data', 'multipart'],
    ['multipart/mixed', 'multipart'],
    ['text/plain', 'text'],
    ['text/csv', 'text'],
    ['application/xml', 'text'],
    ['application/yaml', 'text'],
    ['application/atom+xml', 'text'],
    ['application/octet-stream', 'binary'],
    ['application/pdf', 'binary'],
    ['image/png', 'binary'],
    ['application/sdp', 'binary'],
    ['*/*', 'any'],
    ['application/*', 'any'],
  ])('%s is %s', (type, kind) => {
    expect(mediaKind(type)).toBe(kind);
  });
});

describe('orderedMediaTypes and Accept', () => {
  it('puts JSON first, keeps the document order otherwise, splits comma lists and drops non-media keys', () => {
    expect(
      orderedMediaTypes({
        'application/xml': {},
        'text/csv, text/comma-separated-values': {},
        'application/json': {},
        nonsense: {},
      }),
    ).toEqual(['application/json', 'application/xml', 'text/csv', 'text/comma-separated-values']);
    expect(orderedMediaTypes(undefined)).toEqual([]);
  });

  it('asks for what the method returns, JSON when nothing is declared', () => {
    expect(acceptFor(['application/pdf'])).toBe('application/pdf');
    expect(acceptFor(['text/event-stream'])).toBe('text/event-stream');
    expect(acceptFor([])).toBe('application/json');
  });
});

describe('path keys', () => {
  it.each([
    ['/files/{file_id}', '/files/{file_id}', '', ''],
    ['/files/{file_id}#get_shared_link', '/files/{file_id}', '', 'get_shared_link'],
    ['/responses?beta=true', '/responses', 'beta=true', ''],
    ['/a?x=1#frag', '/a', 'x=1', 'frag'],
  ])('%s', (key, template, query, fragment) => {
    expect(splitPathKey(key)).toEqual({ template, query, fragment });
  });

  it('sends the template and the literal query, never the fragment', () => {
    expect(requestPath(splitPathKey('/a/{id}?beta=true#x'))).toBe('/a/{id}?beta=true');
    expect(requestPath(splitPathKey('/a#x'))).toBe('/a');
  });
});

describe('parameterSerialization', () => {
  const array = { type: 'array', items: { type: 'string' } };
  const object = { type: 'object', properties: { a: { type: 'string' } } };
  it.each<[string, any, any, 'path' | 'query' | 'header' | 'cookie', unknown]>([
    ['plain query primitive', {}, { type: 'string' }, 'query', undefined],
    [
      'plain query array (form, exploded: the queryFormat applies)',
      { style: 'form', explode: true },
      array,
      'query',
      undefined,
    ],
    ['query array not exploded', { explode: false }, array, 'query', { style: 'form', explode: false }],
    ['query object (form: properties become parameters)', {}, object, 'query', { style: 'form' }],
    [
      'deepObject, arrays per config',
      { style: 'deepObject', explode: true },
      object,
      'query',
      { style: 'deepObject', explode: true, arrays: 'indices' },
    ],
    [
      'pipeDelimited',
      { style: 'pipeDelimited', explode: false },
      array,
      'query',
      { style: 'pipeDelimited', explode: false },
    ],
    [
      'allowReserved',
      { allowReserved: true },
      { type: 'string' },
      'query',
      { style: 'form', allowReserved: true },
    ],
    [
      'content-encoded JSON',
      { content: { 'application/json': { schema: object } } },
      undefined,
      'query',
      { json: true },
    ],
    ['header primitive', {}, { type: 'integer' }, 'header', undefined],
    ['header array (String(array) is simple style already)', {}, array, 'header', undefined],
    ['header object', { explode: true }, object, 'header', { style: 'simple', explode: true }],
    ['cookie', { explode: false }, array, 'cookie', { style: 'form', explode: false }],
    ['path primitive', {}, { type: 'string' }, 'path', undefined],
    ['path array', {}, array, 'path', { style: 'simple' }],
    [
      'path matrix',
      { style: 'matrix', explode: true },
      { type: 'string' },
      'path',
      { style: 'matrix', explode: true },
    ],
  ])('%s', (_name, param, schema, location, expected) => {
    expect(parameterSerialization(param, schema, location, 'indices')).toEqual(expected);
  });
});

describe('form field and part encodings', () => {
  it('JSON content types send JSON text; declared styles apply; primitives with nothing declared need nothing', () => {
    expect(formFieldSerialization({ contentType: 'application/json' }, {}, 'brackets')).toEqual({
      json: true,
    });
    expect(
      formFieldSerialization({ style: 'deepObject', explode: true }, { type: 'object' }, 'brackets'),
    ).toEqual({ style: 'deepObject', explode: true, arrays: 'brackets' });
    expect(formFieldSerialization(undefined, { type: 'string' }, 'brackets')).toBeUndefined();
  });

  it('a part keeps the first concrete declared content type', () => {
    expect(partEncoding({ contentType: 'image/png, image/jpeg' })).toEqual({ contentType: 'image/png' });
    expect(partEncoding({ contentType: 'image/*' })).toBeUndefined();
    expect(partEncoding(undefined)).toBeUndefined();
  });
});
