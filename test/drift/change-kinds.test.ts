// One upstream document per kind of change the issue lists, served over loopback: each must be found, classified
// for a client of the generated package, and imply the right bump and exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeDocument, acmeSpecs } from './support/acme.js';
import { startUpstreamServer, type UpstreamServer } from './support/upstream-server.js';
import { runUpstream, toYaml } from './support/workspace.js';

type Doc = any;
const widget = (d: Doc) => d.components.schemas.Widget;
const create = (d: Doc) => d.components.schemas.WidgetCreate;
const list = (d: Doc) => d.paths['/widgets'].get;
const param = (d: Doc, name: string) => list(d).parameters.find((p: any) => p.name === name);

interface Case {
  name: string;
  change: (d: Doc) => void;
  /** [class, kind, location] of every change expected, in report order. */
  want: [string, string, string][];
  bump: 'major' | 'minor' | 'patch';
  enums?: 'open' | 'closed';
}

const CASES: Case[] = [
  {
    name: 'operation added',
    change: (d) =>
      (d.paths['/widgets/{id}'].delete = {
        operationId: 'deleteWidget',
        parameters: d.paths['/widgets/{id}'].get.parameters,
        responses: { '204': { description: 'Deleted' } },
      }),
    want: [['non-breaking', 'operation-added', 'DELETE /widgets/{id}']],
    bump: 'minor',
  },
  {
    name: 'operation removed',
    change: (d) => delete d.paths['/widgets/{id}'],
    want: [['breaking', 'operation-removed', 'GET /widgets/{id}']],
    bump: 'major',
  },
  {
    name: 'optional parameter added',
    change: (d) => list(d).parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } }),
    want: [['non-breaking', 'parameter-added', 'GET /widgets query "q"']],
    bump: 'minor',
  },
  {
    name: 'required parameter added',
    change: (d) =>
      list(d).parameters.push({ name: 'shop', in: 'query', required: true, schema: { type: 'string' } }),
    want: [['breaking', 'parameter-added', 'GET /widgets query "shop"']],
    bump: 'major',
  },
  {
    name: 'parameter removed',
    change: (d) => (list(d).parameters = list(d).parameters.filter((p: any) => p.name !== 'limit')),
    want: [['breaking', 'parameter-removed', 'GET /widgets query "limit"']],
    bump: 'major',
  },
  {
    name: 'parameter made required',
    change: (d) => (param(d, 'limit').required = true),
    want: [['breaking', 'parameter-required', 'GET /widgets query "limit"']],
    bump: 'major',
  },
  {
    name: 'parameter retyped',
    change: (d) => (param(d, 'limit').schema.type = 'string'),
    want: [['breaking', 'type-changed', 'GET /widgets query "limit"']],
    bump: 'major',
  },
  {
    name: 'parameter widened to accept null',
    change: (d) => (param(d, 'limit').schema.type = ['integer', 'null']),
    want: [['non-breaking', 'nullable-added', 'GET /widgets query "limit"']],
    bump: 'minor',
  },
  {
    name: 'optional request field added',
    change: (d) => (create(d).properties.note = { type: 'string' }),
    want: [['non-breaking', 'field-added', 'WidgetCreate.note']],
    bump: 'minor',
  },
  {
    name: 'required request field added',
    change: (d) => ((create(d).properties.shop = { type: 'string' }), create(d).required.push('shop')),
    want: [['breaking', 'field-added', 'WidgetCreate.shop']],
    bump: 'major',
  },
  {
    name: 'request field removed',
    change: (d) => delete create(d).properties.size,
    want: [['breaking', 'field-removed', 'WidgetCreate.size']],
    bump: 'major',
  },
  {
    name: 'request field made optional',
    change: (d) => (create(d).required = []),
    want: [['non-breaking', 'field-optional', 'WidgetCreate.name']],
    bump: 'minor',
  },
  {
    name: 'request body made optional',
    change: (d) => (d.paths['/widgets'].post.requestBody.required = false),
    want: [['non-breaking', 'body-optional', 'POST /widgets body']],
    bump: 'minor',
  },
  {
    name: 'response field added',
    change: (d) => (widget(d).properties.weight = { type: 'number' }),
    want: [['non-breaking', 'field-added', 'Widget.weight']],
    bump: 'minor',
  },
  {
    name: 'response field removed',
    change: (d) => delete widget(d).properties.size,
    want: [['breaking', 'field-removed', 'Widget.size']],
    bump: 'major',
  },
  {
    name: 'response field retyped',
    change: (d) => (widget(d).properties.size.type = 'string'),
    want: [['breaking', 'type-changed', 'Widget.size']],
    bump: 'major',
  },
  {
    name: 'response field narrowed',
    change: (d) => (
      (widget(d).properties.size.type = 'integer'),
      (widget(d).properties.note.type = 'string')
    ),
    want: [['non-breaking', 'nullable-removed', 'Widget.note']],
    bump: 'minor',
  },
  {
    name: 'response field made nullable',
    change: (d) => (widget(d).properties.name.type = ['string', 'null']),
    want: [['breaking', 'nullable-added', 'Widget.name']],
    bump: 'major',
  },
  {
    name: 'response field made required',
    change: (d) => widget(d).required.push('size'),
    want: [['non-breaking', 'field-required', 'Widget.size']],
    bump: 'minor',
  },
  {
    name: 'response field made optional',
    change: (d) => (widget(d).required = ['id', 'status']),
    want: [['breaking', 'field-optional', 'Widget.name']],
    bump: 'major',
  },
  {
    name: 'response enum value added, open enums',
    change: (d) => d.components.schemas.Status.enum.push('recalled'),
    want: [['non-breaking', 'enum-value-added', 'Status']],
    bump: 'minor',
  },
  {
    name: 'response enum value added, closed enums',
    enums: 'closed',
    change: (d) => d.components.schemas.Status.enum.push('recalled'),
    want: [['breaking', 'enum-value-added', 'Status']],
    bump: 'major',
  },
  {
    name: 'response enum value removed, open enums',
    change: (d) => d.components.schemas.Status.enum.pop(),
    want: [['non-breaking', 'enum-value-removed', 'Status']],
    bump: 'minor',
  },
  {
    name: 'request enum value added',
    enums: 'closed',
    change: (d) => (param(d, 'color').schema = { type: 'string', enum: ['red', 'green', 'blue'] }),
    want: [['non-breaking', 'enum-value-added', 'GET /widgets query "color"']],
    bump: 'minor',
  },
  {
    name: 'enum value removed where it is sent',
    change: (d) => d.components.schemas.Color.enum.pop(),
    want: [['breaking', 'enum-value-removed', 'Color']],
    bump: 'major',
  },
  {
    name: 'operation security changed',
    change: (d) => {
      d.components.securitySchemes.apiKey = { type: 'apiKey', in: 'header', name: 'x-api-key' };
      list(d).security = [{ apiKey: [] }];
    },
    want: [['breaking', 'security-changed', 'GET /widgets']],
    bump: 'major',
  },
  {
    name: 'auth alternative added',
    change: (d) => {
      d.components.securitySchemes.apiKey = { type: 'apiKey', in: 'header', name: 'x-api-key' };
      list(d).security = [{ bearerAuth: [] }, { apiKey: [] }];
    },
    want: [['non-breaking', 'security-changed', 'GET /widgets']],
    bump: 'minor',
  },
  {
    name: 'security scheme changed',
    change: (d) =>
      (d.components.securitySchemes.bearerAuth = { type: 'apiKey', in: 'header', name: 'x-api-key' }),
    want: [['breaking', 'security-scheme-changed', 'securitySchemes.bearerAuth']],
    bump: 'major',
  },
  {
    name: 'default server changed',
    change: (d) => (d.servers = [{ url: 'https://api.acme.example/v2' }]),
    want: [['non-breaking', 'server-changed', 'servers']],
    bump: 'minor',
  },
  {
    name: 'pagination field removed',
    change: (d) => delete d.components.schemas.PageInfo.properties.end_cursor,
    want: [
      ['breaking', 'pagination-broken', 'GET /widgets'],
      ['breaking', 'field-removed', 'PageInfo.end_cursor'],
    ],
    bump: 'major',
  },
  {
    name: 'description changed',
    change: (d) => (d.components.schemas.Status.description = 'Lifecycle state.'),
    want: [['docs-only', 'description-changed', 'Status']],
    bump: 'patch',
  },
  {
    name: 'example changed',
    change: (d) => (param(d, 'limit').schema.example = 25),
    want: [['docs-only', 'example-changed', 'GET /widgets query "limit"']],
    bump: 'patch',
  },
  {
    name: 'operation summary changed',
    change: (d) => (list(d).summary = 'List every widget'),
    want: [['docs-only', 'description-changed', 'GET /widgets']],
    bump: 'patch',
  },
];

