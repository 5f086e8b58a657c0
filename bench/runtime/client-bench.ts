// Measures a generated client against raw fetch on the loopback server, in a process of its own with --expose-gc.
// Usage: node --expose-gc --import tsx client-bench.ts <client module> <port> <requests> <items>
import { pathToFileURL } from 'node:url';
import { median, percentile } from '../lib/stats.js';

/** The slice of generated/whop's public surface the benchmark uses; imported dynamically so a runtime in flux cannot break the repo's type-check. */
interface WhopClient {
  resolutionCenterCases: {
    retrieve(id: string): Promise<{ id: string }>;
    list(params: { first: number }): AsyncIterable<{ id: string }>;
  };
}
type WhopConstructor = new (options: { apiKey: string; baseURL: string; maxRetries: number }) => WhopClient;

export interface LatencyStats {
  medianUs: number;
  p99Us: number;
}

export interface RuntimeReport {
  requests: number;
  fetch: LatencyStats;
  client: LatencyStats;
  pagination: { client: PaginationStats; fetch: PaginationStats };
}

export interface PaginationStats {
  items: number;
  ms: number;
  /** heapUsed after a full GC, before the first request. */
  baselineHeapBytes: number;
  /** Largest heapUsed sampled every 1,000 items (garbage included). */
  peakHeapBytes: number;
  /** heapUsed after a full GC at 10% of the items and at the last item: growth here is retained memory. */
  retainedAt10PctBytes: number;
  retainedAtEndBytes: number;
  samples: number[];
}

const [modulePath, portArg, requestsArg, itemsArg] = process.argv.slice(2);
const port = Number(portArg);
const requests = Number(requestsArg);
const items = Number(itemsArg);
const baseURL = `http://127.0.0.1:${port}`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const module = (await import(pathToFileURL(modulePath!).href)) as { default: WhopConstructor };
const client = new module.default({ apiKey: 'bench-key', baseURL, maxRetries: 0 });

/** What a careful hand-written call does: same URL, auth and accept headers, status check, JSON decode. */
async function rawRetrieve(id: string): Promise<{ id: string }> {
  const response = await fetch(`${baseURL}/resolution_center_cases/${encodeURIComponent(id)}`, {
    headers: { accept: 'application/json', authorization: 'Bearer bench-key' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as { id: string };
}

async function latencies(call: () => Promise<unknown>, count: number, into: number[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    into.push(performance.now() - start);
  }
}

async function measureLatency(): Promise<{ fetch: LatencyStats; client: LatencyStats }> {
  const viaFetch: number[] = [];
  const viaClient: number[] = [];
  await latencies(() => rawRetrieve('reso_1'), 300, []);
  await latencies(() => client.resolutionCenterCases.retrieve('reso_1'), 300, []);
  // Alternating blocks: load on the machine drifts, and both sides should see the same drift.
  const block = 100;
  for (let done = 0; done < requests; done += block) {
    await latencies(() => rawRetrieve('reso_1'), block, viaFetch);
    await latencies(() => client.resolutionCenterCases.retrieve('reso_1'), block, viaClient);
  }
  const stats = (values: number[]): LatencyStats => ({
    medianUs: median(values) * 1000,
    p99Us: percentile(values, 99) * 1000,
  });
  return { fetch: stats(viaFetch), client: stats(viaClient) };
}

async function measurePagination(iterate: () => AsyncIterable<{ id: string }>): Promise<PaginationStats> {
  gc();
  const baselineHeapBytes = process.memoryUsage().heapUsed;
  const samples: number[] = [];
  let retainedAt10PctBytes = 0;
  let retainedAtEndBytes = 0;
  let count = 0;
  const start = performance.now();
  for await (const item of iterate()) {
    if (typeof item.id !== 'string') throw new Error('item without id');
    count++;
    if (count % 1000 === 0) samples.push(process.memoryUsage().heapUsed);
    if (count === items / 10) {
      gc();
      retainedAt10PctBytes = process.memoryUsage().heapUsed;
    }
    if (count === items) {
      gc();
      retainedAtEndBytes = process.memoryUsage().heapUsed;
    }
  }
  const ms = performance.now() - start;
  if (count !== items) throw new Error(`paginated ${count} items, expected ${items}`);
  return {
    items: count,
    ms,
    baselineHeapBytes,
    peakHeapBytes: Math.max(...samples),
    retainedAt10PctBytes,
    retainedAtEndBytes,
    samples,
  };
}

/** The loop a user writes without a client: follow end_cursor until has_next_page is false. */
async function* rawPages(): AsyncIterable<{ id: string }> {
  let after: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ first: '100', ...(after === undefined ? {} : { after }) });
    const response = await fetch(`${baseURL}/resolution_center_cases?${query}`, {
      headers: { accept: 'application/json', authorization: 'Bearer bench-key' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = (await response.json()) as {
      data: { id: string }[];
      page_info: { has_next_page: boolean; end_cursor: string };
    };
    yield* page.data;
    if (!page.page_info.has_next_page) return;
    after = page.page_info.end_cursor;
  }
}

/**
 * Rounds of both loops, alternating (load on a shared machine drifts by more than the difference measured); each
 * side reports its median round.
 */
async function measurePaginationRounds(
  rounds: number,
): Promise<{ fetch: PaginationStats; client: PaginationStats }> {
  const viaFetch: PaginationStats[] = [];
  const viaClient: PaginationStats[] = [];
  for (let round = 0; round < rounds; round++) {
    viaFetch.push(await measurePagination(rawPages));
    viaClient.push(await measurePagination(() => client.resolutionCenterCases.list({ first: 100 })));
  }
  const medianRound = (all: PaginationStats[]) =>
    [...all].sort((a, b) => a.ms - b.ms)[Math.floor(all.length / 2)]!;
  return { fetch: medianRound(viaFetch), client: medianRound(viaClient) };
}

const latency = await measureLatency();
const { fetch: paginationFetch, client: paginationClient } = await measurePaginationRounds(3);
const report: RuntimeReport = {
  requests,
  ...latency,
  pagination: { client: paginationClient, fetch: paginationFetch },
};
process.stdout.write(`${JSON.stringify(report)}\n`);
