import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../generator/errors.js';
import { applyPatches } from '../../../generator/load/patch.js';

describe('applyPatches', () => {
  const document = { paths: { '/a/{id}': { get: { summary: 'old', tags: ['x'] } } } };

  it.each([
    [
      'replace',
      { op: 'replace', path: '/paths/~1a~1{id}/get/summary', value: 'new' },
      (d: any) => d.paths['/a/{id}'].get.summary,
      'new',
    ],
    [
      'add',
      { op: 'add', path: '/paths/~1a~1{id}/get/deprecated', value: true },
      (d: any) => d.paths['/a/{id}'].get.deprecated,
      true,
    ],
    [
      'append',
      { op: 'add', path: '/paths/~1a~1{id}/get/tags/-', value: 'y' },
      (d: any) => d.paths['/a/{id}'].get.tags,
      ['x', 'y'],
    ],
    [
      'remove',
      { op: 'remove', path: '/paths/~1a~1{id}/get/summary' },
      (d: any) => d.paths['/a/{id}'].get.summary,
      undefined,
    ],
  ] as const)('%s', (_name, patch, read, want) => {
    const result = applyPatches(document, [patch as any], 'sdkgen.json');
    expect(read(result)).toEqual(want);
    expect(document.paths['/a/{id}'].get.summary).toBe('old');
  });

  it('rejects a patch whose target does not exist, naming the config', () => {
    expect(() =>
      applyPatches(document, [{ op: 'replace', path: '/paths/~1b/get', value: 1 }], 'specs/x/sdkgen.json'),
    ).toThrow(ConfigError);
    expect(() =>
      applyPatches(document, [{ op: 'replace', path: '/paths/~1b/get', value: 1 }], 'specs/x/sdkgen.json'),
    ).toThrow(/specs\/x\/sdkgen\.json: patches\[0\]/);
  });

  it('inserts at an array index instead of overwriting', () => {
    const result = applyPatches(
      document,
      [{ op: 'add', path: '/paths/~1a~1{id}/get/tags/0', value: 'first' }],
      'sdkgen.json',
    ) as any;
    expect(result.paths['/a/{id}'].get.tags).toEqual(['first', 'x']);
  });

  it('moves a value instead of writing undefined', () => {
    const result = applyPatches(
      document,
      [{ op: 'move', from: '/paths/~1a~1{id}/get/summary', path: '/paths/~1a~1{id}/get/description' }],
      'sdkgen.json',
    ) as any;
    expect(result.paths['/a/{id}'].get).toEqual({ description: 'old', tags: ['x'] });
  });

  it('a failing test operation rejects the whole patch and overwrites nothing', () => {
    const patches = [
      { op: 'replace', path: '/paths/~1a~1{id}/get/summary', value: 'new' },
      { op: 'test', path: '/paths/~1a~1{id}/get/summary', value: 'something else' },
    ] as const;
    expect(() => applyPatches(document, [...patches], 'sdkgen.json')).toThrow(
      /patches\[1\]: cannot test at \/paths/,
    );
    expect(
      applyPatches(
        document,
        [patches[0], { op: 'test', path: '/paths/~1a~1{id}/get/summary', value: 'new' }],
        'sdkgen.json',
      ),
    ).toMatchObject({
      paths: { '/a/{id}': { get: { summary: 'new' } } },
    });
    expect(document.paths['/a/{id}'].get.summary).toBe('old');
  });

  it('refuses a pointer into an object prototype', () => {
    expect(() =>
      applyPatches(document, [{ op: 'add', path: '/__proto__/polluted', value: 1 }], 'sdkgen.json'),
    ).toThrow(/reaches an object prototype/);
    expect(({} as any).polluted).toBeUndefined();
  });
});
