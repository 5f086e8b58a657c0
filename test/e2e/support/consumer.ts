import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuiltPackage } from './packages.js';
import { REPO_ROOT } from './packages.js';
import { runCommand, type RunResult } from './processes.js';
import { readmeSnippetsModule } from './readme-snippets.js';

const TSC = path.join(REPO_ROOT, 'node_modules/.bin/tsc');

/** How a user's project may be set up: the module system and the resolution TypeScript applies to our packages. */
export const VARIANTS = {
  esm: { type: 'module', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
  cjs: { type: 'commonjs', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
  node10: {
    type: 'commonjs',
    compilerOptions: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true },
  },
} as const;

export type Variant = keyof typeof VARIANTS;

/** A user's program: every operation of the three clients against their mock servers, plus one error. */
const MAIN = `import Whop, { APIError, NotFoundError, type ResolutionCenterCase } from '@sdkgen/whop';
import Decisionly from '@sdkgen/decisionly';
import { Pismo, type FullDisputeResponse } from '@sdkgen/pismo';

// A consumer without @types/node: the packages must not need it.
declare const process: { argv: string[]; exitCode?: number; stdout: { write(text: string): boolean } };

async function main(): Promise<void> {
  const [whopURL, decisionlyURL, pismoURL] = process.argv.slice(2);
  const whop = new Whop({ apiKey: 'whop-test-key', baseURL: whopURL, maxRetries: 0 });
  const page = await whop.resolutionCenterCases.list({ first: 2, company_id: 'biz_123', direction: 'desc' });
  let firstItemId: string | undefined;
  for await (const item of whop.resolutionCenterCases.list({ first: 2 })) {
    firstItemId = item.id;
    break;
  }
  const retrieved: ResolutionCenterCase = await whop.resolutionCenterCases.retrieve(page.data[0]?.id ?? 'reso_1');
  let notFound: Record<string, unknown> = {};
  try {
    await whop.resolutionCenterCases.retrieve('reso_missing', { headers: { Prefer: 'code=404' } });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    notFound = { name: error.name, isNotFoundError: error instanceof NotFoundError, status: error.status };
  }

  const decisionly = new Decisionly({ apiKey: 'decisionly-test-key', baseURL: decisionlyURL, maxRetries: 0 });
  const cases = await decisionly.cases.list({ limit: 1 });

  const pismo = new Pismo({ accessToken: 'pismo-test-token', baseURL: pismoURL, maxRetries: 0 });
  const disputes = await pismo.disputes.list({ perPage: 1, status: 'OPENED' });
  const dispute: FullDisputeResponse | undefined = disputes.data[0];

  const result = {
    whop: { listed: page.data.length, firstItemId, retrievedId: retrieved.id, notFound },
    decisionly: { listed: cases.data.length, hasMore: cases.hasNextPage() },
    pismo: { listed: disputes.data.length, disputeId: dispute?.id },
  };
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ failed: String(error) }));
  process.exitCode = 1;
});
`;

/** A Whop call in a browser page: the result, or the error, is written into the page for the test to read. */
export const BROWSER_ENTRY = `import Whop from '@sdkgen/whop';

const out = document.getElementById('result')!;
const api = new URLSearchParams(location.search).get('api') ?? '';
new Whop({ apiKey: 'browser-test-key', baseURL: api, maxRetries: 0 }).resolutionCenterCases
  .retrieve('reso_browser')
  .then(
    (found) => (out.textContent = JSON.stringify({ id: found.id, status: found.status })),
    (error: unknown) => (out.textContent = JSON.stringify({ error: String(error) })),
  );
`;

/** Writes a fresh consumer project in `dir` that depends on `packages` and nothing else. */
export async function writeConsumer(dir: string, packages: readonly BuiltPackage[]): Promise<void> {
  const dependencies = Object.fromEntries(packages.map((p) => [p.name, p.version]));
  await mkdir(dir, { recursive: true });
  await writeJson(path.join(dir, 'package.json'), {
    name: 'sdkgen-consumer',
    version: '1.0.0',
    private: true,
    dependencies,
  });
  await writeFile(path.join(dir, 'browser-entry.ts'), BROWSER_ENTRY);
}

/**
 * Writes one variant of the consumer (`<dir>/<variant>/`) and compiles it with `tsc --strict`, the README examples
 * of every installed package included. The packages' declarations are checked too (`skipLibCheck` off).
 */
export async function compileVariant(
  dir: string,
  variant: Variant,
  packages: readonly BuiltPackage[],
): Promise<RunResult> {
  const root = path.join(dir, variant);
  await mkdir(path.join(root, 'src'), { recursive: true });
  await writeJson(path.join(root, 'package.json'), { type: VARIANTS[variant].type });
  await writeJson(path.join(root, 'tsconfig.json'), {
    compilerOptions: {
      ...VARIANTS[variant].compilerOptions,
      target: 'es2022',
      lib: ['es2022', 'dom', 'dom.iterable'],
      types: [],
      strict: true,
      skipLibCheck: false,
      skipDefaultLibCheck: true,
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  });
  await writeFile(path.join(root, 'src', 'main.ts'), MAIN);
  for (const pkg of packages) {
    const readme = await readFile(path.join(dir, 'node_modules', pkg.name, 'README.md'), 'utf8');
    await writeFile(path.join(root, 'src', `readme-${pkg.id}.ts`), readmeSnippetsModule(readme));
  }
  return runCommand(process.execPath, [TSC, '-p', path.join(root, 'tsconfig.json')], {
    cwd: root,
    timeoutMs: 120_000,
  });
}

export function runVariant(dir: string, variant: Variant, serverURLs: readonly string[]): Promise<RunResult> {
  return runCommand(process.execPath, [path.join(dir, variant, 'dist', 'main.js'), ...serverURLs], {
    cwd: dir,
    timeoutMs: 60_000,
  });
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
