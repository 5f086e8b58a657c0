// openapi-typescript over several documents in one process (as sdkgen does its providers), via its public API.
// Usage: node openapi-typescript.mjs <input> <output.ts> [<input> <output.ts>...]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const ast = await openapiTS(pathToFileURL(path.resolve(args[i])));
  mkdirSync(path.dirname(path.resolve(args[i + 1])), { recursive: true });
  writeFileSync(args[i + 1], COMMENT_HEADER + astToString(ast));
}
