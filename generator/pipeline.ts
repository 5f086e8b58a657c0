import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFileStructure } from 'ts-morph';
import { GenerationErrors, SpecError } from './errors.js';
import { provenanceLine, withProvenance } from './format/provenance.js';
import { mergeDocuments } from './load/merge.js';
import type { BundleOptions } from './load/bundle.js';
import { applyPatches } from './load/patch.js';
import type { BundledDocument, LoadWarning } from './load/types.js';
import { allResources } from './model/all-resources.js';
import type { ApiModel } from './model/types.js';
import type { ProviderConfig } from './providers.js';
import { repairDocument, validateDocuments } from './repair/repair-document.js';
import type { Repair } from './repair/types.js';

export interface PipelineOptions extends BundleOptions {
  /** Repository root. */
  rootDir: string;
  templatesDir: string;
  /** Warnings become errors. */
  strict?: boolean;
  onTiming?: (stage: string, ms: number) => void;
  /** Called as each stage starts, for progress display. */
  onStage?: (stage: string) => void;
}

export interface GeneratedPackage {
  provider: ProviderConfig;
  model: ApiModel;
  /** Package-relative path -> file text, formatted, each with its provenance line. */
  files: Map<string, string>;
  /** Load warnings, each repair (as a warning too), and model warnings. */
  warnings: LoadWarning[];
  /** The corrections made to the document before it was modelled, also listed in the README. */
  repairs: Repair[];
}

/**
 * Runs every stage for one provider, in memory: load -> merge -> patch -> repair -> model -> emit -> format. Each stage's
 * module is imported as the stage starts: Redocly, TypeScript, ts-morph and prettier load only when they are needed
 * (a bad document never loads the emitters; `sdkgen --help` loads none of them).
 */
export async function generatePackage(
  provider: ProviderConfig,
  options: PipelineOptions,
): Promise<GeneratedPackage> {
  const time = timer(options.onTiming, options.onStage);
  const specFiles = provider.sources.map((s) => path.resolve(provider.dir, s.file));
  const loaded = await time('load', async () => {
    const { bundleSpec } = await import('./load/bundle.js');
    return Promise.all(specFiles.map((file) => bundleSpec(file, options)));
  });
  const securityWarnings = validateDocuments(loaded.map((l) => l.bundled));
  const merged = time.sync('merge', () => mergeDocuments(loaded.map((l) => l.bundled)));
  const patched: BundledDocument = {
    ...merged,
    document: applyPatches(merged.document, provider.patches, provider.configFile),
  };
  const repaired = time.sync('repair', () => repairDocument(patched));
  const loadWarnings: LoadWarning[] = [
    ...loaded.flatMap((l) => l.warnings),
    ...securityWarnings,
    ...repaired.warnings,
  ];
  const repairs = [...loaded.flatMap((l) => l.repairs), ...repaired.repairs];
  const [{ buildModel }, { readRuntimeSurface }] = await Promise.all([
    import('./model/build-model.js'),
    import('./model/runtime-names.js'),
  ]);
  const runtime = readRuntimeSurface(path.join(options.templatesDir, 'runtime'));
  let model = time.sync('model', () => buildModel(repaired.bundled, provider, runtime));
  const modelWarnings: LoadWarning[] = model.warnings.map((w) => ({ file: patched.file, ...w }));
  if (options.strict && (loadWarnings.length || repairs.length || modelWarnings.length)) {
    throw new GenerationErrors([
      ...repairs.map(
        (r) =>
          new SpecError(
            r.file,
            r.pointer,
            `${r.problem} (--strict refuses the repair ${r.rule}: ${r.repair})`,
            'fix the spec, or correct it with a patch in the provider config',
          ),
      ),
      ...[...loadWarnings, ...modelWarnings].map(
        (w) => new SpecError(w.file, w.pointer, w.message, 'fix the spec, or run without --strict'),
      ),
    ]);
  }
  const warnings = [
    ...loadWarnings,
    ...repairs.map((r) => ({
      file: r.file,
      pointer: r.pointer,
      message: `${r.problem}; repaired: ${r.repair} (${r.rule})`,
    })),
    ...modelWarnings,
  ];
  // Named from the specs folder down (`specs/whop/x.yaml`), so the line is the same wherever the folder lives.
  const specsRoot = path.dirname(path.dirname(provider.dir));
  const fromSpecsRoot = (file: string) =>
    path.relative(specsRoot, path.resolve(file)).split(path.sep).join('/');
  const provenance = provenanceLine(specFiles.map(fromSpecsRoot));

  const models = await time('types', async () =>
    (await import('./emit/types/emit-models.js')).emitModels(model),
  );
  const {
    emitClient,
    emitCore,
    emitIndex,
    emitErrors,
    emitFunction,
    emitResource,
    emitWebhooks,
    printStructures,
    exampleContext,
  } = await resourceEmitters();
  const emitSources = (model: ApiModel) =>
    time.sync('resources', () => {
      const files = new Map<string, SourceFileStructure>();
      const docs = {
        packageName: model.package.name,
        coreClassName: model.client.coreClassName,
        examples: exampleContext(model),
      };
      for (const resource of allResources(model.resources)) {
        files.set(`src/resources/${resource.fileName}.ts`, emitResource(resource, docs));
        for (const op of resource.operations)
          files.set(`src/funcs/${op.functionFile}.ts`, emitFunction(op, docs));
      }
      if (model.webhooks)
        files.set('src/resources/webhooks.ts', emitWebhooks(model.webhooks, model.client.envPrefix));
      files.set('src/core.ts', emitCore(model));
      files.set('src/client.ts', emitClient(model));
      files.set('src/errors.ts', emitErrors(model.errors));
      files.set('src/index.ts', emitIndex(model));
      return printStructures(files);
    });
  let structures = emitSources(model);
  const packageFiles = await time('package', async () =>
    (await import('./emit/package/emit-package.js')).emitPackageFiles(
      model,
      path.join(options.templatesDir, 'package'),
      provenance,
      repairs.map((r) => ({ ...r, file: fromSpecsRoot(r.file) })),
    ),
  );
  const runtimeFiles = await readRuntime(path.join(options.templatesDir, 'runtime'));
  // x-codeSamples reach the JSDoc only when they compile against the package they document.
  const { keepCheckedSamples } = await import('./emit/samples/keep-checked.js');
  const checked = time.sync('samples', () =>
    keepCheckedSamples(
      model,
      new Map([
        ['src/models.ts', models],
        ...structures,
        ...packageFiles,
        ...[...runtimeFiles].map(([file, text]) => [`src/core/${file}`, text] as const),
      ]),
    ),
  );
  warnings.push(...checked.warnings.map((w) => ({ file: patched.file, ...w })));
  if (options.strict && checked.warnings.length) {
    throw new GenerationErrors(
      checked.warnings.map(
        (w) => new SpecError(patched.file, w.pointer, w.message, 'fix the sample, or run without --strict'),
      ),
    );
  }
  if (checked.model !== model) {
    model = checked.model;
    structures = emitSources(model);
  }
  const source = new Map<string, string>([['src/models.ts', models], ...structures, ...packageFiles]);
  const formatted = await time('format', async () =>
    (await import('./format/format-files.js')).formatFiles(source),
  );
  const files = new Map<string, string>();
  for (const [file, text] of formatted) files.set(file, withProvenance(file, text, provenance));
  for (const [file, text] of runtimeFiles) {
    files.set(`src/core/${file}`, withProvenance(file, text, provenance));
  }
  return {
    provider,
    model,
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))),
    warnings,
    repairs,
  };
}

