import { readdir } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { TYPECHECK_OPTIONS } from './typecheck.js';

/** Check CPU of one area of a package (`core`, `resources`, `models.ts`...), and the instantiations in it. */
export interface AreaCost {
  area: string;
  files: number;
  checkCpuMs: number;
  instantiations: number;
}

/**
 * Where the check time of one output goes: the files of each area are checked in turn in one program, with the CPU
 * time and the checker's instantiation count read around each. The runtime core goes first, so the one-off cost of
 * the lib types lands there. A type is resolved by whichever file first needs it, so an area that only reads
 * another's types is charged for resolving them when it comes first: the order is the one below, not the
 * program's. The least CPU over `rounds` fresh programs, in this one process (so later rounds run JIT-warm code and
 * read lower than a cold `tsc`: compare areas and outputs with each other, not with the tsc row).
 */
export async function typecheckAreas(srcDir: string, rounds: number): Promise<AreaCost[]> {
  const files = (await readdir(srcDir, { recursive: true }))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(srcDir, f))
    .sort();
  const options = ts.convertCompilerOptionsFromJson(TYPECHECK_OPTIONS, srcDir).options;
  const host = ts.createCompilerHost(options);
  let best: AreaCost[] | undefined;
  for (let round = 0; round < rounds; round++) {
    const program = ts.createProgram(files, options, host);
    const checker = program.getTypeChecker() as ts.TypeChecker & { getInstantiationCount(): number };
    const costs = new Map<string, AreaCost>();
    const own = program
      .getSourceFiles()
      .filter((file) => !file.isDeclarationFile)
      .sort((a, b) => rank(area(srcDir, a.fileName)) - rank(area(srcDir, b.fileName)));
    for (const file of own) {
      const name = area(srcDir, file.fileName);
      const cost = costs.get(name) ?? { area: name, files: 0, checkCpuMs: 0, instantiations: 0 };
      const cpu = process.cpuUsage();
      const instantiations = checker.getInstantiationCount();
      program.getSemanticDiagnostics(file);
      const used = process.cpuUsage(cpu);
      cost.files += 1;
      cost.checkCpuMs += (used.user + used.system) / 1000;
      cost.instantiations += checker.getInstantiationCount() - instantiations;
      costs.set(name, cost);
    }
    const result = [...costs.values()];
    if (!best || total(result) < total(best)) best = result;
  }
  return best ?? [];
}

/** A package's top-level folder (`core`, `resources`, `funcs`), or the file itself at the top level. */
function area(srcDir: string, file: string): string {
  return path.relative(srcDir, file).split(path.sep)[0]!;
}

const rank = (name: string) => (name === 'core' ? 0 : 1);
const total = (costs: readonly AreaCost[]) => costs.reduce((sum, c) => sum + c.checkCpuMs, 0);
