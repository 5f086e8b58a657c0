import { describe, expect, it } from 'vitest';
import { nameMethods, wantedName } from '../../../generator/model/method-names.js';
import { placeRoutes, type Route } from '../../../generator/model/resource-tree.js';
import type { HttpMethod } from '../../../generator/model/types.js';

type Row = [method: HttpMethod, path: string, operationId: string | undefined, want: string];

/**
 * The naming table: each row is one operation of one document (all rows together), and `want` is where it ends
 * up on the client. Lists are the GETs whose path is plural without a trailing parameter, as the model decides.
 */
const TABLE: Row[] = [
  ['get', '/payments', 'listPayments', 'payments.list'],
  ['post', '/payments', 'createPayment', 'payments.create'],
  ['get', '/payments/{id}', 'retrievePayment', 'payments.retrieve'],
  ['post', '/payments/{id}/refund', 'refundPayment', 'payments.refund'],
  ['post', '/payments/{id}/void', undefined, 'payments.void'],
  ['post', '/memberships/{id}/cancel', 'cancelMembership', 'memberships.cancel'],
  ['post', '/invoices', 'createInvoice', 'invoices.create'],
  ['get', '/users/{id}', 'retrieveUser', 'users.retrieve'],
  ['get', '/users/{id}/access/{resource_id}', 'checkAccessUser', 'users.checkAccess'],
  ['get', '/resolution_center_cases', 'listResolutionCenterCases', 'resolutionCenterCases.list'],
  ['get', '/resolution_center_cases/{id}', 'retrieveResolutionCenterCase', 'resolutionCenterCases.retrieve'],
  ['get', '/affiliates/{id}/overrides', 'listAffiliateOverrides', 'affiliates.overrides.list'],
  ['post', '/affiliates/{id}/overrides', 'createAffiliateOverride', 'affiliates.overrides.create'],
  [
    'delete',
    '/affiliates/{id}/overrides/{override_id}',
    'deleteAffiliateOverride',
    'affiliates.overrides.delete',
  ],
  ['get', '/v1/disputes', 'get-v1-disputes', 'disputes.list'],
  ['get', '/v1/disputes/{disputeId}', 'get-v1-disputes-disputeId', 'disputes.retrieve'],
  ['patch', '/widgets/{id}', undefined, 'widgets.update'],
  ['delete', '/widgets/{id}', undefined, 'widgets.delete'],
  ['get', '/widgets', undefined, 'widgets.list'],
  ['post', '/widgets', undefined, 'widgets.create'],
  ['get', '/widgets/{id}', undefined, 'widgets.retrieve'],
  ['get', '/account', 'getAccount', 'account.retrieve'],
  ['get', '/users/me', 'retrieveCurrentUser', 'users.retrieveCurrent'],
  ['get', '/payments/{id}/receipt', 'getPaymentReceipt', 'payments.getReceipt'],
  [
    'post',
    '/courses/{course_id}/chapters/{chapter_id}/lessons',
    'createLesson',
    'courses.chapters.lessons.create',
  ],
  [
    'get',
    '/courses/{course_id}/chapters/{chapter_id}/lessons',
    'listLessons',
    'courses.chapters.lessons.list',
  ],
  ['post', '/cases/{id}/close', 'cases_close', 'cases.close'],
  ['get', '/orders/{order_id}', 'getOrderByOrderId', 'orders.retrieve'],
];

/** Lists are what an array or page response makes them; in the table, the collection GETs. */
const isList = (method: HttpMethod, path: string) =>
  method === 'get' && !/\}\/?$/.test(path) && !/\/(account|me|receipt)$/.test(path);

