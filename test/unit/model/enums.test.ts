import { describe, expect, it } from 'vitest';
import { collectEnums } from '../../../generator/model/enums.js';
import { NameScope } from '../../../generator/model/identifiers.js';

/** The enums of one named schema, as `[kind, typeName, valuesName, values, pointer]`. */
function enumsOf(typeName: string, schema: unknown, taken: string[] = []) {
  const types = new NameScope([typeName, ...taken]);
  return collectEnums(new Map([[typeName, { typeName, schema }]]), types).map((e) => [
    e.kind,
    e.typeName,
    e.valuesName,
    e.values,
    e.pointer,
  ]);
}

describe('collectEnums', () => {
  it.each<[string, string, unknown, unknown[]]>([
    [
      'a component enum keeps its type name; only the values array is new',
      'Status',
      { type: 'string', enum: ['open', 'won'] },
      [['named', 'Status', 'StatusValues', ['open', 'won'], '#/components/schemas/Status']],
    ],
    [
      'an inline property enum is named after its parent and property',
      'Case',
      { type: 'object', properties: { reason_code: { type: 'string', enum: ['fraud', 'duplicate'] } } },
      [
        [
          'inline',
          'CaseReasonCode',
          'CaseReasonCodeValues',
          ['fraud', 'duplicate'],
          '#/components/schemas/Case/properties/reason_code',
        ],
      ],
    ],
    [
      'array items get an Item suffix',
      'Tags',
      { type: 'array', items: { enum: ['a', 'b'] } },
      [['inline', 'TagsItem', 'TagsItemValues', ['a', 'b'], '#/components/schemas/Tags/items']],
    ],
    [
      'a nullable wrapper names its enum after the parent itself',
      'Level',
      { oneOf: [{ enum: ['low', 'high'] }, { type: 'null' }] },
      [['inline', 'Level2', 'Level2Values', ['low', 'high'], '#/components/schemas/Level/oneOf/0']],
    ],
    [
      'values that are not JSON scalars are dropped',
      'Mixed',
      { enum: ['a', 1, true, null, { x: 1 }] },
      [['named', 'Mixed', 'MixedValues', ['a', 1, true, null], '#/components/schemas/Mixed']],
    ],
    [
      'a property name with a slash is escaped in the pointer',
      'Doc',
      { properties: { 'a/b': { enum: ['x', 'y'] } } },
      [['inline', 'DocAB', 'DocABValues', ['x', 'y'], '#/components/schemas/Doc/properties/a~1b']],
    ],
    [
      'a $ref is not followed (its target is visited as a component of its own)',
      'Ref',
      { properties: { s: { $ref: '#/components/schemas/Status' } } },
      [],
    ],
  ])('%s', (_case, typeName, schema, want) => {
    expect(enumsOf(typeName, schema)).toEqual(want);
  });

  it('never hands out a values name that is already taken', () => {
    expect(enumsOf('Color', { enum: ['red', 'blue'] }, ['ColorValues'])).toEqual([
      ['named', 'Color', 'ColorValues2', ['red', 'blue'], '#/components/schemas/Color'],
    ]);
  });
});
