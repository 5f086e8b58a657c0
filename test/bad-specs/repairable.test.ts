import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatErrors, typecheckPackages } from '../corpus/typecheck.js';
import { runCli } from './run-cli.js';

/**
 * Documents with a defect vendors really ship. Each generates (exit 0) with a warning naming the file, the JSON
 * pointer, the problem and the repair, lists the repair in the README, and compiles; `--strict` refuses the same
 * document with exit 1, naming the repair, and writes nothing.
 */
const SPECS = path.join(import.meta.dirname, 'repairable');

/** File -> the pointer the repair names, its rule, and what the warning says. */
const CASES: Record<string, [pointer: string, rule: string, says: RegExp]> = {
  'byte-order-mark.json': [
    '#',
    'byte-order-mark',
    /begins with a UTF-8 byte order mark, which JSON does not allow; repaired: ignored the byte order mark/,
  ],
  'cyclic-ref.yaml': [
    '#/components/schemas/C',
    'alias-ref-cycle',
    /\$ref cycle with nothing in between: #\/components\/schemas\/A -> .*B -> .*C -> .*A; repaired: dropped the \$ref/,
  ],
  'duplicate-operation-id.yaml': [
    '#/paths/~1cats/get/operationId',
    'duplicate-operation-id',
    /operationId "getPets" is already used by another operation; repaired: renamed this one "getPets2"/,
  ],
  'non-ascii-path-param.yaml': [
    '#/paths/~1städte~1{größe}/get/parameters/0/name',
    'non-ascii-param-name',
    /path parameter name "größe" is not ASCII; repaired: passed as the argument groE; the URL keeps the name "größe"/,
  ],
  'null-schema.yaml': [
    '#/paths/~1items/post/requestBody/content/application~1json/schema',
    'null-schema',
    /a schema is null, not an object; repaired: read as \{\}/,
  ],
  'nullable-3-1-syntax-in-3-0.yaml': [
    '#/components/schemas/Pet/properties/name/type',
    'null-type-in-3-0',
    /uses the 3\.1 null type in an OpenAPI 3\.0 document; repaired: read as type "string" with nullable: true/,
  ],
  'path-param-not-in-template.yaml': [
    '#/paths/~1pets/get/parameters/0',
    'unused-path-param',
    /path parameter "petId" is not in the path template \/pets; repaired: dropped the parameter/,
  ],
  'path-without-slash.yaml': [
    '#/paths/pets',
    'path-without-slash',
    /path "pets" does not begin with "\/"; repaired: read as "\/pets"/,
  ],
  'self-ref.yaml': [
    '#/components/schemas/Loop',
    'alias-ref-cycle',
    /\$ref cycle with nothing in between: #\/components\/schemas\/Loop -> #\/components\/schemas\/Loop/,
  ],
  'swagger-file-type.yaml': [
    '#/paths/~1pets~1{petId}~1photo/put/requestBody/content/multipart~1form-data/schema/properties/photo/type',
    'swagger-file-type',
    /type "file" is Swagger 2\.0, not OpenAPI 3; repaired: read as type "string", format "binary"/,
  ],
  'undeclared-path-param.yaml': [
    '#/paths/~1pets~1{petId}/get/parameters',
    'undeclared-path-param',
    /uses \{petId\}, which no parameter declares; repaired: added a required string path parameter "petId"/,
  ],
  'unknown-type.yaml': [
    '#/components/schemas/Pet/properties/born/type',
    'unknown-type',
    /type "date" is not a JSON Schema type; repaired: dropped the type: the value is typed unknown/,
  ],
  'unused-shared-path-param.yaml': [
    '#/paths/~1pets/parameters/0',
    'unused-path-param',
    /path parameter "ownerId" is not in the path template \/pets; repaired: dropped the parameter/,
  ],
};

let outParent: string;
const generated: string[] = [];

beforeAll(async () => {
  outParent = await mkdtemp(path.join(tmpdir(), 'sdkgen-repairable-'));
});

afterAll(async () => {
  await rm(outParent, { recursive: true, force: true });
});

describe('documents the repair stage corrects', () => {
  it('has a case for every file in test/bad-specs/repairable', async () => {
    expect((await readdir(SPECS)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()).toEqual(
      Object.keys(CASES).sort(),
    );
  });

  it.each(Object.entries(CASES))(
    '%s generates with a located warning and lists the repair in the README',
    async (file, [at, rule, says]) => {
      const out = path.join(outParent, file);
      const shown = path.relative(process.cwd(), path.join(SPECS, file));
      const result = await runCli([
        'generate',
        '--spec',
        path.join(SPECS, file),
        '--out',
        out,
        '--name',
        'Repaired',
      ]);
      expect(result.stderr).not.toMatch(/error:/);
      expect(result.code).toBe(0);
      const warning = result.stderr.split('\n').find((line) => line.includes(`(${rule})`));
      expect(warning).toContain(`warning: ${shown} at ${at}: `);
      expect(warning).toMatch(says);
      const readme = await readFile(path.join(out, 'README.md'), 'utf8');
      expect(readme).toContain('## Provenance: repairs');
      expect(readme).toContain(`\`${rule}\``);
      // Named from the specs folder down, like the provenance line: the README is the same wherever it is generated.
      const row = readme.split('\n').find((line) => line.includes(`\`${rule}\``) && line.startsWith('|'));
      expect(row).toContain(`| bad-specs/repairable/${file} `);
      expect(row).toContain(`| ${at.replaceAll('_', '\\_')} `);
      generated.push(out);
    },
    20_000,
  );

  it('every repaired package type-checks strictly', async () => {
    expect(generated.length).toBe(Object.keys(CASES).length);
    expect(formatErrors(await typecheckPackages(generated), outParent)).toBe('');
  }, 120_000);

  it.each(Object.entries(CASES))(
    '%s is refused by --strict, naming the repair, and nothing is written',
    async (file, [at, rule]) => {
      const out = path.join(outParent, `strict-${file}`);
      const shown = path.relative(process.cwd(), path.join(SPECS, file));
      const result = await runCli([
        'generate',
        '--strict',
        '--spec',
        path.join(SPECS, file),
        '--out',
        out,
        '--name',
        'Repaired',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`error: ${shown} at ${at}: `);
      expect(result.stderr).toContain(`--strict refuses the repair ${rule}`);
      expect(result.stderr).toContain('nothing was written');
      await expect(stat(out)).rejects.toThrow(/ENOENT/);
    },
    20_000,
  );
});
