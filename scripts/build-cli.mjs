// Bundles the generator into ES modules under dist/ so `sdkgen` starts without compiling TypeScript (run by
// `prepare`, so `npm ci` leaves it ready, and by `prepack`, so the published package has it). Dependencies stay
// external: they are installed next to it. Code splitting keeps each stage's dynamic import() a separate chunk, so
// the entry loads only the command line and the heavy libraries load with the stage that needs them.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: { sdkgen: 'generator/cli.ts' },
  outdir: 'dist',
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
