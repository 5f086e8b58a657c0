import { describe, expect, it } from 'vitest';
import { decisionlyId, startDecisionlyServer, startPismoServer } from '../support/provider-servers.js';
import { startWhopServer } from '../support/whop-server.js';

/**
 * The three generated clients walk a data set of 320 items in their provider's own pagination style, with the
 * exact minimum number of requests: no page fetched twice and no empty page fetched when the API says it is done.
 */
const TOTAL = 320;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('Whop: cursor pagination with page_info', () => {
  it('walks every case once, in order, stopping when has_next_page is false', async () => {
    const { Whop } = await import('../../generated/whop/src/index.js');
    const server = await startWhopServer(TOTAL);
    try {
      const client = new Whop({ apiKey: 'k', baseURL: server.url });
      const ids = (await collect(client.resolutionCenterCases.list({ first: 25 }))).map((c) => c.id);
      expect(ids).toEqual(Array.from({ length: TOTAL }, (_, i) => `reso_${String(i + 1).padStart(6, '0')}`));
      expect(server.requests).toHaveLength(Math.ceil(TOTAL / 25));
    } finally {
      await server.close();
    }
  });

  it('pages backwards with before + last, the size moved from first to last', async () => {
    const { Whop } = await import('../../generated/whop/src/index.js');
    const server = await startWhopServer(TOTAL);
    try {
      const client = new Whop({ apiKey: 'k', baseURL: server.url });
      const third = await (
        await (await client.resolutionCenterCases.list({ first: 25 })).getNextPage()
      ).getNextPage();
      expect(third.data[0]!.id).toBe('reso_000051');
      expect(third.hasPreviousPage()).toBe(true);
      const second = await third.getPreviousPage();
      expect(second.data.map((c) => c.id)).toEqual(
        Array.from({ length: 25 }, (_, i) => `reso_${String(i + 26).padStart(6, '0')}`),
      );
      expect(server.requests.at(-1)!).toMatch(/before=reso_000051/);
      expect(server.requests.at(-1)!).toMatch(/last=25/);
      expect(server.requests.at(-1)!).not.toMatch(/first=/);
    } finally {
      await server.close();
    }
  });
});

describe('Decisionly: has_more with starting_after / ending_before', () => {
  it('walks every case forwards with ceil(n / limit) requests', async () => {
    const { Decisionly } = await import('../../generated/decisionly/src/index.js');
    const server = await startDecisionlyServer(TOTAL, 'dcl_key');
    try {
      const client = new Decisionly({ apiKey: 'dcl_key', baseURL: server.url });
      const ids = (await collect(client.cases.list({ limit: 30 }))).map((c) => c.case_id);
      expect(ids).toEqual(Array.from({ length: TOTAL }, (_, i) => decisionlyId(i + 1)));
      expect(server.requests).toHaveLength(Math.ceil(TOTAL / 30));
    } finally {
      await server.close();
    }
  });

  it('walks backwards from ending_before, newest page first', async () => {
    const { Decisionly } = await import('../../generated/decisionly/src/index.js');
    const server = await startDecisionlyServer(TOTAL, 'dcl_key');
    try {
      const client = new Decisionly({ apiKey: 'dcl_key', baseURL: server.url });
      const pages: string[][] = [];
      for await (const page of (
        await client.cases.list({ limit: 50, ending_before: decisionlyId(301) })
      ).iterPages()) {
        pages.push(page.data.map((c) => c.case_id));
      }
      expect(pages.flat().sort()).toEqual(Array.from({ length: 300 }, (_, i) => decisionlyId(i + 1)));
      expect(pages[0]![0]).toBe(decisionlyId(251));
      expect(server.requests).toHaveLength(6);
    } finally {
      await server.close();
    }
  });
});

describe('Pismo: page/perPage with a bare array', () => {
  it.each([
    [320, 30, 11],
    [300, 30, 11],
    [320, undefined, 11],
  ])(
    '%i items, perPage %s: %i requests, stopping on the short or empty page',
    async (total, perPage, requests) => {
      const { Pismo } = await import('../../generated/pismo/src/index.js');
      const server = await startPismoServer(total);
      try {
        const client = new Pismo({ accessToken: 'jwt', baseURL: server.url });
        const ids = (await collect(client.disputes.list(perPage ? { perPage } : {}))).map((d) => d.id);
        expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        expect(server.requests).toHaveLength(requests);
      } finally {
        await server.close();
      }
    },
  );

  it('refreshes an expired token once, mid-iteration, and carries on', async () => {
    const { Pismo } = await import('../../generated/pismo/src/index.js');
    const server = await startPismoServer(TOTAL, 4);
    try {
      let issued = 0;
      let current = '';
      // A typical token provider: reuse the token until the client says it was rejected.
      const accessToken = async ({ refresh }: { refresh: boolean }) =>
        current && !refresh ? current : (current = `jwt-${++issued}`);
      const client = new Pismo({ accessToken, baseURL: server.url });
      const ids = await collect(client.disputes.list({ perPage: 30 }));
      expect(ids).toHaveLength(TOTAL);
      // Tokens last 4 requests: 11 pages need 3 tokens, each expiry costs one rejected request.
      expect(issued).toBe(3);
      expect(server.requests).toHaveLength(11 + 2);
      expect(server.expired).toEqual(new Set(['jwt-1', 'jwt-2']));
    } finally {
      await server.close();
    }
  });
});
