import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../generator/errors.js';
import { loadProviders, resolveProviderConfig } from '../../generator/providers.js';

describe('resolveProviderConfig', () => {
  it('fills every default in one place', () => {
    const config = resolveProviderConfig(
      { packageName: '@x/acme', clientName: 'Acme', sources: [{ file: 'a.yaml' }] },
      '/specs/acme',
      '/specs/acme/sdkgen.json',
    );
    expect(config).toMatchObject({
      id: 'acme',
      version: '0.1.0',
      envPrefix: 'ACME',
      credential: { option: 'apiKey', env: 'ACME_API_KEY' },
      include: 'all',
      queryFormat: { arrays: 'repeat' },
      enums: 'open',
      pagination: [],
      patches: [],
    });
  });

  it.each([
    [{ clientName: 'Acme', sources: [{ file: 'a' }] }, /"packageName" must be a non-empty string/],
    [
      { packageName: 'p', clientName: 'acme client', sources: [{ file: 'a' }] },
      /"clientName" must be a PascalCase identifier/,
    ],
    [{ packageName: 'p', clientName: 'Acme', sources: [] }, /"sources" must list at least one document/],
    [
      { packageName: 'p', clientName: 'Acme', sources: [{ file: 'a' }], queryFormat: { arrays: 'csv' } },
      /queryFormat\.arrays/,
    ],
    [{ packageName: 'p', clientName: 'Acme', sources: [{ file: 'a' }], enums: 'maybe' }, /"enums" must be/],
  ])('rejects %j', (raw, message) => {
    expect(() => resolveProviderConfig(raw, '/specs/acme', 'sdkgen.json')).toThrow(ConfigError);
    expect(() => resolveProviderConfig(raw, '/specs/acme', 'sdkgen.json')).toThrow(message);
  });
});

it('loads the three providers of this repository, sorted', async () => {
  const providers = await loadProviders('specs');
  expect(providers.map((p) => [p.id, p.clientName, p.credential.option])).toEqual([
    ['decisionly', 'Decisionly', 'apiKey'],
    ['pismo', 'Pismo', 'accessToken'],
    ['whop', 'Whop', 'apiKey'],
  ]);
});