function nameAll(rows: Row[]): { got: string[]; warnings: string[] } {
  const routes: Route[] = rows.map(([method, path]) => ({ method, path, isList: isList(method, path) }));
  const placements = placeRoutes(routes);
  const byResource = new Map<string, number[]>();
  placements.forEach((p, i) =>
    byResource.set(p.resource.join('/'), [...(byResource.get(p.resource.join('/')) ?? []), i]),
  );
  const got: string[] = [];
  const warnings: string[] = [];
  for (const [key, indexes] of byResource) {
    const resource = key.split('/');
    const inputs = indexes.map((i) => {
      const [method, path, operationId] = rows[i]!;
      return {
        method,
        path,
        isList: routes[i]!.isList,
        ...(operationId ? { operationId } : {}),
        ...(placements[i]!.action ? { action: placements[i]!.action } : {}),
      };
    });
    const named = nameMethods(inputs, resource, ['request', 'constructor']);
    indexes.forEach(
      (i, k) =>
        (got[i] = [
          ...resource.map((s) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())),
          named.names[k],
        ].join('.')),
    );
    warnings.push(...named.warnings.map((w) => w.message));
  }
  return { got, warnings };
}

describe('resource tree and method names', () => {
  it.each(TABLE.map((row, i) => [row[0].toUpperCase(), row[1], row[2] ?? '(none)', row[3], i] as const))(
    '%s %s (%s) -> %s',
    (_m, _p, _id, want, i) => {
      expect(nameAll(TABLE).got[i]).toBe(want);
    },
  );

  it('names the whole table without a fallback', () => {
    expect(nameAll(TABLE).warnings).toEqual([]);
  });

  it('settles a collision deterministically: the conventional verb first, then the whole operationId, with a warning', () => {
    const rows: Row[] = [
      ['get', '/tickets/search', 'listTickets', 'tickets.list'],
      ['get', '/tickets', 'listTicketsAll', 'tickets.listAll'],
      ['get', '/tickets/export', 'listTicketsExport', 'tickets.export.list'],
    ];
    // `search` GET is a list at its own path, so it is a sub-collection; so is export.
    const { got, warnings } = nameAll(rows);
    expect(got).toEqual(['tickets.search.list', 'tickets.listAll', 'tickets.export.list']);
    expect(warnings).toEqual([]);
    const clash = nameMethods(
      [
        {
          method: 'post',
          path: '/tickets/{id}/close',
          operationId: 'closeTicket',
          isList: false,
          action: 'close',
        },
        {
          method: 'post',
          path: '/tickets/{id}/close_now',
          operationId: 'close',
          isList: false,
          action: 'close_now',
        },
        { method: 'get', path: '/tickets', operationId: 'list', isList: true },
        { method: 'get', path: '/tickets/all', operationId: 'listTickets', isList: true },
      ],
      ['tickets'],
      [],
    );
    expect(clash.names).toEqual(['close', 'close2', 'list', 'listTickets']);
    expect(clash.warnings.map((w) => w.index)).toEqual([1, 3]);
    expect(clash.warnings[0]!.message).toMatch(
      /"close" is taken by POST \/tickets\/\{id\}\/close; named "close2"/,
    );
  });

  it('never hands out a runtime member or a sub-resource name', () => {
    const { names, warnings } = nameMethods(
      [
        {
          method: 'post',
          path: '/x/{id}/request',
          operationId: 'requestX',
          isList: false,
          action: 'request',
        },
      ],
      ['x'],
      ['request'],
    );
    expect(names).toEqual(['requestX']);
    expect(warnings[0]!.message).toMatch(/taken by a member of the client/);
  });

  it('ignores version prefixes in paths and operationIds', () => {
    expect(placeRoutes([{ method: 'get', path: '/api/v2/things', isList: true }])).toEqual([
      { resource: ['things'] },
    ]);
    expect(
      wantedName({ method: 'post', path: '/v2/things', operationId: 'postV2Things', isList: false }, [
        'things',
      ]),
    ).toBe('create');
  });
});

describe('base path', () => {
  it('drops leading segments every path shares, but never a resource of its own', () => {
    expect(
      placeRoutes([
        { method: 'get', path: '/v2/issuer/cases', isList: true },
        { method: 'get', path: '/v2/issuer/cases/{id}', isList: false },
      ]),
    ).toEqual([{ resource: ['cases'] }, { resource: ['cases'] }]);
    expect(
      placeRoutes([
        { method: 'get', path: '/things', isList: true },
        { method: 'get', path: '/things/{id}', isList: false },
      ]),
    ).toEqual([{ resource: ['things'] }, { resource: ['things'] }]);
  });
});
