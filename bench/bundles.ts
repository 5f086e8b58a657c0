// `npm run bench:bundle`: only the one-call browser bundle rows of `npm run bench`, for a quick look after a change
// to the generator or the runtime. Generates what the rows bundle into a temporary folder (hey-api for Whop; sdkgen
// and hey-api for GitHub unless --no-github), prints the table and the bundle targets, writes nothing else.
// Options: --no-github, --github-package <dir> (an sdkgen GitHub output to reuse), --keep.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { bundleRows } from './bundle-rows.js';
import { renderBundles } from './report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GITHUB_SPEC = path.join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const HEY_API = path.join(ROOT, 'bench/peers/hey-api.mjs');
const run = promisify(execFile);

const { values: flags } = parseArgs({
  options: {
    'no-github': { type: 'boolean', default: false },
    'github-package': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const work = await mkdtemp(path.join(tmpdir(), 'sdkgen-bundles-'));
try {
  const heyWhop = path.join(work, 'hey-whop');
  log('hey-api: Whop');
  await run(process.execPath, [
    HEY_API,
    path.join(ROOT, 'specs/whop/retrieve-resolution-center-case.yaml'),
    heyWhop,
  ]);
  const github = flags['no-github'] ? undefined : await githubOutputs(work, flags['github-package']);
  const rows = await bundleRows({
    whopPackage: path.join(ROOT, 'generated/whop'),
    heyWhop,
    ...(github ? { githubPackage: github.sdkgen, heyGitHub: github.heyApi } : {}),
  });
  process.stdout.write(renderBundles(rows));
} finally {
  if (flags.keep) log(`outputs kept in ${work}`);
  else await rm(work, { recursive: true, force: true });
}

async function githubOutputs(work: string, reuse: string | undefined) {
  const sdkgen = reuse ? path.resolve(reuse) : path.join(work, 'sdkgen-github');
  if (!reuse) {
    log('sdkgen: GitHub');
    await run(
      process.execPath,
      [
        path.join(ROOT, 'bin/sdkgen.js'),
        'generate',
        '--spec',
        GITHUB_SPEC,
        '--out',
        sdkgen,
        '--name',
        'GitHub',
      ],
      { maxBuffer: 64 * 2 ** 20 },
    );
  }
  log('hey-api: GitHub');
  const heyApi = path.join(work, 'hey-github');
  await run(process.execPath, [HEY_API, GITHUB_SPEC, heyApi], { maxBuffer: 64 * 2 ** 20 });
  return { sdkgen, heyApi };
}
