import { bundleSpec } from './load/bundle.js';
import { inferPagination } from './model/pagination.js';
import { listOperations } from './model/raw-operations.js';
import type { PaginationDeclaration } from './model/types.js';

/** Pagination declarations inferred from parameter and field names, to paste into a provider config once checked. */
export async function suggestPagination(specFile: string): Promise<PaginationDeclaration[]> {
  const { bundled } = await bundleSpec(specFile);
  const suggestions: PaginationDeclaration[] = [];
  for (const raw of listOperations(bundled.document, bundled.file)) {
    const inferred = inferPagination(bundled.document, raw);
    if (inferred) suggestions.push({ operation: raw.operationId, ...inferred });
  }
  return suggestions;
}
