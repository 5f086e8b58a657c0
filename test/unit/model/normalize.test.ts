import { describe, expect, it } from 'vitest';
import { breakCompositionCycles, normalizeSchemaRefs } from '../../../generator/model/normalize.js';

const doc = (extra: Record<string, any>): Record<string, any> => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  ...extra,
});

describe('normalizeSchemaRefs', () => {
  it('moves a schema reached through #/paths/... into components, leaving a $ref in both places', () => {
    const schemaAt = '#/paths/~1a/post/requestBody/content/application~1json/schema';
    const { document, hoisted } = normalizeSchemaRefs(
      doc({
        paths: {
          '/a': {
            get: {
              responses: {
                '200': {
                  description: 'ok',
                  content: { 'application/json': { schema: { $ref: `${schemaAt}/properties/x` } } },
                },
              },
            },
            post: {
              requestBody: {
                content: {
                  'application/json': { schema: { type: 'object', properties: { x: { type: 'string' } } } },
                },
              },
            },
          },
        },
      }),
    );
    expect([...hoisted.values()]).toEqual(['APostRequestBodyX']);
    expect(document.components.schemas.APostRequestBodyX).toEqual({ type: 'string' });
    expect(document.paths['/a'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/APostRequestBodyX',
    });
    expect(document.paths['/a'].post.requestBody.content['application/json'].schema.properties.x).toEqual({
      $ref: '#/components/schemas/APostRequestBodyX',
    });
  });

  it('hoists a recursive schema inside a response component and keeps the recursion', () => {
    const self = '#/components/responses/Tree/content/application~1json/schema';
    const { document } = normalizeSchemaRefs(
      doc({
        paths: {},
        components: {
          responses: {
            Tree: {
              description: 't',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { kids: { type: 'array', items: { $ref: self } } } },
                },
              },
            },
          },
          schemas: { Holder: { type: 'object', properties: { tree: { $ref: self } } } },
        },
      }),
    );
    expect(document.components.schemas.ResponsesTree.properties.kids.items).toEqual({
      $ref: '#/components/schemas/ResponsesTree',
    });
    expect(document.components.schemas.Holder.properties.tree).toEqual({
      $ref: '#/components/schemas/ResponsesTree',
    });
  });

  it('qualifies discriminator mappings that name a schema, and drops $defs once hoisted', () => {
    const { document } = normalizeSchemaRefs(
      doc({
        paths: {},
        components: {
          schemas: {
            Pet: {
              oneOf: [{ $ref: '#/components/schemas/Cat' }],
              discriminator: { propertyName: 'k', mapping: { cat: 'Cat' } },
            },
            Cat: {
              $defs: { Lives: { type: 'integer' } },
              type: 'object',
              properties: { lives: { $ref: '#/components/schemas/Cat/$defs/Lives' } },
            },
          },
        },
      }),
    );
    expect(document.components.schemas.Pet.discriminator.mapping).toEqual({
      cat: '#/components/schemas/Cat',
    });
    expect(document.components.schemas.Cat).toEqual({
      type: 'object',
      properties: { lives: { $ref: '#/components/schemas/CatDefsLives' } },
    });
    expect(document.components.schemas.CatDefsLives).toEqual({ type: 'integer' });
  });

  it('does not touch the input document', () => {
    const input = doc({ paths: {}, components: { schemas: { A: { $defs: { b: {} } } } } });
    const copy = structuredClone(input);
    normalizeSchemaRefs(input);
    expect(input).toEqual(copy);
  });
});

describe('breakCompositionCycles', () => {
  it.each([
    [
      'allOf of itself',
      { A: { allOf: [{ $ref: '#/components/schemas/A' }] } },
      '#/components/schemas/A/allOf/0',
    ],
    [
      'oneOf through another alias',
      {
        A: { oneOf: [{ $ref: '#/components/schemas/B' }, { type: 'string' }] },
        B: { $ref: '#/components/schemas/A' },
      },
      '#/components/schemas/B',
    ],
    [
      'array of itself',
      { A: { type: 'array', items: { $ref: '#/components/schemas/A' } } },
      '#/components/schemas/A/items',
    ],
  ])('breaks %s at the closing $ref, with a warning', (_name, schemas, pointer) => {
    const document = doc({ components: { schemas: structuredClone(schemas) } });
    expect(breakCompositionCycles(document).map((w) => w.pointer)).toEqual([pointer]);
  });

  it('leaves recursion through properties and maps alone', () => {
    const schemas = {
      Node: {
        type: 'object',
        properties: {
          next: { $ref: '#/components/schemas/Node' },
          all: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
      },
      Map: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Map' } },
    };
    const document = doc({ components: { schemas: structuredClone(schemas) } });
    expect(breakCompositionCycles(document)).toEqual([]);
    expect(document.components.schemas).toEqual(schemas);
  });
});
