import type { ApiModel, OperationModel, ResourceModel } from '../../model/types.js';

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
  resource: string;
  methodName: string;
  /** The method's positional arguments, in order. */
  arguments: ManifestArgument[];
  requestMediaTypes: string[];
  responseMediaTypes: string[];
  /** What the method resolves to. */
  returns: string;
  paginated: boolean;
}

export type ManifestArgument =
  | { kind: 'path'; name: string; wireName: string }
  | { kind: 'body'; required: boolean; mediaType: string }
  | { kind: 'params'; required: boolean; fields: { name: string; in: 'query' | 'header' | 'cookie' | 'body' }[] }
  | { kind: 'options' };

export function buildManifest(model: ApiModel, settings: { packageName: string; clientName: string }): Manifest {
  return {
    format: 'sdkgen-manifest/1',
    packageName: settings.packageName,
    clientName: settings.clientName,
    operations: model.resources.flatMap((resource) => resource.operations.map((op) => manifestOperation(resource, op))),
  };
}

export function emitManifest(model: ApiModel, settings: { packageName: string; clientName: string }): string {
  return `${JSON.stringify(buildManifest(model, settings), null, 2)}\n`;
}

function manifestOperation(resource: ResourceModel, op: OperationModel): ManifestOperation {
  return {
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    pointer: op.pointer,
    call: `client.${resource.propertyName}.${op.methodName}`,
    resource: resource.propertyName,
    methodName: op.methodName,
    arguments: callArguments(op),
    requestMediaTypes: op.body ? [op.body.contentType] : [],
    responseMediaTypes: op.responseKind === 'none' ? [] : [op.responseKind],
    returns: op.pagination ? 'page' : op.responseKind,
    paginated: op.pagination !== undefined,
  };
}

function callArguments(op: OperationModel): ManifestArgument[] {
  const args: ManifestArgument[] = op.pathParams.map((p) => ({ kind: 'path', name: p.argName, wireName: p.wireName }));
  if (op.body && !op.body.flattened) args.push({ kind: 'body', required: op.body.required, mediaType: op.body.contentType });
  if (op.paramsTypeName) {
    const fields = [
      ...op.optionParams.map((p) => ({ name: p.wireName, in: p.in as 'query' | 'header' | 'cookie' })),
      ...(op.body?.flattened ? op.body.properties.map((name) => ({ name, in: 'body' as const })) : []),
    ];
    args.push({ kind: 'params', required: op.paramsRequired, fields });
  }
  args.push({ kind: 'options' });
  return args;
}
