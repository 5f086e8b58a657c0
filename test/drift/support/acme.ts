// A small provider made for drift tests: list (cursor pages), create (JSON body), retrieve; enums used in requests
// and responses; bearer auth. Small enough that each altered copy states exactly one kind of change.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toYaml } from './workspace.js';

export function acmeDocument(): any {
  const error = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1.0.0', description: 'The Acme widgets API.' },
    servers: [{ url: 'https://api.acme.test/v1' }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: 'Widgets', description: 'Widgets in stock.' }],
    paths: {
      '/widgets': {
        get: {
          tags: ['Widgets'],
          operationId: 'listWidgets',
          summary: 'List widgets',
          parameters: [
            { name: 'after', in: 'query', schema: { type: 'string' } },
            {
              name: 'color',
              in: 'query',
              description: 'Only widgets of this color.',
              schema: { $ref: '#/components/schemas/Color' },
            },
            { name: 'limit', in: 'query', schema: { type: 'integer', example: 10 } },
          ],
          responses: {
            '200': {
              description: 'A page of widgets',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['data', 'page_info'],
                    properties: {
                      data: { type: 'array', items: { $ref: '#/components/schemas/Widget' } },
                      page_info: { $ref: '#/components/schemas/PageInfo' },
                    },
                  },
                },
              },
            },
            '400': error,
          },
        },
        post: {
          tags: ['Widgets'],
          operationId: 'createWidget',
          summary: 'Create a widget',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/WidgetCreate' } } },
          },
          responses: {
            '201': {
              description: 'Created',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
            },
            '400': error,
          },
        },
      },
      '/widgets/{id}': {
        get: {
          tags: ['Widgets'],
          operationId: 'retrieveWidget',
          summary: 'Retrieve a widget',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The widget',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
            },
            '400': error,
          },
        },
      },
    },
    components: {
      schemas: {
        Color: { type: 'string', enum: ['red', 'green'] },
        Status: {
          type: 'string',
          enum: ['active', 'archived'],
          description: 'Where the widget is in its life.',
        },
        Widget: {
          type: 'object',
          required: ['id', 'name', 'status'],
          properties: {
            id: { type: 'string', example: 'wid_1' },
            name: { type: 'string' },
            status: { $ref: '#/components/schemas/Status' },
            color: { $ref: '#/components/schemas/Color' },
            size: { type: 'integer' },
            note: { type: ['string', 'null'] },
          },
        },
        WidgetCreate: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            color: { $ref: '#/components/schemas/Color' },
            size: { type: 'integer' },
          },
        },
        PageInfo: {
          type: 'object',
          required: ['has_next_page', 'end_cursor'],
          properties: { has_next_page: { type: 'boolean' }, end_cursor: { type: ['string', 'null'] } },
        },
        Error: { type: 'object', properties: { message: { type: 'string' } } },
      },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  };
}

export const acmeConfig = (enums: 'open' | 'closed') => ({
  packageName: '@sdkgen-test/acme',
  version: '1.4.2',
  clientName: 'Acme',
  sources: [{ file: 'openapi.yaml', upstream: 'http://127.0.0.1:9/never-fetched-in-tests.yaml' }],
  include: 'all',
  pagination: [
    {
      operation: 'listWidgets',
      style: 'cursor',
      items: 'data',
      pageInfo: 'page_info',
      hasNextPage: 'has_next_page',
      endCursor: 'end_cursor',
      afterParam: 'after',
    },
  ],
  enums,
});

/** A specs folder holding only the acme provider, vendoring `document`. */
export async function acmeSpecs(
  enums: 'open' | 'closed',
  document = acmeDocument(),
): Promise<{ specsDir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sdkgen-acme-'));
  const specsDir = path.join(dir, 'specs');
  await mkdir(path.join(specsDir, 'acme'), { recursive: true });
  await writeFile(
    path.join(specsDir, 'acme', 'sdkgen.json'),
    `${JSON.stringify(acmeConfig(enums), null, 2)}\n`,
  );
  await writeFile(path.join(specsDir, 'acme', 'openapi.yaml'), toYaml(document));
  return { specsDir, remove: () => rm(dir, { recursive: true, force: true }) };
}
