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
});
