import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from '../../../generator/load/bundle.js';
import { tempDir } from '../../support/temp-dir.js';

async function specFile(text: string, name = 'openapi.yaml'): Promise<string> {
  const dir = await tempDir('sdkgen-bundle-');
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const ok = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: './thing.yaml' } } } }
`;

describe('bundleSpec', () => {
  it('resolves external refs next to the document into one document', async () => {
    const file = await specFile(ok);
    await writeFile(
      path.join(path.dirname(file), 'thing.yaml'),
      'type: object\nproperties: { id: { type: string } }\n',
    );
    const { bundled } = await bundleSpec(file);
    expect(bundled.version).toBe('3.1');
    expect(JSON.stringify(bundled.document)).not.toContain('thing.yaml');
  });

  it('names the file and pointer of a dangling $ref', async () => {
    const file = await specFile(ok.replace("$ref: './thing.yaml'", "$ref: '#/components/schemas/Missing'"));
    await expect(bundleSpec(file)).rejects.toThrow(
      /openapi\.yaml at #\/paths\/~1things~1\{id\}\/get\/responses\/200\/content\/application~1json\/schema: Can't resolve \$ref/,
    );
  });

  it('refuses Swagger 2.0 with a clear message', async () => {
    const file = await specFile('swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}\n');
    await expect(bundleSpec(file)).rejects.toThrow(/#\/swagger: Swagger 2\.0 is not supported/);
  });

  it('refuses a document over the size limit before parsing it', async () => {
    const file = await specFile(ok);
    await expect(bundleSpec(file, { maxBytes: 10 })).rejects.toThrow(/over the 0\.0 MB limit/);
  });

  it('does not follow a $ref out of the spec folder', async () => {
    const file = await specFile(ok.replace("$ref: './thing.yaml'", "$ref: '../../etc/passwd'"));
    await expect(bundleSpec(file)).rejects.toThrow(/leaves the spec's folder/);
  });
});
