import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { runCli } from './run-cli.js';

/**
 * Hand-made broken and hostile documents. Each must end with exit code 1 and a message naming the file, the JSON
 * pointer and what to do; none may print a stack trace, hang, or write anything (neither the --out folder nor
 * generated/).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SPECS = path.join(ROOT, 'test/bad-specs/specs');

/** File -> the pointer the message must name, and what it must say. */
const CASES: Record<string, [pointer: string, says: RegExp]> = {
  'billion-laughs.yaml': ['#', /Excessive alias count/],
  'binary-garbage.json': ['#', /not a text file/],
  'cyclic-external-ref.yaml': ['#', /\$ref cycle through external files/],
  'dangling-external-ref.yaml': [
    '#/paths/~1pets/get/responses/200/content/application~1json/schema',
    /Can't resolve \$ref.*ext\/missing\.yaml/,
  ],
  'dangling-ref.yaml': [
    '#/paths/~1pets/get/responses/200/content/application~1json/schema',
    /Can't resolve \$ref/,
  ],
  'deeply-nested.json': [
    '#/components/schemas/Deep/properties/n/properties/n/properties/n/properties/n/properties/...',
    /nested more than 256 levels/,
  ],
  'discriminator-mapping-unknown.yaml': [
    '#/components/schemas/Pet/discriminator/mapping/dog',
    /Can't resolve \$ref/,
  ],
  'duplicate-parameter.yaml': ['#/paths/~1pets/get/parameters/1', /unique `name` \+ `in`/],
  'duplicate-yaml-keys.yaml': ['#', /invalid YAML \(line 6, column 3\): Map keys must be unique/],
  'empty-path-template.yaml': ['#/paths/~1pets~1{}', /must be non-empty/],
  'empty.yaml': ['#', /not an OpenAPI document \(the top level is null/],
  'external-billion-laughs.yaml': [
    '#/paths/~1pets/get/responses/200/content/application~1json/schema',
    /ext\/laughs\.yaml at #: refused: Excessive alias count/,
  ],
  'invalid-json.json': ['#', /invalid JSON \(line 5, column 1\)/],
  'invalid-yaml.yaml': ['#', /invalid YAML \(line 7, column 4\)/],
  'not-openapi.json': ['#/openapi', /missing "openapi" version field/],
  'null-document.yaml': ['#', /the top level is null/],
  'operation-wrong-type.yaml': [
    '#/paths/~1pets/get',
    /Expected type `Operation` \(object\) but got `string`/,
  ],
  'parameter-missing-in.yaml': ['#/paths/~1pets/get/parameters/0', /The field `in` must be present/],
  'parameters-wrong-type.yaml': ['#/paths/~1pets/get/parameters', /Expected type `ParameterList` \(array\)/],
  'paths-wrong-type.yaml': ['#/paths', /Expected type `Paths` \(object\) but got `array`/],
  'properties-wrong-type.yaml': ['#/components/schemas/Pet/properties', /Expected type `SchemaProperties`/],
  'ref-absolute-path.yaml': [
    '#/paths/~1pets/get/responses/200/content/application~1json/schema',
    /\/etc\/passwd leaves the spec's folder/,
  ],
  'ref-not-a-string.yaml': ['#/components/schemas/Pet/$ref', /\$ref must be a string, got 42/],
  'ref-outside-folder.yaml': [
    '#/paths/~1pets/get/responses/200/content/application~1json/schema',
    /outside\.yaml leaves the spec's folder/,
  ],
  'ref-to-url.yaml': [
    '#/paths/~1pets/get/responses/200/content/application~1json/schema',
    /remote \$ref https:\/\/example\.com\/schemas\/pet\.json is not followed/,
  ],
  'responses-wrong-type.yaml': ['#/paths/~1pets/get/responses', /Expected type `Responses`/],
  'scalar-document.json': ['#', /the top level is string/],
  'server-not-object.yaml': [
    '#/servers/0',
    /a server must be an object with a "url", got string "https:\/\/api\.example\.com"/,
  ],
  'server-without-url.yaml': ['#/servers/0/url', /the server has no "url"/],
  'servers-not-array.yaml': ['#/servers', /"servers" must be an array of Server Objects, got an object/],
  'schema-type-wrong-type.yaml': [
    '#/components/schemas/Pet/properties/tags/items',
    /Expected type `Schema` \(object\) but got `array`/,
  ],
  'swagger-2.yaml': ['#/swagger', /Swagger 2\.0 is not supported/],
  'top-level-array.json': ['#', /the top level is an array/],
  'unsupported-version.yaml': ['#/openapi', /OpenAPI version 4\.0\.0 is not supported/],
  'version-as-number.yaml': ['#/openapi', /"openapi" must be a string, got 3\.1/],
};

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
let outParent: string;
let generatedBefore: string;

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(dir, { recursive: true })).sort()) {
    const full = path.join(dir, file);
    if ((await stat(full)).isFile()) hash.update(file).update(await readFile(full));
  }
  return hash.digest('hex');
}

