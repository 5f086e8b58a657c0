import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMergedSpec } from '../support/merged-spec.js';
import { startPrism, type PrismServer } from '../support/prism.js';

/**
 * Every operation of every generated client, called against the Prism mock of its own spec. Prism runs with
 * `--errors`: a request that violates the spec (wrong parameter, missing auth) gets an error response, and its log
 * records the violation, so both the call and the log are checked.
 */
const servers = new Map<string, PrismServer>();

beforeAll(async () => {
  const ids = ['whop', 'decisionly', 'pismo'];
  const started = await Promise.all(ids.map(async (id) => startPrism(await writeMergedSpec(id))));
  ids.forEach((id, i) => servers.set(id, started[i]!));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

function violations(id: string): string[] {
  return servers
    .get(id)!
    .log()
    .split('\n')
    .filter((line) => /Violation: request/.test(line));
}

describe('whop against Prism', () => {
  it('lists with every kind of parameter, as the spec says', async () => {
    const { Whop } = await import('../../generated/whop/src/index.js');
    const client = new Whop({ apiKey: 'whop-test-key', baseURL: servers.get('whop')!.url, maxRetries: 0 });
    const { data: page, response } = await client.resolutionCenterCases
      .list({
        first: 5,
        company_id: 'biz_123',
        direction: 'desc',
        statuses: ['customer_won', 'merchant_won'],
        created_after: '2023-12-01T05:00:00.401Z',
      })
      .withResponse();
    // Whop's server expects bracketed arrays, as its official SDK sends them: a provider setting.
    expect(new URL(response.url).search).toBe(
      '?first=5&company_id=biz_123&direction=desc&statuses[]=customer_won&statuses[]=merchant_won&created_after=2023-12-01T05%3A00%3A00.401Z',
    );
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data[0]).toHaveProperty('id');
    expect(page.page_info).toHaveProperty('has_next_page');
    expect(violations('whop')).toEqual([]);
  });

  it('retrieves one case, and its path parameter cannot escape the path', async () => {
    const { Whop } = await import('../../generated/whop/src/index.js');
    const client = new Whop({ apiKey: 'whop-test-key', baseURL: servers.get('whop')!.url, maxRetries: 0 });
    const found = await client.resolutionCenterCases.retrieve('reso_xxxxxxxxxxxxx');
    expect(found.id).toBe('reso_xxxxxxxxxxxxx');
    const { data, response } = await client.resolutionCenterCases.retrieve('a/b?x=1').withResponse();
    expect(new URL(response.url).pathname).toBe('/resolution_center_cases/a%2Fb%3Fx%3D1');
    expect(data).toHaveProperty('id');
    expect(() => client.resolutionCenterCases.retrieve('..')).toThrow();
    expect(violations('whop')).toEqual([]);
  });

  it('sends no request without an API key, and Prism rejects one without auth', async () => {
    const { Whop, AuthenticationError, MissingCredentialError } =
      await import('../../generated/whop/src/index.js');
    const previous = process.env.WHOP_API_KEY;
    delete process.env.WHOP_API_KEY;
    try {
      const client = new Whop({ baseURL: servers.get('whop')!.url, maxRetries: 0 });
      await expect(client.resolutionCenterCases.retrieve('reso_1')).rejects.toBeInstanceOf(
        MissingCredentialError,
      );
      const raw = await fetch(`${servers.get('whop')!.url}/resolution_center_cases/reso_1`);
      expect(raw.status).toBe(401);
      expect(AuthenticationError).toBeDefined();
    } finally {
      if (previous !== undefined) process.env.WHOP_API_KEY = previous;
    }
  });
});

describe('decisionly against Prism', () => {
  it('lists cases with HTTP Basic auth (API key as username)', async () => {
    const { Decisionly } = await import('../../generated/decisionly/src/index.js');
    const client = new Decisionly({
      apiKey: 'dcl_test',
      baseURL: servers.get('decisionly')!.url,
      maxRetries: 0,
    });
    const { data: page, response } = await client.cases.list({ limit: 3, status: 'created' }).withResponse();
    expect(response.status).toBe(200);
    expect(Array.isArray(page.data)).toBe(true);
    expect(typeof page.has_more).toBe('boolean');
    expect(violations('decisionly')).toEqual([]);
  });
});

describe('pismo against Prism', () => {
  it('lists disputes with a token function; the Authorization header parameter comes from auth', async () => {
    const { Pismo } = await import('../../generated/pismo/src/index.js');
    let calls = 0;
    const client = new Pismo({
      accessToken: async () => `jwt-${++calls}`,
      baseURL: servers.get('pismo')!.url,
      maxRetries: 0,
    });
    const page = await client.disputes.list({
      page: 1,
      perPage: 10,
      status: 'OPENED',
      beginDate: '2020-01-31',
    });
    expect(Array.isArray(page.data)).toBe(true);
    expect(page.data[0]).toHaveProperty('id');
    expect(calls).toBe(1);
    expect(violations('pismo')).toEqual([]);
  });
});
