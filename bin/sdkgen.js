#!/usr/bin/env node
// Runs the prebuilt generator (dist/sdkgen.mjs, built by `npm ci` through the prepare script, and shipped in the
// package). In a checkout, where generator/ holds the sources, an edit newer than the bundle is compiled on the fly
// with tsx instead, so an edit never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundled = path.join(root, 'dist/sdkgen.mjs');
const sources = path.join(root, 'generator');

function newestSource() {
  let newest = 0;
  for (const entry of readdirSync(sources, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function useBundle() {
  let built;
  try {
    built = statSync(bundled).mtimeMs;
  } catch {
    return false;
  }
  try {
    return built >= newestSource();
  } catch {
    // No generator/ folder: an installed package, which runs its bundle.
    return true;
  }
}

let main;
if (useBundle()) {
  ({ main } = await import(pathToFileURL(bundled).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../generator/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
