import { describe, expect, it } from 'vitest';
import { listOperations } from '../../../generator/model/raw-operations.js';
import { groupResources } from '../../../generator/model/resources.js';

const CLIENT_MEMBERS = ['request', '_client', 'constructor', 'then'];

/** Operations given as `METHOD /path [tag] [operationId]`. */
function group(lines: string[], options: { renames?: Record<string, string>; lists?: string[]; reserved?: string[] } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const line of lines) {
    const [method, route, tag, operationId] = line.split(' ') as [string, string, string | undefined, string | undefined];
    (paths[route] ??= {})[method.toLowerCase()] = {
      ...(operationId ? { operationId } : {}),
      ...(tag && tag !== '-' ? { tags: [tag] } : {}),
      responses: { '204': { description: 'none' } },
    };
  }
  const operations = listOperations({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths }, 'spec.yaml');
  const lists = new Set(options.lists ?? []);
  return groupResources(operations, new Map(), options.renames ?? {}, (raw) => lists.has(raw.operationId), options.reserved ?? [], CLIENT_MEMBERS);
}

const summary = (groups: ReturnType<typeof group>) =>
  groups.map((g) => [g.propertyName, g.className, g.fileName, g.singular, g.operations.map((o) => o.methodName)]);

describe('groupResources', () => {
  it.each<[string, string[], { renames?: Record<string, string>; lists?: string[]; reserved?: string[] }, unknown[]]>([
    [
      'conventional verbs by method and path shape (in the method order of a path item)',
      ['GET /cases cases listCases', 'POST /cases cases createCase', 'GET /cases/{id} cases getCase', 'PATCH /cases/{id} cases updateCase', 'DELETE /cases/{id} cases deleteCase'],
      { lists: ['listCases'] },
      [['cases', 'Cases', 'cases', 'Case', ['list', 'create', 'retrieve', 'delete', 'update']]],
    ],
    [
      'the first path segment without a tag, skipping versions',
      ['GET /v2/issuer/cases - listIssuerCases'],
      { lists: ['listIssuerCases'] },
      [['issuer', 'Issuer', 'issuer', 'Issuer', ['list']]],
    ],
    [
      'a verb used twice falls back to the operationId, minus the resource prefix',
      ['POST /cases cases casesOpen', 'POST /cases/{id}/close cases casesClose', 'POST /cases/x cases casesEscalate'],
      {},
      [['cases', 'Cases', 'cases', 'Case', ['open', 'close', 'escalate']]],
    ],
    [
      'a GET that is not a list is named from its operationId',
      ['GET /stats stats getStats'],
      {},
      [['stats', 'Stats', 'stats', 'Stat', ['getStats']]],
    ],
    [
      'renames from the provider config; tag words become the singular type stem',
      ['GET /x Resolution%20center%20cases listX'],
      { renames: { 'Resolution%20center%20cases': 'resolution center cases' }, lists: ['listX'] },
      [['resolutionCenterCases', 'ResolutionCenterCases', 'resolution-center-cases', 'ResolutionCenterCase', ['list']]],
    ],
    [
      'client members and reserved class names are never taken',
      ['GET /request request listRequest', 'GET /then then thenThings'],
      { reserved: ['Request'], lists: ['listRequest'] },
      [
        ['request2', 'Request2', 'request', 'Request', ['list']],
        ['then2', 'Then', 'then', 'Then', ['things']],
      ],
    ],
  ])('%s', (_case, lines, options, want) => {
    expect(summary(group(lines, options))).toEqual(want);
  });

  it('derives a method name from method and path when the spec gives no operationId', () => {
    expect(summary(group(['POST /things/{id}/archive things', 'POST /things things'], {}))[0]![4]).toEqual(['postThingsIdArchive', 'postThings']);
  });
});
