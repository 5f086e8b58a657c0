import { describe, expect, it } from 'vitest';
import { parameterSample, sampleValue } from './sample.js';
import { allows } from './schema-check.js';

const doc = {
  openapi: '3.0.3',
  components: {
    schemas: {
      category: { type: 'object', properties: { title: { type: 'string' }, kind: { type: 'string' } } },
    },
  },
};

describe('wire sample values', () => {
  it('meets a required list given as an allOf part of its own', () => {
    const schema = { allOf: [{ $ref: '#/components/schemas/category' }, { required: ['title'] }] };
    const value = sampleValue(schema, doc);
    expect(value).toEqual({ title: 'sample' });
    expect(allows(schema, value, doc)).toBe(true);
  });

  it('adds a oneOf branch of required lists to the properties beside it', () => {
    const schema = {
      type: 'object',
      properties: { title: { type: 'string' }, category: { type: 'string' }, slug: { type: 'string' } },
      oneOf: [{ required: ['title', 'category'] }, { required: ['title', 'slug'] }],
    };
    const value = sampleValue(schema, doc);
    expect(value).toEqual({ title: 'sample', category: 'sample' });
    expect(allows(schema, value, doc)).toBe(true);
  });

  it('meets minProperties with optional properties', () => {
    const schema = {
      type: 'object',
      minProperties: 1,
      properties: { a: { type: 'integer' }, b: { type: 'string' } },
    };
    expect(sampleValue(schema, doc)).toEqual({ a: 1 });
  });

  it("passes over an example that misses the schema's own pattern", () => {
    const schema = { type: 'string', pattern: '^ssh-rsa ', example: 'AAAAB3Nza' };
    const value = sampleValue(schema, doc);
    expect(value).toMatch(/^ssh-rsa /);
    expect(sampleValue({ ...schema, example: 'ssh-rsa AAAA' }, doc)).toBe('ssh-rsa AAAA');
  });

  it('sends an integer-or-string parameter as a word, which only the string branch matches', () => {
    const schema = { oneOf: [{ type: 'integer' }, { type: 'string' }] };
    expect(parameterSample(schema, doc, { in: 'path', explode: false })).toBe('sample');
  });

  it('fills a query object, and an exploded path object with one property only (no comma)', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, size: { type: 'integer' } } };
    expect(parameterSample(schema, doc, { in: 'query', explode: true })).toEqual({ name: 'sample', size: 1 });
    expect(parameterSample(schema, doc, { in: 'path', explode: true })).toEqual({ name: 'sample' });
    expect(parameterSample(schema, doc, { in: 'path', explode: false })).toEqual({});
  });
});
