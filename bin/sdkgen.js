#!/usr/bin/env node
// Runs the prebuilt generator (dist/sdkgen.mjs, built by `npm ci` through the prepare script) when it is newer than
// every generator source; otherwise compiles the TypeScript on the fly with tsx, so an edit never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundled = path.join(root, 'dist/sdkgen.mjs');

function newestSource() {
  let newest = 0;
  for (const entry of readdirSync(path.join(root, 'generator'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return statSync(bundled).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(bundled).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../generator/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
