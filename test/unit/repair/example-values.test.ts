import { describe, expect, it } from 'vitest';
import { exampleValue, renderExample } from '../../../generator/emit/package/example-values.js';

const components = {
  Pet: {
    type: 'object',
    required: ['pet_type', 'name'],
    properties: { pet_type: { type: 'string' }, name: { type: 'string' } },
    discriminator: { propertyName: 'pet_type' },
  },
  Cat: {
    allOf: [
      { $ref: '#/components/schemas/Pet' },
      { type: 'object', properties: { hunts: { type: 'boolean' } } },
    ],
  },
  Base: { type: 'object', properties: { title: { type: 'string' }, size: { type: 'integer', minimum: 3 } } },
};
const document = { components: { schemas: components } };

/** given schema -> the TypeScript expression of the example value. */
const CASES: [name: string, given: unknown, want: string][] = [
  ['a string placeholder is the property name', { type: 'string' }, '"value"'],
  [
    'a string format has its own placeholder',
    { type: 'string', format: 'date-time' },
    '"2024-01-01T00:00:00Z"',
  ],
  ['the spec example when it fits the type', { type: 'integer', example: 7 }, '7'],
  ['not the spec example when it does not', { type: 'integer', example: 'seven' }, '1'],
  ['the first enum value', { type: 'string', enum: ['b', 'a'] }, '"b"'],
  ['a const', { const: 'x' }, '"x"'],
  ['the minimum of a number', { type: 'number', minimum: 5 }, '5'],
  ['binary content is a Blob', { type: 'string', format: 'binary' }, "new Blob(['...'])"],
  ['an array is empty', { type: 'array', items: { type: 'string' } }, '[]'],
  [
    'an object gives its required properties only',
    { type: 'object', required: ['a'], properties: { a: { type: 'boolean' }, b: { type: 'string' } } },
    '{ a: true }',
  ],
  [
    'required keys from another allOf member',
    { allOf: [{ $ref: '#/components/schemas/Base' }, { required: ['title', 'size'] }] },
    '{ title: "title", size: 3 }',
  ],
  [
    'properties beside a union that only adds required',
    { type: 'object', properties: { t: { type: 'string' } }, oneOf: [{ required: ['t'] }] },
    '{ t: "t" }',
  ],
  ['an allOf of primitives is one primitive', { allOf: [{ type: 'string' }, { minLength: 1 }] }, '"value"'],
  [
    'an allOf of clashing types has no value',
    { allOf: [{ type: 'string' }, { type: 'object' }] },
    'undefined as never',
  ],
  [
    'a discriminated base sets the tag of the schema extending it',
    { $ref: '#/components/schemas/Cat' },
    '{ pet_type: "Cat", name: "name" }',
  ],
  [
    'quoted keys',
    { type: 'object', required: ['x-id'], properties: { 'x-id': { type: 'string' } } },
    '{ "x-id": "x-id" }',
  ],
  ['an empty schema accepts an object', {}, '{}'],
  [
    'a backtick in a spec example cannot end the Markdown fence',
    { type: 'string', example: '```js' },
    '"\\u0060\\u0060\\u0060js"',
  ],
];

describe('example values', () => {
  it.each(CASES)('%s', (_name, given, want) => {
    expect(renderExample(exampleValue(given, { document }))).toBe(want);
  });
});