async function resourceEmitters() {
  const [client, errors, resource, fn, print, webhooks, examples] = await Promise.all([
    import('./emit/resources/emit-client.js'),
    import('./emit/resources/emit-errors.js'),
    import('./emit/resources/emit-resource.js'),
    import('./emit/resources/emit-function.js'),
    import('./emit/resources/print.js'),
    import('./emit/resources/emit-webhooks.js'),
    import('./emit/package/examples.js'),
  ]);
  return {
    ...client,
    ...errors,
    ...resource,
    ...fn,
    ...print,
    ...webhooks,
    exampleContext: examples.exampleContext,
  };
}

/** The runtime core, file by file, exactly as written in `templates/runtime/` (tests and docs excluded). */
export async function readRuntime(runtimeDir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const entry of await readdir(runtimeDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const full = path.join(entry.parentPath ?? (entry as any).path, entry.name);
    result.set(path.relative(runtimeDir, full).split(path.sep).join('/'), await readFile(full, 'utf8'));
  }
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : 1)));
}

type Timer = (<T>(stage: string, run: () => Promise<T>) => Promise<T>) & {
  sync: <T>(stage: string, run: () => T) => T;
};

function timer(report: PipelineOptions['onTiming'], starting: PipelineOptions['onStage']): Timer {
  const fn = async <T>(stage: string, run: () => Promise<T>) => {
    starting?.(stage);
    const start = performance.now();
    try {
      return await run();
    } finally {
      report?.(stage, performance.now() - start);
    }
  };
  fn.sync = <T>(stage: string, run: () => T) => {
    starting?.(stage);
    const start = performance.now();
    try {
      return run();
    } finally {
      report?.(stage, performance.now() - start);
    }
  };
  return fn as Timer;
}
