import { describe, expect, it } from 'vitest';
import { emitFunction } from '../../../generator/emit/resources/emit-function.js';
import { emitResource } from '../../../generator/emit/resources/emit-resource.js';
import { printStructures } from '../../../generator/emit/resources/print.js';
import { operation, pathParam, queryParam, resource, TEST_DOCS } from '../../support/model-builders.js';

/** The resource module and its functions' modules, printed one after another. */
const print = (r: ReturnType<typeof resource>) =>
  [
    ...printStructures(
      new Map([
        ['r.ts', emitResource(r, TEST_DOCS)],
        ...r.operations.map((op) => [`${op.functionFile}.ts`, emitFunction(op, TEST_DOCS)] as const),
      ]),
    ).values(),
  ].join('\n');

describe('wire parts of a generated method', () => {
  it('a JSON-only operation imports no wire module and sends no Accept of its own', () => {
    const text = print(
      resource({
        operations: [
          operation({ optionParams: [queryParam('limit')], params: { typeName: 'P', required: false } }),
        ],
      }),
    );
    expect(text).not.toMatch(/styles\.js|form\.js|multipart\.js|raw-body\.js|sse\.js|ndjson\.js|uploads\.js/);
    expect(text).not.toContain('accept:');
    expect(text).toContain('query: params ?? {}');
  });

  it('styled query, header, cookie and path parameters go through the styles module', () => {
    const text = print(
      resource({
        operations: [
          operation({
            path: '/c/{id}',
            urlPath: '/c/{id}',
            pathParams: [{ ...pathParam('id'), serialization: { style: 'matrix', explode: true } }],
            optionParams: [
              queryParam('expand', { serialization: { style: 'deepObject', arrays: 'indices' } }),
              queryParam('q'),
              {
                wireName: 'X-Obj',
                in: 'header',
                required: false,
                pointer: '#/x',
                serialization: { style: 'simple', explode: true },
              },
              {
                wireName: 'session',
                in: 'cookie',
                required: false,
                pointer: '#/x',
                serialization: { style: 'form', explode: true },
              },
            ],
            params: { typeName: 'P', required: false },
          }),
        ],
      }),
    );
    expect(text).toContain(
      `import { styledCookies, styledHeader, styledPath, styledQuery } from '../core/internal/styles.js';`,
    );
    expect(text).toContain('path: path`/c/${styledPath("id", id, {"style":"matrix","explode":true})}`');
    expect(text).toContain('query: { "q": p.q }');
    expect(text).toContain(
      'encodedQuery: styledQuery([["expand", p.expand, {"style":"deepObject","arrays":"indices"}]])',
    );
    expect(text).toContain(`"X-Obj": styledHeader(p["X-Obj"], {"style":"simple","explode":true})`);
    expect(text).toContain(
      `Cookie: styledCookies([["session", p.session, {"style":"form","explode":true}]])`,
    );
  });

  it('a form body is encoded by formBody with its field encodings and media type; JSON keeps its declared type', () => {
    const text = print(
      resource({
        operations: [
          operation({
            method: 'post',
            methodName: 'create',
            params: { typeName: 'P', required: true },
            body: {
              kind: 'flattened',
              encoding: 'form',
              contentType: 'application/x-www-form-urlencoded',
              required: true,
              properties: ['metadata'],
              fieldEncodings: { metadata: { style: 'deepObject' } },
            },
          }),
          operation({
            method: 'patch',
            methodName: 'update',
            body: {
              kind: 'whole',
              encoding: 'json',
              contentType: 'application/json-patch+json',
              required: true,
              type: { kind: 'builtin', text: 'unknown[]' },
            },
          }),
        ],
      }),
    );
    expect(text).toContain(
      `content: () => formBody({ "metadata": p.metadata }, {"metadata":{"style":"deepObject"}}, "application/x-www-form-urlencoded")`,
    );
    expect(text).toContain(`body: body, contentType: "application/json-patch+json"`);
  });

  it('a stream response returns a typed Stream decoded by its format, with its Accept; a fragment never reaches the path', () => {
    const text = print(
      resource({
        operations: [
          operation({
            path: '/files/{id}#shared',
            urlPath: '/files/{id}',
            pathParams: [pathParam('id')],
            accept: 'text/event-stream',
            call: {
              kind: 'request',
              response: { kind: 'stream', format: 'sse', item: { kind: 'model', name: 'Chunk' }, json: true },
            },
          }),
        ],
      }),
    );
    expect(text).toContain('APIPromise<Stream<ServerSentEvent<Chunk>>>');
    expect(text).toContain('path: path`/files/${id}`');
    expect(text).toContain(`accept: "text/event-stream", stream: true`);
    expect(text).toContain('(response) => sseStream<Chunk>(response, true)');
    expect(text).toContain(`import { sseStream } from '../core/internal/sse.js';`);
    expect(text).toContain(`import type { ServerSentEvent, Stream } from '../core/streaming.js';`);
  });
});
