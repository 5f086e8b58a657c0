import { describe, expect, it } from 'vitest';
import { listOperations } from '../../../generator/model/raw-operations.js';
import { groupResources, type ResourceGroup } from '../../../generator/model/resources.js';
import type { Warning } from '../../../generator/model/types.js';

const CLIENT_MEMBERS = ['request', 'get', 'delete', 'constructor', 'then'];
const RESOURCE_MEMBERS = ['_client', 'constructor', 'then'];

/** Operations given as `METHOD /path [tag] [operationId]`. */
function group(
  lines: string[],
  options: { renames?: Record<string, string>; lists?: string[]; reserved?: string[] } = {},
  warnings: Warning[] = [],
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const line of lines) {
    const [method, route, tag, operationId] = line.split(' ') as [
      string,
      string,
      string | undefined,
      string | undefined,
    ];
    (paths[route] ??= {})[method.toLowerCase()] = {
      ...(operationId ? { operationId } : {}),
      ...(tag && tag !== '-' ? { tags: [tag] } : {}),
      responses: { '204': { description: 'none' } },
    };
  }
  const operations = listOperations(
    { openapi: '3.1.0', info: { title: 't', version: '1' }, paths },
    'spec.yaml',
  );
  const lists = new Set(options.lists ?? []);
  return groupResources(
    operations,
    new Map([['cases', 'Dispute cases']]),
    options.renames ?? {},
    (raw) => lists.has(raw.operationId),
    options.reserved ?? [],
    CLIENT_MEMBERS,
    RESOURCE_MEMBERS,
    warnings,
  );
}

type Row = [string, string, string, string, string[]];
const summary = (groups: ResourceGroup[]): Row[] =>
  groups.flatMap((g) => [
    [g.propertyName, g.className, g.fileName, g.singular, g.operations.map((o) => o.methodName)] as Row,
    ...summary(g.children),
  ]);

describe('groupResources', () => {
  it.each<
    [string, string[], { renames?: Record<string, string>; lists?: string[]; reserved?: string[] }, Row[]]
  >([
    [
      'conventional names from operationIds minus the noun (in the method order of a path item)',
      [
        'GET /cases cases listCases',
        'POST /cases cases createCase',
        'GET /cases/{id} cases getCase',
        'PATCH /cases/{id} cases updateCase',
        'DELETE /cases/{id} cases deleteCase',
      ],
      { lists: ['listCases'] },
      [['cases', 'Cases', 'cases', 'Case', ['list', 'create', 'retrieve', 'delete', 'update']]],
    ],
    [
      'a base path every operation shares is not a resource',
      ['GET /v2/issuer/cases - listIssuerCases'],
      { lists: ['listIssuerCases'] },
      [['cases', 'Cases', 'cases', 'Case', ['listIssuer']]],
    ],
    [
      'sub-collections nest, actions stay on their resource',
      [
        'GET /affiliates/{id}/overrides - listAffiliateOverrides',
        'DELETE /affiliates/{id}/overrides/{oid} - deleteAffiliateOverride',
        'POST /affiliates/{id}/archive - archiveAffiliate',
        'GET /affiliates/{id} - retrieveAffiliate',
      ],
      { lists: ['listAffiliateOverrides'] },
      [
        ['affiliates', 'Affiliates', 'affiliates', 'Affiliate', ['archive', 'retrieve']],
        ['overrides', 'AffiliateOverrides', 'affiliate-overrides', 'AffiliateOverride', ['list', 'delete']],
      ],
    ],
    [
      'renames from the provider config, keyed by the path segments',
      ['GET /x - listX', 'GET /x/{id}/y - listY'],
      { renames: { x: 'resolution center cases', 'x/y': 'notes' }, lists: ['listX', 'listY'] },
      [
        [
          'resolutionCenterCases',
          'ResolutionCenterCases',
          'resolution-center-cases',
          'ResolutionCenterCase',
          ['list'],
        ],
        [
          'notes',
          'ResolutionCenterCaseNotes',
          'resolution-center-case-notes',
          'ResolutionCenterCaseNote',
          ['list'],
        ],
      ],
    ],
    [
      'client members and reserved class names are never taken; a method may be `delete` or `get`',
      ['GET /request - listRequest', 'GET /get - getThings', 'DELETE /get/{id} - deleteGet'],
      { reserved: ['Request'], lists: ['listRequest'] },
      [
        ['get_', 'Get', 'get', 'Get', ['things', 'delete']],
        ['request2', 'Request2', 'request', 'Request', ['list']],
      ],
    ],
  ])('%s', (_case, lines, options, want) => {
    expect(summary(group(lines, options))).toEqual(want);
  });

  it('derives a method name from the action or the verb when the spec gives no operationId', () => {
    expect(summary(group(['POST /things/{id}/archive -', 'POST /things -'], {}))[0]![4]).toEqual([
      'archive',
      'create',
    ]);
  });

  it('takes the description of the tag every operation shares', () => {
    expect(group(['GET /cases cases listCases'], { lists: ['listCases'] })[0]!.description).toBe(
      'Dispute cases',
    );
  });

  it('reports a fallback name with the operation pointer', () => {
    const warnings: Warning[] = [];
    group(['GET /cases - listCases', 'GET /cases/all - list'], { lists: ['listCases'] }, warnings);
    expect(warnings).toEqual([
      {
        pointer: '#/paths/~1cases~1all/get',
        message:
          'method name "list" is taken by GET /cases; named "list2" instead (set an operationId to choose)',
      },
    ]);
  });
});
