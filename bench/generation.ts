import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { measureNode, type ProcessRun } from './lib/process.js';
import { median } from './lib/stats.js';

export type ToolId = 'sdkgen' | 'openapi-typescript' | 'hey-api';

export const TOOLS: readonly { id: ToolId; label: string; produces: string }[] = [
  { id: 'sdkgen', label: 'sdkgen', produces: 'types + SDK + runtime + package, prettier-formatted' },
  { id: 'openapi-typescript', label: 'openapi-typescript 7.13.0', produces: 'types only' },
  { id: 'hey-api', label: '@hey-api/openapi-ts 0.95.0', produces: 'types + SDK + fetch client' },
];

/** One tool's invocation for a case: `node <args>` writing into `outDir`. */
export type Invocation = (outDir: string) => string[];

export interface GenerationCase {
  name: string;
  invocations: Record<ToolId, Invocation>;
  rounds: number;
  /** Warm-up rounds, discarded: they pay for a cold file cache. */
  warmup: number;
  /** No new round starts once the case has used this much wall time (the first round always runs). */
  budgetMs: number;
  timeoutMs: number;
}

export interface ToolResult {
  tool: ToolId;
  runs: ProcessRun[];
  failure?: string;
  /** Output of the last successful run, kept for the type-check and bundle sections. */
  outDir: string;
}

export interface CaseResult {
  name: string;
  results: Record<ToolId, ToolResult>;
}

export interface Summary {
  runs: number;
  wallMs: number;
  cpuMs: number;
  maxRssBytes: number;
}

export function summarize(result: ToolResult): Summary | undefined {
  if (result.runs.length === 0) return undefined;
  return {
    runs: result.runs.length,
    wallMs: median(result.runs.map((r) => r.wallMs)),
    cpuMs: median(result.runs.map((r) => r.cpuMs)),
    maxRssBytes: median(result.runs.map((r) => r.maxRssBytes)),
  };
}

/**
 * Runs every tool round-robin, rotating the order each round, so slow drift in machine load lands on all tools
 * alike rather than on whichever ran last.
 */
export async function runGenerationCase(
  spec: GenerationCase,
  workDir: string,
  log: (line: string) => void,
): Promise<CaseResult> {
  const fresh = (tool: ToolId): ToolResult => ({
    tool,
    runs: [],
    outDir: path.join(workDir, spec.name, tool),
  });
  const results: Record<ToolId, ToolResult> = {
    sdkgen: fresh('sdkgen'),
    'openapi-typescript': fresh('openapi-typescript'),
    'hey-api': fresh('hey-api'),
  };
  const started = performance.now();
  const total = spec.warmup + spec.rounds;
  for (let round = 0; round < total; round++) {
    const roundStarted = performance.now();
    const order = TOOLS.map((t) => t.id);
    for (let i = 0; i < round % order.length; i++) order.push(order.shift()!);
    for (const tool of order) {
      const result = results[tool];
      if (result.failure) continue;
      await rm(result.outDir, { recursive: true, force: true });
      await mkdir(path.dirname(result.outDir), { recursive: true });
      const run = await measureNode(spec.invocations[tool](result.outDir), {
        timeoutMs: spec.timeoutMs,
      }).catch((error: Error) => ({ exitCode: -1, stderr: error.message }) as ProcessRun);
      const warm = round < spec.warmup;
      if (run.exitCode !== 0) {
        result.failure = `exit ${run.exitCode}: ${lastLines(run.stderr)}`;
        log(`  ${spec.name} ${tool}: FAILED (${result.failure})`);
        continue;
      }
      if (!warm) result.runs.push(run);
      log(
        `  ${spec.name} ${tool}${warm ? ' (warm-up)' : ''}: ${(run.wallMs / 1000).toFixed(2)} s wall, ${(run.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
      );
    }
    const elapsed = performance.now() - started;
    const roundMs = performance.now() - roundStarted;
    if (round >= spec.warmup && elapsed + roundMs > spec.budgetMs && round + 1 < total) {
      log(
        `  ${spec.name}: stopping after ${round + 1 - spec.warmup} round(s) to stay within the time budget`,
      );
      break;
    }
  }
  return { name: spec.name, results };
}

function lastLines(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => !/^\s*warning:/.test(l));
  return lines.slice(-3).join(' | ').slice(0, 400) || 'no output';
}

/** The documents behind the repo's providers, from each `specs/<provider>/sdkgen.json`, sorted. */
export async function providerDocuments(specsDir: string): Promise<{ provider: string; file: string }[]> {
  const documents: { provider: string; file: string }[] = [];
  for (const provider of (await readdir(specsDir)).sort()) {
    const config = JSON.parse(await readFile(path.join(specsDir, provider, 'sdkgen.json'), 'utf8')) as {
      sources: { file: string }[];
    };
    for (const source of config.sources)
      documents.push({ provider, file: path.join(specsDir, provider, source.file) });
  }
  return documents;
}
