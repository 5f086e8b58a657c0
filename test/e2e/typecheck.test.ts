import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

/**
 * Every generated package, plus a consumer file that exercises their types, compiled in one strict program with
 * the packages' own compiler options (no @types/node: the runtime must not need it).
 */
it('compiles every generated package and the consumer contract under --strict', () => {
  const configFile = ts.readConfigFile(path.resolve('generated/whop/tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(
    configFile.config,
    ts.sys,
    path.resolve('generated/whop'),
  );
  const roots = ['whop', 'decisionly', 'pismo'].map((id) => path.resolve(`generated/${id}/src/index.ts`));
  roots.push(path.resolve('test/e2e/fixtures/consumer-usage.ts'));
  const program = ts.createProgram(roots, {
    ...options,
    noEmit: true,
    rootDir: undefined,
    outDir: undefined,
    declaration: false,
    declarationMap: false,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) =>
    ts.formatDiagnostic(d, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => '\n',
    }),
  );
  expect(diagnostics).toEqual([]);
  expect(options.strict).toBe(true);
}, 120_000);
