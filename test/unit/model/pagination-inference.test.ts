import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from '../../../generator/load/bundle.js';
import { buildModel } from '../../../generator/model/build-model.js';
import { inferredPaginationSummary } from '../../../generator/model/pagination-summary.js';
import { modelOptions } from '../../support/model-builders.js';

const FIXTURE = path.resolve('test/e2e/fixtures/stainless/openapi.yaml');
const options = modelOptions({ clientName: 'Payfix' });

describe('inferred pagination', () => {
  it('is applied by default, and a config can turn it off or override one list', async () => {
    const { bundled } = await bundleSpec(FIXTURE);
    const list = (model: ReturnType<typeof buildModel>) =>
      model.resources
        .find((r) => r.propertyName === 'payments')!
        .operations.find((op) => op.methodName === 'list')!.call;
    const paging = (model: ReturnType<typeof buildModel>) => {
      const call = list(model);
      return call.kind === 'paginated' ? call.pagination : undefined;
    };
    const inferred = buildModel(bundled, options);
    expect(paging(inferred)).toMatchObject({ style: 'cursor', afterParam: 'after', pageInfo: 'page_info' });
    expect(inferred.inferredPagination.map((p) => p.operationId)).toEqual([
      'listAffiliateOverrides',
      'listPayments',
    ]);

    const off = buildModel(bundled, { ...options, inferPagination: false });
    expect(paging(off)).toBeUndefined();
    expect(off.inferredPagination).toEqual([]);

    const declared = {
      operation: 'listPayments',
      style: 'cursor' as const,
      items: 'data',
      pageInfo: 'page_info',
      hasNextPage: 'has_next_page',
      endCursor: 'end_cursor',
      afterParam: 'after',
      firstParam: 'first',
    };
    const overridden = buildModel(bundled, { ...options, pagination: [declared] });
    expect(paging(overridden)).toMatchObject({ firstParam: 'first' });
    expect(overridden.inferredPagination.map((p) => p.operationId)).toEqual(['listAffiliateOverrides']);
  });

  it('is printed in the summary with the way to opt out', () => {
    expect(
      inferredPaginationSummary([
        { operationId: 'a', style: 'cursor', pointer: '#' },
        { operationId: 'b', style: 'offset', pointer: '#' },
      ]),
    ).toEqual([
      'pagination inferred and applied to 2 lists (1 cursor, 1 offset): a, b',
      'declare "pagination" in sdkgen.json to override one, or set "inferPagination": false to turn inference off',
    ]);
    expect(inferredPaginationSummary([])).toEqual([]);
  });
});

describe('client.webhooks', () => {
  it('is the webhook helper: a /webhooks resource of the same document gets another name', async () => {
    const { bundled } = await bundleSpec(FIXTURE);
    const paths = {
      ...bundled.document.paths,
      '/webhooks': { get: { operationId: 'listWebhooks', responses: { '204': { description: 'none' } } } },
    };
    const model = buildModel({ ...bundled, document: { ...bundled.document, paths } }, options);
    expect(model.webhooks?.unionTypeName).toBe('UnwrapWebhookEvent');
    expect(model.resources.map((r) => r.propertyName)).toContain('webhooks2');
  });
});
