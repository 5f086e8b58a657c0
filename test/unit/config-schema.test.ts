import { describe, expect, it } from 'vitest';
import { configProblems } from '../../generator/config-schema.js';

const base = { packageName: '@acme/sdk', clientName: 'Acme', sources: [{ file: 'openapi.yaml' }] };
const problems = (raw: unknown) => configProblems(raw, 'sdkgen.json').map((p) => p.message);

describe('the sdkgen.json schema', () => {
  it('accepts a minimal config and one with every key', () => {
    expect(problems(base)).toEqual([]);
    expect(
      problems({
        ...base,
        $schema: './schema.json',
        version: '1.2.3',
        description: 'd',
        envPrefix: 'ACME',
        credential: { option: 'accessToken', env: 'ACME_TOKEN', description: 'd' },
        include: ['listThings'],
        pagination: [
          {
            operation: 'listThings',
            style: 'page_number',
            pageParam: 'page',
            sizeParam: 'per_page',
            defaultSize: 30,
          },
        ],
        queryFormat: { arrays: 'comma' },
        errorMessagePaths: [['error', 'message']],
        enums: 'closed',
        resources: { Things: 'things' },
        patches: [{ op: 'move', from: '/a', path: '/b' }],
        repository: 'https://github.com/acme/sdk',
        homepage: 'https://acme.example',
        bugs: 'https://acme.example/issues',
        author: 'Acme',
        license: 'Apache-2.0',
        licenseHolder: 'Acme Inc.',
      }),
    ).toEqual([]);
  });

  it('names the nearest key at every level, pagination declarations by their style', () => {
    expect(
      problems({
        ...base,
        paginaton: [],
        credential: { optoin: 'apiKey' },
        pagination: [
          {
            operation: 'list',
            style: 'cursor',
            items: 'data',
            pageInfo: 'page_info',
            hasNextPage: 'h',
            endCursor: 'e',
            afterParm: 'after',
          },
        ],
      }),
    ).toEqual([
      'sdkgen.json at /paginaton: unknown key "paginaton"; did you mean "pagination"?',
      'sdkgen.json at /credential/optoin: unknown key "optoin"; did you mean "option"?',
      'sdkgen.json at /pagination/0: needs "afterParam"',
      'sdkgen.json at /pagination/0/afterParm: unknown key "afterParm"; did you mean "afterParam"?',
    ]);
  });

  it('lists the known keys when nothing is near', () => {
    expect(problems({ ...base, queryFormat: { zzzzzzzz: 1 } })).toEqual([
      'sdkgen.json at /queryFormat/zzzzzzzz: unknown key "zzzzzzzz" (known: arrays)',
    ]);
  });

  it('says what a value must be', () => {
    expect(
      problems({
        ...base,
        include: 'some',
        pagination: [{ operation: 'x', style: 'pages' }],
        patches: [{ op: 'add', path: 'paths' }],
      }),
    ).toEqual([
      'sdkgen.json at /include: must be "all" or a list of operationIds',
      'sdkgen.json at /pagination/0/style: must be one of "cursor", "has_more", "page_number", "offset", "next_cursor", "link_header"',
      'sdkgen.json at /patches/0: needs "value"',
      'sdkgen.json at /patches/0/path: must be a JSON pointer like /paths/~1things/get, got "paths"',
    ]);
  });
});
