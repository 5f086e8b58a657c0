import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const RSS_PRELOAD = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

export interface ProcessRun {
  exitCode: number;
  wallMs: number;
  /** User + system CPU time: less sensitive than wall time to other load on the machine. */
  cpuMs: number;
  /** Peak resident set size of the process (the largest one in its tree with GNU time). */
  maxRssBytes: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Runs `node <args>` as a whole child process and measures it from outside: wall time here, CPU and peak RSS from
 * GNU time when present, otherwise from a preload that reports the child's own process.resourceUsage() on exit.
 */
export async function measureNode(args: readonly string[], options: RunOptions = {}): Promise<ProcessRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-bench-usage-'));
  const usageFile = path.join(dir, 'usage.txt');
  try {
    const useGnuTime = existsSync(GNU_TIME);
    const [command, argv] = useGnuTime
      ? [GNU_TIME, ['-v', '-o', usageFile, process.execPath, ...args]]
      : [process.execPath, ['--import', RSS_PRELOAD, ...args]];
    const env = useGnuTime
      ? options.env
      : { ...(options.env ?? process.env), SDKGEN_BENCH_USAGE_FILE: usageFile };
    const started = performance.now();
    const result = await run(command, argv, { ...options, env });
    const wallMs = performance.now() - started;
    const usage = useGnuTime
      ? parseGnuTime(await readFile(usageFile, 'utf8'))
      : parsePreload(await readFile(usageFile, 'utf8').catch(() => ''));
    return { ...result, wallMs, ...usage };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a command to completion, capturing output; rejects only when it cannot be started or times out. */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr
      .setEncoding('utf8')
      .on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
          reject(
            new Error(
              `${path.basename(command)} ${args.slice(0, 4).join(' ')} timed out after ${options.timeoutMs} ms`,
            ),
          );
        }, options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

function parseGnuTime(text: string): { cpuMs: number; maxRssBytes: number } {
  const field = (name: string) => Number(new RegExp(`${name}:\\s*([\\d.]+)`).exec(text)?.[1] ?? Number.NaN);
  return {
    cpuMs: (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000,
    maxRssBytes: field('Maximum resident set size \\(kbytes\\)') * 1024,
  };
}

function parsePreload(text: string): { cpuMs: number; maxRssBytes: number } {
  const [cpuMs, maxRssBytes] = text.trim().split(' ').map(Number);
  return { cpuMs: cpuMs ?? Number.NaN, maxRssBytes: maxRssBytes ?? Number.NaN };
}
