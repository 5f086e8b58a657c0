import type { InferredPagination } from './types.js';

/** The generate summary's lines about pagination nobody declared: how many lists, which styles, how to opt out. */
export function inferredPaginationSummary(inferred: readonly InferredPagination[]): string[] {
  if (!inferred.length) return [];
  const styles = new Map<string, number>();
  for (const item of inferred) styles.set(item.style, (styles.get(item.style) ?? 0) + 1);
  const counts = [...styles]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([style, n]) => `${n} ${style}`)
    .join(', ');
  return [
    `pagination inferred and applied to ${inferred.length} list${inferred.length === 1 ? '' : 's'} (${counts}): ${inferred.map((i) => i.operationId).join(', ')}`,
    'declare "pagination" in sdkgen.json to override one, or set "inferPagination": false to turn inference off',
  ];
}
