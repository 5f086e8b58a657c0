import type { ApiModel, ResourceModel, Warning } from '../../model/types.js';
import { checkSamples, SAMPLE_LANGS } from './check-samples.js';

/**
 * The model with only the TypeScript/JavaScript `x-codeSamples` that compile against `files` (the package as
 * generated from this model), and a warning for each one left out. The same model when all of them compile.
 */
export function keepCheckedSamples(
  model: ApiModel,
  files: ReadonlyMap<string, string>,
): { model: ApiModel; warnings: Warning[] } {
  const samples = allOperations(model.resources).flatMap((op) =>
    op.codeSamples.flatMap((sample, i) =>
      SAMPLE_LANGS.test(sample.lang)
        ? [{ id: `${op.pointer}/x-codeSamples/${i}`, source: sample.source }]
        : [],
    ),
  );
  const results = checkSamples(files, samples);
  const failed = new Map([...results].filter(([, diagnostics]) => diagnostics.length > 0));
  if (!failed.size) return { model, warnings: [] };
  const warnings = [...failed].map(([pointer, diagnostics]) => ({
    pointer,
    message: `code sample does not type-check against the generated package, so the JSDoc shows none (${diagnostics[0]})`,
  }));
  const prune = (resources: ResourceModel[]): ResourceModel[] =>
    resources.map((r) => ({
      ...r,
      operations: r.operations.map((op) => ({
        ...op,
        codeSamples: op.codeSamples.filter((_, i) => !failed.has(`${op.pointer}/x-codeSamples/${i}`)),
      })),
      children: prune(r.children),
    }));
  return { model: { ...model, resources: prune(model.resources) }, warnings };
}

function allOperations(resources: readonly ResourceModel[]): ResourceModel['operations'] {
  return resources.flatMap((r) => [...r.operations, ...allOperations(r.children)]);
}
