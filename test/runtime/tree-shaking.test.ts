// What a one-call browser bundle of the runtime carries: the code its client and operation reach, and no other.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserBundle } from '../support/browser-bundle.js';

const core = path.resolve('templates/runtime');

/** A core client with the given schemes making one request, bundled and minified as an app would be. */
async function bundle(schemes: string, imports: string): Promise<string> {
  const source = [
    `import { BaseClient, ${imports} } from ${JSON.stringify(path.join(core, 'client.ts'))};`,
    `const config = { clientName: 'Acme', version: '1.0.0', envPrefix: 'ACME',`,
    `  credential: { option: 'apiKey', env: 'ACME_API_KEY' }, defaultBaseURL: 'https://api.example.com',`,
    `  securitySchemes: ${schemes}, errorMessagePaths: [], queryFormat: { arrays: 'brackets' } };`,
    `const client = new BaseClient(config, { apiKey: 'key' });`,
    `client.request({ method: 'get', path: '/things/1', security: [['s']] }).then(console.log);`,
  ].join('\n');
  return browserBundle({ source, resolveDir: core });
}

/** Which of `markers` the code holds (a list, so that a failure names the marker rather than printing the bundle). */
const found = (code: string, markers: string[]) => markers.filter((marker) => code.includes(marker));

describe('a bundle carries only the security schemes its client declares', () => {
  it('bearer only: no Basic encoding, no apiKey query or cookie code', async () => {
    const code = await bundle('{ s: bearerAuth() }', 'bearerAuth');
    expect(found(code, ['Bearer '])).toEqual(['Bearer ']);
    expect(found(code, ['Basic ', 'btoa', 'apiKey cookie', 'apiKey query', 'apiKey header'])).toEqual([]);
  });

  it('an apiKey cookie: its code, and no Bearer or Basic', async () => {
    const code = await bundle("{ s: apiKeyCookie('session') }", 'apiKeyCookie');
    expect(found(code, ['apiKey cookie'])).toEqual(['apiKey cookie']);
    expect(found(code, ['Bearer ', 'Basic ', 'btoa', 'apiKey query', 'apiKey header'])).toEqual([]);
  });

  it('no body encoder other than JSON, no stream decoder, no pagination', async () => {
    const code = await bundle('{ s: bearerAuth() }', 'bearerAuth');
    const others = ['multipart', 'x-www-form-urlencoded', 'event-stream', 'iterPages', 'hasNextPage'];
    expect(found(code, others)).toEqual([]);
  });
});
