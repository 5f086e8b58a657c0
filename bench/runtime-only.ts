// The runtime rows of `npm run bench` alone: per-request latency and `for await` against raw fetch.
// Usage: npx tsx bench/runtime-only.ts [requests=5000] [items=100000] [client module=generated/whop/src/index.ts]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mib, micros, ratio, seconds } from './lib/format.js';
import { runRuntimeBench } from './runtime.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const [requests = '5000', items = '100000', client = path.join(root, 'generated/whop/src/index.ts')] =
  process.argv.slice(2);
const report = await runRuntimeBench(path.resolve(client), Number(requests), Number(items));
const { fetch, client: ours, pagination } = report;
const lines = [
  `per request: fetch ${micros(fetch.medianUs)} (p99 ${micros(fetch.p99Us)}), client ${micros(ours.medianUs)} ` +
    `(p99 ${micros(ours.p99Us)}): ${ratio(ours.medianUs, fetch.medianUs)} at the median, ${ratio(ours.p99Us, fetch.p99Us)} at p99`,
  `for await: fetch loop ${seconds(pagination.fetch.ms)}, client ${seconds(pagination.client.ms)}: ` +
    `${ratio(pagination.client.ms, pagination.fetch.ms)} (median of 3 alternating rounds); heap after GC at 10% -> 100% ` +
    `of the items: client ${mib(pagination.client.retainedAt10PctBytes)} -> ${mib(pagination.client.retainedAtEndBytes)}, ` +
    `fetch loop ${mib(pagination.fetch.retainedAt10PctBytes)} -> ${mib(pagination.fetch.retainedAtEndBytes)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
