/**
 * Run in a child process (`node --import tsx`), from the folder where a payload would leave its marker: imports
 * each generated package from its `dist/esm/` and its `src/`, builds the client, and calls every method that takes no argument
 * through a fetch that records the URL and never leaves the process: once with nothing (`bare`), once with every
 * name Object.prototype has given as an own property (`probed`). Prints `{ bare, probed }` as JSON.
 */
import { pathToFileURL } from 'node:url';
import { mountedResources, resourceMethods } from '../../support/client-surface.js';

const packages: { id: string; dir: string; clientName: string }[] = JSON.parse(process.argv[2]!);
const bare: Record<string, string[]> = {};
const probed: Record<string, string[]> = {};
const INHERITED = [
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
  'constructor',
  'toString',
  '__proto__',
];
// fromEntries defines keys, so `__proto__` is an own property here as a caller's `{ ['__proto__']: 'v' }` is.
const probe = Object.fromEntries(INHERITED.map((name) => [name, 'v']));

for (const { id, dir, clientName } of packages) {
  bare[id] = [];
  probed[id] = [];
  let seen: string[] = [];
  const fetch = async (input: string | URL | Request) => {
    seen.push(String(input instanceof Request ? input.url : input));
    return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  // The built JavaScript first (plain ES modules), then the TypeScript sources through tsx.
  await import(pathToFileURL(`${dir}/dist/esm/index.js`).href);
  const module = await import(pathToFileURL(`${dir}/src/index.ts`).href);
  const Client = module[clientName];
  const client = new Client({ apiKey: 'sk_test', baseURL: 'http://127.0.0.1:9', fetch, maxRetries: 0 });
  for (const resource of mountedResources(client) as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >[]) {
    for (const method of resourceMethods(resource)) {
      const fn = resource[method]!;
      // Methods that need no path argument or body: `list` and friends, called with nothing.
      if (fn.length > 0) continue;
      seen = bare[id]!;
      await fn.call(resource).catch(() => undefined);
      seen = probed[id]!;
      await fn.call(resource, probe).catch(() => undefined);
    }
  }
}
process.stdout.write(JSON.stringify({ bare, probed }));
