import { describe, expect, it } from 'vitest';
import {
  structureWarnings,
  validateDocumentSecurity,
  validateStructure,
} from '../../../generator/repair/validate-structure.js';

const base = { openapi: '3.1.0', info: { title: 't', version: '1' } };
const op = (extra: Record<string, unknown>) => ({
  ...base,
  paths: { '/p': { get: { responses: {}, ...extra } } },
});

/** given document -> the pointers of the errors it must produce (none: it is sound). */
const CASES: [name: string, given: Record<string, unknown>, want: string[]][] = [
  ['no servers at all is fine (the caller passes baseURL)', { ...base, paths: {} }, []],
  ['an empty servers list is fine', { ...base, servers: [] }, []],
  ['servers as an object', { ...base, servers: { url: 'https://a' } }, ['#/servers']],
  ['a server entry that is a string', { ...base, servers: ['https://a'] }, ['#/servers/0']],
  ['a server without url', { ...base, servers: [{ description: 'x' }] }, ['#/servers/0/url']],
  ['a url that is not a string', { ...base, servers: [{ url: 42 }] }, ['#/servers/0/url']],
  [
    'a url variable without default',
    { ...base, servers: [{ url: 'https://{region}.a', variables: { region: { enum: ['eu'] } } }] },
    ['#/servers/0/variables'],
  ],
  [
    'a url variable with its default',
    { ...base, servers: [{ url: 'https://{region}.a', variables: { region: { default: 'eu' } } }] },
    [],
  ],
  [
    'variables that are not an object',
    { ...base, servers: [{ url: 'https://a', variables: [] }] },
    ['#/servers/0/variables'],
  ],
  ['operation servers are not used, so not refused (a warning says so)', op({ servers: [{}] }), []],
  ['security as an object', { ...base, security: { bearer: [] } }, ['#/security']],
  ['a security requirement that is a string', { ...base, security: ['bearer'] }, ['#/security/0']],
  [
    'scopes that are not a list',
    op({ security: [{ 'o/auth': 'read' }] }),
    ['#/paths/~1p/get/security/0/o~1auth'],
  ],
  ['an empty requirement (optional auth) is fine', op({ security: [{}] }), []],
  ['every problem at once', { ...base, servers: 'x', security: 'y' }, ['#/servers', '#/security']],
];

describe('structural validation', () => {
  it.each(CASES)('%s', (_name, given, want) => {
    const errors = [
      ...validateStructure(given, () => 'api.yaml'),
      ...validateDocumentSecurity(given, 'api.yaml'),
    ];
    expect(errors.map((e) => e.pointer)).toEqual(want);
    for (const error of errors) {
      expect(error.file).toBe('api.yaml');
      expect(error.hint).toBeTruthy();
    }
  });
});

/** given first server url -> whether the document is warned about (it generates either way). */
const URLS: [url: string, warned: boolean][] = [
  ['https://api.example.com/v1', false],
  ['http://localhost:5572', false],
  ['{scheme}://api.example.com', false],
  ['/v3', true],
  ['api/v1', true],
];

describe('structural warnings', () => {
  it.each(URLS)('server url %j warned: %s', (url, warned) => {
    const warnings = structureWarnings({ ...base, servers: [{ url }] }, () => 'api.yaml');
    expect(warnings.map((w) => w.pointer)).toEqual(warned ? ['#/servers/0/url'] : []);
    if (warned) expect(warnings[0]!.message).toMatch(/pass `baseURL`/);
  });
});

describe('servers of a path or operation', () => {
  it('are warned about once each, since requests go to the client base URL', () => {
    const document = {
      ...base,
      paths: {
        '/p': { servers: [{ url: 'https://a' }], get: { servers: [{ url: 'https://b' }] }, post: {} },
      },
    };
    expect(structureWarnings(document, () => 'api.yaml').map((w) => w.pointer)).toEqual([
      '#/paths/~1p/servers',
      '#/paths/~1p/get/servers',
    ]);
  });
});
