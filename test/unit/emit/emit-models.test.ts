import { describe, expect, it } from 'vitest';
import { emitModels } from '../../../generator/emit/types/emit-models.js';
import { apiModel } from '../../support/model-builders.js';

const model = apiModel({
  types: [
    { name: 'Color', schemaKey: 'color', synthesized: false },
    { name: 'Pet', schemaKey: 'Pet', synthesized: false },
  ],
  enums: [
    {
      kind: 'named',
      typeName: 'Color',
      valuesName: 'ColorValues',
      values: ['red', 'green'],
      closed: false,
      pointer: '#/components/schemas/color',
    },
    {
      kind: 'inline',
      typeName: 'PetSize',
      valuesName: 'PetSizeValues',
      values: ['s', 'l'],
      closed: false,
      pointer: '#/components/schemas/Pet/properties/size',
    },
  ],
  typesDocument: {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        color: { type: 'string', enum: ['red', 'green'] },
        Pet: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', nullable: true },
            size: { type: 'string', enum: ['s', 'l'] },
          },
        },
      },
    },
  },
});

describe('emitModels', () => {
  it('aliases every named type to its component and keeps 3.0 nullable', async () => {
    const text = await emitModels(model);
    expect(text).toContain(`export type Color = components['schemas']["color"];`);
    expect(text).toMatch(/name: string \| null;/);
  });

  it('types open enums as known literals plus any string, with a runtime array of values', async () => {
    const text = await emitModels(model);
    expect(text).toContain('color: "red" | "green" | (string & {});');
    expect(text).toContain('export const ColorValues = ["red","green"] as const;');
    expect(text).toContain(`export type PetSize = "s" | "l" | (string & {});`);
  });

  it('names the enum of a values array in its comment without a JSDoc link, which tsc would parse and resolve', async () => {
    const text = await emitModels(model);
    expect(text).toContain('/** Every value of `Color` the spec lists. */\nexport const ColorValues');
    expect(text).not.toMatch(/@link|@see/);
  });

  it('types closed enums as the exact union when the provider asks for it', async () => {
    const text = await emitModels({ ...model, enumStyle: 'closed' });
    expect(text).toContain('color: "red" | "green";');
    expect(text).toContain(`export type PetSize = "s" | "l";`);
  });
});
