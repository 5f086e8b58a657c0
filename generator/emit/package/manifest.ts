import { allResources } from '../../model/all-resources.js';
import type { ApiModel, OperationModel, ResourceModel, ResponseModel } from '../../model/types.js';

/**
 * `manifest.json`: every operation of the document and the call that makes it, as data, so tools, docs and tests
 * (the corpus wire test) need not parse markdown or TypeScript. Versioned by `format`; ordered as the resources and
 * methods are, so the file is byte-deterministic.
 */
export interface Manifest {
  format: 'sdkgen-manifest/1';
  packageName: string;
  clientName: string;
  operations: ManifestOperation[];
}

export interface ManifestOperation {
  operationId: string;
  method: string;
  /** The Paths Object key, as the document writes it (a `#fragment` included). */
  path: string;
  /** JSON pointer of the operation in the (merged) document. */
  pointer: string;
  /** `client.<resource>.<method>`. */
  call: string;
  /** The standalone function making the same request, and the module it is imported from. */
  function: { name: string; module: string };
  /** The resource's path from the client, dot-separated for nested ones (`affiliates.overrides`). */
  resource: string;
  methodName: string;
  /** The method's arguments, in order: the last path parameter is positional, the others are params fields. */
  arguments: ManifestArgument[];
  /** Every request media type the document declares, the one the method sends first. */
  requestMediaTypes: string[];
  responseMediaTypes: string[];
  /** The Accept header the method sends. */
  accept: string;
  /**
   * Each request media type the method can send, the default first: the request options that select it (merge
   * them into the options argument) and the arguments it takes. Empty when the operation has no body.
   */
  requestBodies: { mediaType: string; options: { contentType?: string }; arguments: ManifestArgument[] }[];
  /** Each media type the response can be asked for, the default first, with the options that ask and the result. */
  accepts: { mediaType: string; options: { accept?: string }; returns: string }[];
  /** What the method resolves to: json, text, binary, none, sse, ndjson, or page (a list). */
  returns: string;
  paginated: boolean;
}

export type ManifestArgument =
  | { kind: 'path'; name: string; wireName: string }
  | { kind: 'body'; required: boolean; mediaType: string }
  | {
      kind: 'params';
      required: boolean;
      fields: { name: string; in: 'path' | 'query' | 'header' | 'cookie' | 'body' }[];
    }
  | { kind: 'options' };

export function buildManifest(model: ApiModel): Manifest {
  return {
    format: 'sdkgen-manifest/1',
    packageName: model.package.name,
    clientName: model.client.className,
    operations: allResources(model.resources).flatMap((resource) =>
      resource.operations.map((op) => manifestOperation(model.package.name, resource, op)),
    ),
  };
}

export function emitManifest(model: ApiModel): string {
  return `${JSON.stringify(buildManifest(model), null, 2)}\n`;
}

function manifestOperation(
  packageName: string,
  resource: ResourceModel,
  op: OperationModel,
): ManifestOperation {
  return {
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    pointer: op.pointer,
    call: `client.${resource.accessor}.${op.methodName}`,
    function: { name: op.functionName, module: `${packageName}/funcs/${op.functionFile}` },
    resource: resource.accessor,
    methodName: op.methodName,
    arguments: callArguments(op),
    requestMediaTypes: op.requestMediaTypes,
    responseMediaTypes: op.responseMediaTypes,
    accept: op.accept,
    requestBodies: [
      ...(op.body ? [{ mediaType: op.body.contentType, options: {}, arguments: callArguments(op) }] : []),
      ...op.requestForms.map((form) => ({
        mediaType: form.body.contentType,
        options: { contentType: form.body.contentType },
        arguments: callArguments({ ...op, body: form.body, params: form.params }),
      })),
    ],
    accepts: op.responseForms.length
      ? op.responseForms.map((form, index) => ({
          mediaType: form.mediaType,
          options: index === 0 ? {} : { accept: form.mediaType },
          returns: returns(form.response),
        }))
      : [{ mediaType: op.accept, options: {}, returns: callReturns(op) }],
    returns: callReturns(op),
    paginated: op.call.kind === 'paginated',
  };
}

function callReturns(op: OperationModel): string {
  return op.call.kind === 'paginated' ? 'page' : returns(op.call.response);
}

function returns(response: ResponseModel): string {
  return response.kind === 'stream' ? response.format : response.kind;
}

function callArguments(op: OperationModel): ManifestArgument[] {
  const args: ManifestArgument[] = op.pathParams
    .filter((p) => p.positional)
    .map((p) => ({ kind: 'path', name: p.argName, wireName: p.wireName }));
  if (op.body?.kind === 'whole')
    args.push({ kind: 'body', required: op.body.required, mediaType: op.body.contentType });
  if (op.params) {
    const fields = [
      ...op.pathParams.filter((p) => !p.positional).map((p) => ({ name: p.wireName, in: 'path' as const })),
      ...op.optionParams.map((p) => ({ name: p.wireName, in: p.in })),
      ...(op.body?.kind === 'flattened'
        ? op.body.properties.map((name) => ({ name, in: 'body' as const }))
        : op.body?.kind === 'field'
          ? [{ name: 'body', in: 'body' as const }]
          : []),
    ];
    args.push({ kind: 'params', required: op.params.required, fields });
  }
  args.push({ kind: 'options' });
  return args;
}
