import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRuntimeSurface, runtimeDir } from '../../../generator/model/runtime-names.js';
import * as runtimeErrors from '../../../templates/runtime/errors.js';
import { generateDocument, writePackage } from '../../corpus/corpus.js';
import { formatErrors, typecheckPackages } from '../../corpus/typecheck.js';

const surface = readRuntimeSurface(runtimeDir());

describe('readRuntimeSurface', () => {
  it('splits the error classes as the runtime defines them: APIError and its subclasses generic over a body carry one', () => {
    const classes = Object.entries(runtimeErrors).filter(
      ([, value]) => typeof value === 'function' && /^class /.test(String(value)),
    );
    // APIConnectionError is an APIError (as users expect) but never has a response body.
    const noBody = new Set<unknown>([
      runtimeErrors.APIConnectionError,
      runtimeErrors.APIConnectionTimeoutError,
    ]);
    const http = classes.filter(
      ([, value]) =>
        !noBody.has(value) &&
        (value === runtimeErrors.APIError || (value as any).prototype instanceof runtimeErrors.APIError),
    );
    expect([...surface.errorClasses.http].sort()).toEqual(http.map(([name]) => name).sort());
    expect([...surface.errorClasses.http, ...surface.errorClasses.other].sort()).toEqual(
      classes.map(([name]) => name).sort(),
    );
  });

  it.each([
    ['a class', 'BaseClient'],
    ['a re-exported type', 'CredentialContext'],
    ['an error class', 'InvalidResponseError'],
    ['a type alias', 'PaginationSpec'],
    ['a global', 'Response'],
  ])('reserves %s: %s', (_kind, name) => {
    expect(surface.reservedTypeNames).toContain(name);
  });

  it.each([
    ['a public method', 'request', true],
    ['an internal method', '_sendOne', true],
    ['the protected client field', '_client', true],
    ['a promise look-alike', 'then', true],
    ['a static error class', 'APIError', false],
    ['a #private field', 'config', false],
  ])('client members: %s (%s) -> %s', (_kind, name, reserved) => {
    expect(surface.clientMembers.includes(name)).toBe(reserved);
  });

  it('finds the module and factory of every pagination style', () => {
    expect(surface.pageStyles).toMatchObject({
      cursor: { module: 'internal/pages/cursor.js', factory: 'cursorPages' },
      has_more: { module: 'internal/pages/has-more.js', factory: 'hasMorePages' },
      page_number: { module: 'internal/pages/page-number.js', factory: 'pageNumberPages' },
      offset: { module: 'internal/pages/offset.js', factory: 'offsetPages' },
      next_cursor: { module: 'internal/pages/next-cursor.js', factory: 'nextCursorPages' },
      link_header: { module: 'internal/pages/link-header.js', factory: 'linkHeaderPages' },
    });
  });
});

describe('schemas named like runtime exports', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('generate a package that compiles, each schema renamed instead of colliding or shadowing', async () => {
    const specDir = await mkdtemp(path.join(tmpdir(), 'sdkgen-runtime-names-'));
    dirs.push(specDir);
    const names = [
      'InvalidResponseError',
      'CredentialContext',
      'Page',
      'APIResource',
      'RequestOptions',
      'NotFoundError',
    ];
    const document = {
      openapi: '3.1.0',
      info: { title: 'Clash', version: '1' },
      paths: Object.fromEntries(
        names.map((name) => [
          `/${name.toLowerCase()}`,
          {
            get: {
              operationId: `get${name}`,
              tags: ['things'],
              responses: {
                '200': {
                  description: 'ok',
                  content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
                },
              },
            },
          },
        ]),
      ),
      components: {
        schemas: Object.fromEntries(
          names.map((name) => [name, { type: 'object', properties: { id: { type: 'string' } } }]),
        ),
      },
    };
    const file = path.join(specDir, 'clash.json');
    await writeFile(file, JSON.stringify(document));
    const doc = { id: 'clash', file };
    const pkg = await generateDocument(doc);
    // PascalCase from the key (`APIResource` -> `ApiResource`), then the suffix: case-insensitively it is still taken.
    const renamed = [
      'InvalidResponseErrorSchema',
      'CredentialContextSchema',
      'PageSchema',
      'ApiResourceSchema',
      'RequestOptionsSchema',
      'NotFoundErrorSchema',
    ];
    expect(pkg.model.types.map((t) => t.name)).toEqual(expect.arrayContaining(renamed));
    const dir = await writePackage(doc, pkg, path.join(specDir, 'out'));
    expect(formatErrors(await typecheckPackages([dir]), specDir)).toBe('');
  }, 60_000);
});