function expectClearFailure(
  result: { code: number; stderr: string },
  shownFile: string,
  at: string,
  says: RegExp,
) {
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`error: ${shownFile} at ${at}: `);
  expect(result.stderr).toMatch(says);
  expect(result.stderr).toMatch(/\n {2}-> \S/);
  expect(result.stderr).toContain('nothing was written');
  expect(result.stderr).not.toMatch(STACK_FRAME);
}

beforeAll(async () => {
  outParent = await tempDir('sdkgen-bad-');
  generatedBefore = await hashTree(path.join(ROOT, 'generated'));
});

afterAll(async () => {
  expect(await hashTree(path.join(ROOT, 'generated'))).toBe(generatedBefore);
});

describe('broken and hostile documents', () => {
  it('has a case for every file in test/bad-specs/specs, and at least 30 of them', async () => {
    const files = (await readdir(SPECS)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
    expect(files).toEqual(Object.keys(CASES).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(CASES))(
    '%s fails with file, pointer and a way out',
    async (file, [at, says]) => {
      const out = path.join(outParent, file);
      const started = performance.now();
      const result = await runCli([
        'generate',
        '--spec',
        path.join(SPECS, file),
        '--out',
        out,
        '--name',
        'Bad',
      ]);
      expectClearFailure(result, path.relative(process.cwd(), path.join(SPECS, file)), at, says);
      expect(performance.now() - started).toBeLessThan(10_000);
      await expect(stat(out)).rejects.toThrow(/ENOENT/);
    },
    20_000,
  );

  it('a 50 MB document is refused before it is parsed, from the real CLI process', async () => {
    const dir = await tempDir('sdkgen-huge-');
    const file = path.join(dir, 'huge.json');
    const paths: Record<string, unknown> = {};
    const filler = 'x'.repeat(1000);
    for (let i = 0; i < 50_000; i++)
      paths[`/r${i}`] = {
        get: { operationId: `op${i}`, description: filler, responses: { '200': { description: 'ok' } } },
      };
    await writeFile(file, JSON.stringify({ openapi: '3.1.0', info: { title: 'Huge', version: '1' }, paths }));
    expect((await stat(file)).size).toBeGreaterThan(50 * 1000 * 1000);
    const run = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'bin/sdkgen.js'),
        'generate',
        '--spec',
        file,
        '--out',
        path.join(dir, 'out'),
        '--name',
        'Huge',
      ],
      { timeout: 60_000 },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expectClearFailure(run, file, '#', /document is 5\d\.\d MB, over the 40\.0 MB limit/);
    await expect(stat(path.join(dir, 'out'))).rejects.toThrow(/ENOENT/);
  }, 90_000);

  it('the billion-laughs YAML ends quickly from the real CLI process too', async () => {
    const file = path.join(SPECS, 'billion-laughs.yaml');
    const run = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'bin/sdkgen.js'),
        'generate',
        '--spec',
        file,
        '--out',
        path.join(outParent, 'laughs'),
        '--name',
        'Bad',
      ],
      { timeout: 60_000, cwd: ROOT },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expectClearFailure(run, 'test/bad-specs/specs/billion-laughs.yaml', '#', /Excessive alias count/);
  }, 90_000);
});
