// Bundles the generator into one ES module so `sdkgen` starts without compiling TypeScript (run by `prepare`,
// so `npm ci` leaves it ready). Dependencies stay external: they are installed next to it.
import { build } from 'esbuild';

await build({
  entryPoints: ['generator/cli.ts'],
  outfile: 'dist/sdkgen.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
