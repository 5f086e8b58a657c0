import { GenerationErrors } from '../errors.js';
import { parsePointer } from '../json-pointer.js';
import { SOURCE_EXTENSION } from '../load/merge.js';
import type { BundledDocument, LoadWarning } from '../load/types.js';
import { duplicateOperationId } from './rules/duplicate-operation-id.js';
import { nonAsciiParamName } from './rules/non-ascii-param-name.js';
import { nullSchema } from './rules/null-schema.js';
import { pathWithoutSlash } from './rules/path-without-slash.js';
import { nullTypeIn30, swaggerFileType, unknownType } from './rules/schema-types.js';
import { undeclaredPathParam } from './rules/undeclared-path-param.js';
import { unusedPathParam } from './rules/unused-path-param.js';
import type { Repair, RepairRule } from './types.js';
import { documentSecurityWarnings, structureWarnings, validateStructure } from './validate-structure.js';

/**
 * The rules of the repair stage, in the order they run. Paths are fixed before the parameters that depend on
 * their templates; `null` schemas become objects before types are read; the 3.0 null type and Swagger's `file`
 * are read as meant before what is left unknown is dropped.
 */
export const REPAIR_RULES: readonly RepairRule[] = [
  pathWithoutSlash,
  duplicateOperationId,
  unusedPathParam,
  undeclaredPathParam,
  nonAsciiParamName,
  nullSchema,
  nullTypeIn30,
  swaggerFileType,
  unknownType,
];

/**
 * Warnings about a loaded file's own top-level `security`. Runs on each file before the merge, which copies that
 * field onto the file's operations.
 */
export function validateDocuments(documents: readonly BundledDocument[]): LoadWarning[] {
  return documents.flatMap((d) => documentSecurityWarnings(d.document, d.file));
}

/**
 * The repair stage, between load (and the provider's patches) and the model: refuses what cannot be generated
 * from (every problem at once), then corrects what vendors really ship, one rule per defect. Each repair names the file, the pointer, the problem and what was done; `--strict` turns
 * them into errors in the pipeline.
 */
export function repairDocument(bundled: BundledDocument): {
  bundled: BundledDocument;
  repairs: Repair[];
  warnings: LoadWarning[];
} {
  const errors = validateStructure(bundled.document, (at) => fileOf(bundled.document, at, bundled.file));
  if (errors.length) throw new GenerationErrors(errors);
  let document = bundled.document;
  const repairs: Repair[] = [];
  for (const rule of REPAIR_RULES) {
    const result = rule(document);
    repairs.push(
      ...result.repairs.map((note) => ({ ...note, file: fileOf(document, note.pointer, bundled.file) })),
    );
    document = result.document;
  }
  const warnings = structureWarnings(document, (at) => fileOf(document, at, bundled.file));
  return { bundled: document === bundled.document ? bundled : { ...bundled, document }, repairs, warnings };
}

/** A merged document's operations carry the file they came from; everything else is named by the first file. */
function fileOf(document: BundledDocument['document'], at: string, fallback: string): string {
  const [root, route, method] = parsePointer(at);
  const source =
    root === 'paths' && route !== undefined && method !== undefined
      ? document.paths?.[route]?.[method]?.[SOURCE_EXTENSION]
      : undefined;
  return typeof source === 'string' ? source : fallback;
}
