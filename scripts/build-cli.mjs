// Bundles the generator into ES modules under dist/ so `sdkgen` starts without compiling TypeScript (run by
// `prepare`, so `npm ci` leaves it ready, and by `prepack`, so the published package has it). Dependencies stay
// external: they are installed next to it. Code splitting keeps each stage's dynamic import() a separate chunk, so
// the entry loads only the command line and the heavy libraries load with the stage that needs them.
// `node scripts/build-cli.mjs [outdir]` (default dist): a test builds a package copy elsewhere without touching dist/.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { sdkgen: 'generator/cli.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
