// @hey-api/openapi-ts (types + SDK + fetch client, its defaults) over several documents in one process, via its public API.
// Usage: node hey-api.mjs <input> <output dir> [<input> <output dir>...]
import { createClient } from '@hey-api/openapi-ts';

const args = process.argv.slice(2);
const jobs = [];
for (let i = 0; i < args.length; i += 2) {
  jobs.push({
    input: args[i],
    output: args[i + 1],
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent', file: false },
  });
}
await createClient(jobs);
