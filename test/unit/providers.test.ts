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
    [{ clientName: 'Acme', sources: [{ file: 'a' }] }, /sdkgen\.json at \/: needs "packageName"/],
    [
      { packageName: 'p', clientName: 'acme client', sources: [{ file: 'a' }] },
      /at \/clientName: must be a PascalCase identifier, got "acme client"/,
    ],
    [{ packageName: 'p', clientName: 'Acme', sources: [] }, /at \/sources: must NOT have fewer than 1 items/],
    [
      { packageName: 'p', clientName: 'Acme', sources: [{ file: 'a' }], queryFormat: { arrays: 'csv' } },
      /at \/queryFormat\/arrays: must be one of "repeat", "brackets", "comma", "indices"/,
    ],
    [
      { packageName: 'p', clientName: 'Acme', sources: [{ file: 'a' }], enums: 'maybe' },
      /at \/enums: must be one of "open", "closed"/,
    ],
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