let server: UpstreamServer;
const specs = new Map<string, { specsDir: string; remove: () => Promise<void> }>();

beforeAll(async () => {
  server = await startUpstreamServer();
  for (const enums of ['open', 'closed'] as const) specs.set(enums, await acmeSpecs(enums));
});
afterAll(async () => {
  await server.stop();
  for (const s of specs.values()) await s.remove();
});

describe('each kind of change', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const document = acmeDocument();
    c.change(document);
    const url = server.serve(`/acme/${c.name.replaceAll(' ', '-')}.yaml`, { body: toYaml(document) });
    const run = await runUpstream([
      'acme',
      '--source',
      url,
      '--specs-dir',
      specs.get(c.enums ?? 'open')!.specsDir,
      '--json',
    ]);
    const result = JSON.parse(run.stdout).providers[0];
    expect(result.error).toBeNull();
    expect(result.changes.map((x: any) => [x.class, x.kind, x.location])).toEqual(c.want);
    expect(result.bump).toBe(c.bump);
    expect(result.nextVersion).toBe({ major: '2.0.0', minor: '1.5.0', patch: '1.4.3' }[c.bump]);
    expect(run.code).toBe(1);
    const onlyBreaking = await runUpstream([
      'acme',
      '--source',
      url,
      '--specs-dir',
      specs.get(c.enums ?? 'open')!.specsDir,
      '--fail-on',
      'breaking',
    ]);
    expect(onlyBreaking.code).toBe(c.bump === 'major' ? 1 : 0);
  });

  it('an unchanged upstream document is no drift and exits 0', async () => {
    const url = server.serve('/acme/same.json', { body: JSON.stringify(acmeDocument()) });
    const run = await runUpstream(['acme', '--source', url, '--specs-dir', specs.get('open')!.specsDir]);
    expect(run.stdout).toMatch(/^acme: no drift .*; the upstream text differs only in form\n$/);
    expect(run.code).toBe(0);
  });

  it('names the exported types and methods a change touches', async () => {
    const document = acmeDocument();
    list(document).parameters.push({ name: 'shop', in: 'query', required: true, schema: { type: 'string' } });
    delete document.paths['/widgets'].post;
    const url = server.serve('/acme/surface.yaml', { body: toYaml(document) });
    const result = JSON.parse(
      (await runUpstream(['acme', '--source', url, '--specs-dir', specs.get('open')!.specsDir, '--json']))
        .stdout,
    ).providers[0];
    expect(result.changes.find((c: any) => c.kind === 'parameter-added').affects).toEqual({
      types: ['WidgetListParams'],
      methods: ['client.widgets.list'],
    });
    expect(result.changes.find((c: any) => c.kind === 'operation-removed').affects).toEqual({
      types: ['WidgetCreateParams'],
      methods: ['client.widgets.create'],
    });
    expect(result.surface.methods).toEqual({
      added: [],
      removed: ['client.widgets.create'],
      changed: ['client.widgets.list'],
    });
    expect(result.surface.types.removed).toEqual(['WidgetCreateParams']);
    expect(result.surface.types.changed).toEqual(['WidgetListParams']);
  });
});
