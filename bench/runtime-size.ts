// What a one-call browser app carries of the runtime, measured alone (the full `npm run bench` takes minutes).
// Usage: npx tsx bench/runtime-size.ts [--analyze]   (--analyze prints esbuild's per-module byte breakdown)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { analyzeMetafile, build } from 'esbuild';
import { kb, table } from './lib/format.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const whop = path.join(root, 'generated/whop/src');
const core = path.join(root, 'templates/runtime');

/** Each app constructs a client and makes one Whop `retrieve` call, as the bundle rows do. */
const apps: { name: string; source: string }[] = [
  {
    name: 'class API: new Whop().resolutionCenterCases.retrieve',
    source: [
      `import Whop from ${JSON.stringify(path.join(whop, 'index.ts'))};`,
      `new Whop({ apiKey: 'key' }).resolutionCenterCases.retrieve('reso_1').then((r) => console.log(r));`,
    ].join('\n'),
  },
  {
    // What a standalone function does: the core client and one RequestSpec, nothing else of the package.
    name: 'core: BaseClient + one request (a standalone function)',
    source: [
      `import { BaseClient, bearerAuth } from ${JSON.stringify(path.join(core, 'client.ts'))};`,
      `import { path } from ${JSON.stringify(path.join(core, 'internal/path.ts'))};`,
      `const config = { clientName: 'Whop', version: '0.1.0', envPrefix: 'WHOP',`,
      `  credential: { option: 'apiKey', env: 'WHOP_API_KEY' }, defaultBaseURL: 'https://api.whop.com/api/v1',`,
      `  securitySchemes: { bearerAuth: bearerAuth() }, errorMessagePaths: [['error', 'message']],`,
      `  queryFormat: { arrays: 'brackets' }, defaultSecurity: [['bearerAuth']] };`,
      `class WhopCore extends BaseClient { constructor(o = {}) { super(config, o); } }`,
      `const retrieve = (client, id, options) => client.request({ method: 'get',`,
      `  path: path\`/resolution_center_cases/\${id}\`, security: [['bearerAuth']] }, options);`,
      `retrieve(new WhopCore({ apiKey: 'key' }), 'reso_1').then((r) => console.log(r));`,
    ].join('\n'),
  },
];

const analyze = process.argv.includes('--analyze');
const rows: string[][] = [];
for (const app of apps) {
  const result = await build({
    stdin: { contents: app.source, loader: 'ts', resolveDir: root, sourcefile: 'app.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  rows.push([app.name, kb(code.byteLength), kb(gzipSync(code, { level: 9 }).byteLength)]);
  if (analyze) process.stdout.write(`\n${app.name}\n${await analyzeMetafile(result.metafile)}\n`);
}
process.stdout.write(`${table(['App', 'min', 'min+gz'], rows)}\n`);
