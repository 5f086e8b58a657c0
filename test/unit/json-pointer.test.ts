import { describe, expect, it } from 'vitest';
import { componentRef, parsePointer, pointer, unescapeToken } from '../../generator/json-pointer.js';

describe('json-pointer', () => {
  it.each([
    [['paths', '/things/{id}', 'get'], '#/paths/~1things~1{id}/get'],
    [['components', 'schemas', 'a~b'], '#/components/schemas/a~0b'],
    [[], '#'],
  ])('pointer(%j) = %s, and parses back', (segments, want) => {
    expect(pointer(...segments)).toBe(want);
    expect(parsePointer(want)).toEqual(segments);
  });

  it.each([
    ['#/components/schemas/Pet', { section: 'schemas', name: 'Pet' }],
    ['#/components/schemas/a~1b', { section: 'schemas', name: 'a/b' }],
    ['#/components/schemas/caf%C3%A9', { section: 'schemas', name: 'café' }],
    ['#/components/parameters/limit', { section: 'parameters', name: 'limit' }],
    ['#/components/schemas/Pet/properties/id', undefined],
    ['#/paths/~1x', undefined],
    ['other.yaml#/components/schemas/Pet', undefined],
  ])('componentRef(%s) = %j', (ref, want) => expect(componentRef(ref)).toEqual(want));

  it.each([
    ['~01', '~1'],
    ['a~1b', 'a/b'],
    ['100%', '100%'],
  ])('unescapeToken(%s) = %s (no URI decoding for plain pointers)', (raw, want) =>
    expect(unescapeToken(raw)).toBe(want),
  );
});
