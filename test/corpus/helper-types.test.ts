import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { generateDocument, writePackage } from './corpus.js';
import { formatErrors, typecheckPackages } from './typecheck.js';

/**
 * openapi-typescript references helper types it declares itself (`WithRequired<T, K>` for an `allOf` member that
 * `required` narrows; the others only under options sdkgen leaves off). Each construct that makes it emit one is
 * generated here in every position a schema can take, and the package must compile under the consumer's
 * strictest settings, with the helper defined exactly once.
 */
const base = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string', readOnly: true },
    secret: { type: 'string', writeOnly: true },
  },
};
const narrowed = { allOf: [{ $ref: '#/components/schemas/Base' }], required: ['id'] };
const DOCUMENTS: Record<string, unknown> = {
  component: { Base: base, Narrowed: narrowed },
  property: { Base: base, Holder: { type: 'object', properties: { inner: narrowed } } },
  'array items': { Base: base, List: { type: 'array', items: narrowed } },
  'map values': { Base: base, Map: { type: 'object', additionalProperties: narrowed } },
  'union member': { Base: base, Either: { oneOf: [narrowed, { type: 'string' }] } },
  'sibling allOf member adding required': {
    Base: base,
    Both: { allOf: [{ $ref: '#/components/schemas/Base' }, { required: ['name', 'secret'] }] },
  },
  'readOnly and writeOnly only': { Base: base },
};

let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('openapi-typescript helper types', () => {
  it('every construct compiles under strict + exactOptionalPropertyTypes + noUncheckedIndexedAccess, helpers defined once', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-helpers-'));
    const written: string[] = [];
    let referencing = 0;
    for (const [name, schemas] of Object.entries(DOCUMENTS)) {
      const id = name.replaceAll(' ', '-');
      const file = path.join(dir, `${id}.yaml`);
      const paths = {
        '/things': {
          post: {
            operationId: 'createThing',
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: { $ref: `#/components/schemas/${Object.keys(schemas as object).at(-1)}` },
                },
              },
            },
            responses: { '204': { description: 'ok' } },
          },
        },
      };
      await writeFile(
        file,
        YAML.stringify({
          openapi: '3.1.0',
          info: { title: name, version: '1' },
          paths,
          components: { schemas },
        }),
      );
      const pkg = await generateDocument({ id, file });
      const models = pkg.files.get('src/models.ts')!;
      const uses = models.includes('WithRequired<components');
      if (uses) referencing++;
      expect(models.split('type WithRequired<').length - 1, name).toBe(uses ? 1 : 0);
      written.push(await writePackage({ id, file }, pkg, path.join(dir, 'out')));
    }
    // The constructs above must really reach the helper, or this test would prove nothing.
    expect(referencing).toBeGreaterThanOrEqual(4);
    expect(formatErrors(await typecheckPackages(written), dir)).toBe('');
  }, 120_000);
});
