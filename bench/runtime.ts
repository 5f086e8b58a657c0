import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { RuntimeReport } from './runtime/client-bench.js';
import { run } from './lib/process.js';

export type { RuntimeReport, PaginationStats, LatencyStats } from './runtime/client-bench.js';

const SERVER = fileURLToPath(new URL('./runtime/server.ts', import.meta.url));
const CLIENT_BENCH = fileURLToPath(new URL('./runtime/client-bench.ts', import.meta.url));

/**
 * The client as its users run it: compiled JavaScript. Loaded through tsx instead, every closure the runtime makes
 * per request would also be renamed (`__name`, tsx's keep-names helper), which users' builds never do.
 */
async function compileClient(clientModule: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'client.mjs');
  await build({
    entryPoints: [clientModule],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Starts the loopback server, runs the client benchmark in its own process, stops the server. */
export async function runRuntimeBench(
  clientModule: string,
  requests: number,
  items: number,
): Promise<RuntimeReport> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'sdkgen-runtime-bench-'));
  const compiled = await compileClient(clientModule, workDir);
  const server = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { ...process.env, BENCH_TOTAL_ITEMS: String(items) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.once('exit', (code) => reject(new Error(`loopback server exited (${code})`)));
      createInterface({ input: server.stdout! }).once('line', (line) =>
        resolve((JSON.parse(line) as { port: number }).port),
      );
    });
    const result = await run(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        CLIENT_BENCH,
        compiled,
        String(port),
        String(requests),
        String(items),
      ],
      { timeoutMs: 5 * 60_000 },
    );
    if (result.exitCode !== 0)
      throw new Error(
        `client benchmark failed (exit ${result.exitCode}): ${result.stderr.trim().slice(-1500)}`,
      );
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as RuntimeReport;
  } finally {
    server.kill('SIGTERM');
    await rm(workDir, { recursive: true, force: true });
  }
}
