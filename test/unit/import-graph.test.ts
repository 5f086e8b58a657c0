import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The generator's import graph, module by module (paths relative to `generator/`). */
const root = path.resolve('generator');
const modules = readdirSync(root, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split(path.sep).join('/'))
  .sort();
const graph = new Map(
  modules.map((file) => {
    const source = ts.createSourceFile(
      file,
      readFileSync(path.join(root, file), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    const targets = source.statements
      .filter(
        (s): s is ts.ImportDeclaration | ts.ExportDeclaration =>
          ts.isImportDeclaration(s) || ts.isExportDeclaration(s),
      )
      .map((s) => (s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : ''))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) =>
        path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts'),
      );
    return [file, targets];
  }),
);

const importsOf = (prefix: string) =>
  [...graph]
    .filter(([file]) => file.startsWith(prefix))
    .flatMap(([file, targets]) => targets.map((t) => `${file} -> ${t}`));

describe('the import graph', () => {
  it('has no cycle', () => {
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    const state = new Map<string, 'active' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'active') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'active');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of modules) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('descends: the model reaches neither the provider config, the emitters, the later stages nor the runtime', () => {
    const upward = importsOf('model/').filter((edge) =>
      /-> (providers|pipeline|cli|check-generated|suggest)\.ts$|-> (emit|format|drift)\/|-> \.\.\/templates\//.test(
        edge,
      ),
    );
    expect(upward).toEqual([]);
  });

  it('gives the emitters only the model and the printing helpers', () => {
    const outside = importsOf('emit/').filter((edge) => !/-> (model|emit)\//.test(edge));
    expect(outside).toEqual([]);
  });

  it('keeps the model types free of configuration and runtime types', () => {
    expect(graph.get('model/types.ts')).toEqual(['http-methods.ts', 'load/types.ts']);
  });
});
