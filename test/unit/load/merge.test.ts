import { describe, expect, it } from 'vitest';
import { GenerationErrors } from '../../../generator/errors.js';
import { mergeDocuments, SOURCE_EXTENSION } from '../../../generator/load/merge.js';
import type { BundledDocument } from '../../../generator/load/types.js';

const doc = (file: string, document: Record<string, any>): BundledDocument => ({
  file,
  version: '3.1',
  document: { openapi: '3.1.0', info: { title: 't', version: '1' }, ...document },
});
const schemaA = { type: 'object', properties: { id: { type: 'string' } } };

describe('mergeDocuments', () => {
  it('unions paths and keeps identical components once', () => {
    const merged = mergeDocuments([
      doc('a.yaml', {
        paths: { '/a': { get: { operationId: 'a' } } },
        components: { schemas: { A: schemaA } },
      }),
      doc('b.yaml', {
        paths: { '/b': { get: { operationId: 'b' } } },
        components: { schemas: { A: schemaA, B: { type: 'string' } } },
      }),
    ]);
    expect(Object.keys(merged.document.paths)).toEqual(['/a', '/b']);
    expect(Object.keys(merged.document.components.schemas)).toEqual(['A', 'B']);
    expect(merged.document.paths['/b'].get[SOURCE_EXTENSION]).toBe('b.yaml');
  });

  it('names both files and the pointer when a component differs', () => {
    const run = () =>
      mergeDocuments([
        doc('a.yaml', { components: { schemas: { A: schemaA } } }),
        doc('b.yaml', { components: { schemas: { A: { type: 'integer' } } } }),
      ]);
    expect(run).toThrow(GenerationErrors);
    expect(run).toThrow(/b\.yaml at #\/components\/schemas\/A: differs from the same component in a\.yaml/);
  });

  it('reports a conflicting operation with its pointer', () => {
    expect(() =>
      mergeDocuments([
        doc('a.yaml', { paths: { '/x': { get: { operationId: 'one' } } } }),
        doc('b.yaml', { paths: { '/x': { get: { operationId: 'two' } } } }),
      ]),
    ).toThrow(/b\.yaml at #\/paths\/~1x\/get: conflicts with the definition in a\.yaml/);
  });

  it("pushes each document's top-level security into its operations", () => {
    const merged = mergeDocuments([
      doc('a.yaml', { security: [{ key: [] }], paths: { '/a': { get: { operationId: 'a' } } } }),
      doc('b.yaml', { paths: { '/b': { get: { operationId: 'b', security: [] } } } }),
    ]);
    expect(merged.document.paths['/a'].get.security).toEqual([{ key: [] }]);
    expect(merged.document.paths['/b'].get.security).toEqual([]);
    expect(merged.document.security).toBeUndefined();
  });
});
