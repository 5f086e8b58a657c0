import { describe, expect, it } from 'vitest';
import {
  documentSecurityWarnings,
  structureWarnings,
  validateStructure,
} from '../../../generator/repair/validate-structure.js';

const base = { openapi: '3.1.0', info: { title: 't', version: '1' } };
const op = (extra: Record<string, unknown>) => ({
  ...base,
  paths: { '/p': { get: { responses: {}, ...extra } } },
});
const file = () => 'api.yaml';

/** given document -> the pointers of the errors it must produce (none: it is sound). */
const ERRORS: [name: string, given: Record<string, unknown>, want: string[]][] = [
  ['no servers at all is fine (the caller passes baseURL)', { ...base, paths: {} }, []],
  ['an empty servers list is fine', { ...base, servers: [] }, []],
  ['servers as an object', { ...base, servers: { url: 'https://a' } }, ['#/servers']],
  ['a server entry that is a string', { ...base, servers: ['https://a'] }, ['#/servers/0']],
  ['a server without url', { ...base, servers: [{ description: 'x' }] }, ['#/servers/0/url']],
  ['a url that is not a string', { ...base, servers: [{ url: 42 }] }, ['#/servers/0/url']],
  [
    'variables that are not an object',
    { ...base, servers: [{ url: 'https://a', variables: [] }] },
    ['#/servers/0/variables'],
  ],
  ['every problem at once', { ...base, servers: [1, {}] }, ['#/servers/0', '#/servers/1/url']],
  ['operation servers are not used, so not refused', op({ servers: [{}] }), []],
];

/** given document -> the pointers of the warnings it gets (it generates either way). */
const WARNINGS: [name: string, given: Record<string, unknown>, want: string[]][] = [
  ['an absolute url', { ...base, servers: [{ url: 'https://api.example.com/v1' }] }, []],
  [
    'a url starting with a variable',
    { ...base, servers: [{ url: '{scheme}://a', variables: { scheme: { default: 'https' } } }] },
    [],
  ],
  ['a relative url', { ...base, servers: [{ url: '/v3' }] }, ['#/servers/0/url']],
  [
    'a url variable without default',
    { ...base, servers: [{ url: 'https://{region}.a', variables: { region: { enum: ['eu'] } } }] },
    ['#/servers/0/variables'],
  ],
  [
    'a url variable named like a prototype member',
    { ...base, servers: [{ url: 'https://{constructor}.a' }] },
    ['#/servers/0/variables'],
  ],
  [
    'servers of a path and an operation, once each',
    { ...base, paths: { '/p': { servers: [{ url: 'https://a' }], get: { servers: [] }, post: {} } } },
    ['#/paths/~1p/servers', '#/paths/~1p/get/servers'],
  ],
  ['operation security that is an object', op({ security: { bearer: [] } }), ['#/paths/~1p/get/security']],
  ['a security requirement that is an array', op({ security: [['bearer']] }), ['#/paths/~1p/get/security/0']],
  [
    'scopes that are not a list',
    op({ security: [{ 'o/auth': 'read' }] }),
    ['#/paths/~1p/get/security/0/o~1auth'],
  ],
  ['an empty requirement (optional auth) is fine', op({ security: [{}] }), []],
];

describe('structural validation', () => {
  it.each(ERRORS)('%s', (_name, given, want) => {
    const errors = validateStructure(given, file);
    expect(errors.map((e) => e.pointer)).toEqual(want);
    for (const error of errors) {
      expect(error.file).toBe('api.yaml');
      expect(error.hint).toBeTruthy();
    }
  });

  it.each(WARNINGS)('warns: %s', (_name, given, want) => {
    expect(validateStructure(given, file)).toEqual([]);
    expect(structureWarnings(given, file).map((w) => w.pointer)).toEqual(want);
  });

  it('a top-level security that is not a list is warned about once, at its own pointer', () => {
    expect(
      documentSecurityWarnings({ ...base, security: { bearer: [] } }, 'api.yaml').map((w) => [
        w.file,
        w.pointer,
      ]),
    ).toEqual([['api.yaml', '#/security']]);
    expect(documentSecurityWarnings({ ...base, security: [{ bearer: [] }] }, 'api.yaml')).toEqual([]);
  });
});
