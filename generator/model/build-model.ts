import { SpecError } from '../errors.js';
import { pointer, pointerSegment } from '../json-pointer.js';
import type { BundledDocument } from '../load/types.js';
import { collectEnums } from './enums.js';
import { NameScope, typeName } from './identifiers.js';
import { buildOperation, type OperationContext } from './operation.js';
import { inferPagination, verifyPagination } from './pagination.js';
import { paginationFromExtensions } from './pagination-extensions.js';
import { breakCompositionCycles, normalizeSchemaRefs } from './normalize.js';
import { listOperations, type RawOperation } from './raw-operations.js';
import { arrayItems, deref, schemaAtPath, schemaRefName } from './refs.js';
import { FUNCTION_LOCALS, FunctionNames } from './function-names.js';
import { groupResources, type ResourceGroup } from './resources.js';
import { webhookEvents } from './webhooks.js';
import { successSchema } from './responses.js';
import { readRuntimeSurface, runtimeDir } from './runtime-names.js';
import type {
  ApiModel,
  CallModel,
  InferredPagination,
  ClientModel,
  PackageModel,
  PaginationDeclaration,
  ResourceModel,
  RuntimeSurface,
  SecuritySchemeModel,
  VerifiedPagination,
  WebhooksModel,
  Warning,
} from './types.js';

/**
 * What the model takes from configuration: which operations, how they page and group, and the client and package
 * settings it folds in for the emitters. A provider config (`providers.ts`) is one; the model never imports it.
 */
export interface ModelOptions {
  configFile: string;
  include: string[] | 'all';
  pagination: PaginationDeclaration[];
  resources: Record<string, string>;
  clientName: string;
  packageName: string;
  version: string;
  description: string;
  envPrefix: string;
  credential: ClientModel['credential'];
  queryFormat: ClientModel['queryFormat'];
  errorMessagePaths: string[][];
  enums: ApiModel['enumStyle'];
  license: string;
  licenseHolder: string;
  toolchain: PackageModel['toolchain'];
  repository?: PackageModel['repository'];
  homepage?: string;
  bugs?: string;
  author?: string;
  /** Apply the pagination `sdkgen suggest` infers (once verified) to lists nothing declares; default true. */
  inferPagination?: boolean;
}

/**
 * Builds the model of one (merged, patched) document: operations grouped into resources, names, types, enums.
 * `runtime` is what the copied runtime core exports (read from `templates/runtime/` unless given).
 */
export function buildModel(
  bundled: BundledDocument,
  options: ModelOptions,
  runtime: RuntimeSurface = readRuntimeSurface(runtimeDir()),
): ApiModel {
  const { document } = normalizeSchemaRefs(bundled.document);
  const warnings: Warning[] = breakCompositionCycles(document);
  const all = listOperations(document, bundled.file);
  const operations = selectOperations(all, options);
  warnings.push(...notGenerated(operations));
  const schemes = securitySchemes(document, warnings);

  const reservedNames = [
    ...runtime.reservedTypeNames,
    options.clientName,
    `${options.clientName}Core`,
    `${options.clientName}Error`,
    'components',
    'ClientOptions',
  ];
  const types = new NameScope(reservedNames);
  const componentSchemas: Record<string, unknown> = document.components?.schemas ?? {};
  const componentTypeNames = new Map<string, string>();
  // A schema named like a runtime export or a global (`Error`, `Page`, `Response`) reads better as `ErrorSchema`
  // than as `Error2`; other collisions get the numeric suffix.
  const reserved = new NameScope(reservedNames);
  for (const key of Object.keys(componentSchemas).sort()) {
    const wanted = typeName(key);
    componentTypeNames.set(key, types.claim(reserved.has(wanted) ? `${wanted}Schema` : wanted));
  }

  const pagination = new Map<string, VerifiedPagination>();
  for (const declaration of options.pagination) {
    const raw = operations.find((op) => op.operationId === declaration.operation);
    if (!raw) {
      throw new SpecError(
        options.configFile,
        '',
        `pagination names operation "${declaration.operation}", which is not among the included operations`,
        'check the operationId',
      );
    }
    pagination.set(raw.operationId, verifyPagination(document, raw, declaration, options.configFile));
  }
  // Pagination a spec declares through Speakeasy or Fern extensions, unless the provider config says otherwise.
  for (const raw of operations) {
    const declared = pagination.has(raw.operationId) ? undefined : paginationFromExtensions(raw);
    if (declared) pagination.set(raw.operationId, verifyPagination(document, raw, declared, raw.source));
  }

  // Lists nothing declares page as `sdkgen suggest` infers, once the inference passes the same verification.
  const inferredPagination: InferredPagination[] = [];
  for (const raw of options.inferPagination === false ? [] : operations) {
    const inferred = pagination.has(raw.operationId) ? undefined : inferPagination(document, raw);
    if (!inferred) continue;
    try {
      pagination.set(
        raw.operationId,
        verifyPagination(document, raw, { operation: raw.operationId, ...inferred }, raw.source),
      );
      inferredPagination.push({ operationId: raw.operationId, style: inferred.style, pointer: raw.pointer });
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      warnings.push({
        pointer: raw.pointer,
        message: `inferred ${inferred.style} pagination not applied: ${error.problem}`,
      });
    }
  }

  const isList = (raw: RawOperation) =>
    pagination.has(raw.operationId) ||
    arrayItems(document, successSchema(document, raw)) !== undefined ||
    inferPagination(document, raw) !== undefined;
  const tagDescriptions = new Map<string, string>(
    (Array.isArray(document.tags) ? document.tags : [])
      .filter((t: any) => typeof t?.description === 'string')
      .map((t: any) => [t.name, t.description]),
  );
  // `client.webhooks` is the webhook helper when the document declares webhooks: a `/webhooks` resource yields.
  const clientMembers = webhookEvents(document).events.length
    ? [...runtime.clientMembers, 'webhooks']
    : runtime.clientMembers;
  const groups = groupResources(
    operations,
    tagDescriptions,
    options.resources,
    isList,
    types.snapshot(),
    clientMembers,
    runtime.resourceMembers,
    warnings,
  );
  const claimClasses = (list: ResourceGroup[]): void =>
    list.forEach((group) => (types.claim(group.className), claimClasses(group.children)));
  claimClasses(groups);

  const synthesized = new Map<string, unknown>();
  const deepArrays = options.queryFormat.arrays === 'indices' ? 'indices' : 'brackets';
  const ctx: OperationContext = {
    document,
    schemes,
    componentTypeNames,
    types,
    synthesized,
    errorSchemas: [],
    warnings,
    deepArrays,
  };
  const functions = new FunctionNames([
    ...runtime.reservedTypeNames,
    ...runtime.internalNames,
    ...FUNCTION_LOCALS,
  ]);
  const toResource = (group: ResourceGroup, parent = ''): ResourceModel => ({
    propertyName: group.propertyName,
    accessor: parent ? `${parent}.${group.propertyName}` : group.propertyName,
    className: group.className,
    fileName: group.fileName,
    singular: group.singular,
    ...(group.description ? { description: group.description } : {}),
    operations: group.operations.map(({ raw, methodName }) => ({
      ...buildOperation(raw, methodName, group.singular, ctx, (response): CallModel => {
        const paging = pagination.get(raw.operationId);
        if (!paging) return { kind: 'request', response };
        // Verification found a JSON success schema, so the response is a model type.
        if (response.kind !== 'json' || response.type.kind !== 'model')
          throw new Error(`${raw.operationId}: a verified list has a JSON response`);
        const pageStyle = runtime.pageStyles[paging.style];
        if (!pageStyle)
          throw new SpecError(
            options.configFile,
            raw.pointer,
            `the runtime has no module for pagination style "${paging.style}"`,
            'use a style templates/runtime/internal/pages/ implements',
          );
        return {
          kind: 'paginated',
          pagination: paging,
          pageStyle,
          itemTypeName: itemTypeName(raw, paging, methodName, group.singular, ctx),
          pageTypeName: response.type.name,
        };
      }),
      ...functions.claim(group.className, methodName),
    })),
    children: group.children.map((child) =>
      toResource(child, parent ? `${parent}.${group.propertyName}` : group.propertyName),
    ),
  });
  const resources = groups.map((group) => toResource(group));
  const webhooks = buildWebhooks(document, ctx);

  const errorTypeName = ctx.errorSchemas.length ? types.claim('ErrorBody') : undefined;
  if (errorTypeName) synthesized.set(errorTypeName, errorUnion(ctx.errorSchemas));
  const errorClasses = {
    httpClasses: runtime.errorClasses.http,
    otherClasses: runtime.errorClasses.other,
    baseName: `${options.clientName}Error`,
  };

  const named = new Map<string, { typeName: string; schema: unknown }>();
  for (const [key, name] of componentTypeNames)
    named.set(key, { typeName: name, schema: componentSchemas[key] });
  const synthesizedKeys = new Map<string, string>();
  for (const [name, schema] of synthesized) {
    let key = name;
    while (Object.hasOwn(componentSchemas, key)) key = `${key}_`;
    synthesizedKeys.set(name, key);
    named.set(key, { typeName: name, schema });
  }
  const enums = collectEnums(named, types);

  return {
    title: String(document.info?.title ?? options.clientName),
    version: String(document.info?.version ?? ''),
    ...(typeof document.info?.description === 'string' ? { description: document.info.description } : {}),
    defaultBaseURL: defaultServer(document),
    client: {
      className: options.clientName,
      coreClassName: `${options.clientName}Core`,
      version: options.version,
      envPrefix: options.envPrefix,
      credential: options.credential,
      queryFormat: options.queryFormat,
      errorMessagePaths: options.errorMessagePaths,
    },
    package: packageModel(options),
    enumStyle: options.enums,
    inferredPagination: inferredPagination.sort((a, b) => (a.operationId < b.operationId ? -1 : 1)),
    defaultSecurity: defaultSecurity(resources),
    ...(webhooks ? { webhooks } : {}),
    securitySchemes: schemes,
    resources,
    types: [...named].map(([schemaKey, { typeName: name, schema }]) => ({
      name,
      schemaKey,
      synthesized: synthesized.has(name) && synthesizedKeys.get(name) === schemaKey,
      ...(typeof (schema as any)?.description === 'string'
        ? { description: (schema as any).description }
        : {}),
    })),
    enums,
    errors: errorTypeName
      ? { kind: 'typed', bodyTypeName: errorTypeName, ...errorClasses }
      : { kind: 'untyped', ...errorClasses },
    typesDocument: {
      openapi: document.openapi,
      info: document.info ?? { title: options.clientName, version: '0' },
      paths: {},
      // Schemas only: every schema $ref points into components.schemas once normalized, and the other component
      // sections would only give openapi-typescript more to type that no export uses.
      components: {
        schemas: {
          ...componentSchemas,
          ...Object.fromEntries(
            [...synthesized].map(([name, schema]) => [synthesizedKeys.get(name)!, schema]),
          ),
        },
      },
    },
    warnings,
  };
}

/**
 * The event union of a 3.1 document's webhooks: a component body keeps its type name, an inline one gets
 * `<Event>WebhookEvent`. Webhooks without a JSON body are reported and left out.
 */
function buildWebhooks(document: any, ctx: OperationContext): WebhooksModel | undefined {
  const { events, skipped } = webhookEvents(document);
  ctx.warnings.push(...skipped);
  if (!events.length) return undefined;
  const members = events.map((event) => {
    const refName = schemaRefName(event.schema);
    if (refName && ctx.componentTypeNames.has(refName))
      return { name: event.name, typeName: ctx.componentTypeNames.get(refName)! };
    const name = ctx.types.claim(`${typeName(event.name)}WebhookEvent`);
    ctx.synthesized.set(name, event.schema);
    return { name: event.name, typeName: name };
  });
  const unionTypeName = ctx.types.claim('UnwrapWebhookEvent');
  ctx.synthesized.set(unionTypeName, { anyOf: events.map((e) => e.schema) });
  return { unionTypeName, events: members };
}

/** The security most operations use (the document's own, which merging pushed down), for undocumented requests. */
function defaultSecurity(resources: ResourceModel[]): string[][] {
  const counts = new Map<string, number>();
  const visit = (list: ResourceModel[]): void =>
    list.forEach((r) => {
      for (const op of r.operations)
        counts.set(JSON.stringify(op.security), (counts.get(JSON.stringify(op.security)) ?? 0) + 1);
      visit(r.children);
    });
  visit(resources);
  const [best] = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return best ? (JSON.parse(best[0]) as string[][]) : [];
}

/** What a client does not call, said out loud: callbacks are requests the API sends, not receives. */
function notGenerated(operations: RawOperation[]): Warning[] {
  const result: Warning[] = [];
  for (const raw of operations) {
    for (const name of Object.keys(raw.op.callbacks ?? {}).sort()) {
      result.push({
        pointer: `${raw.pointer}/callbacks/${pointerSegment(name)}`,
        message: 'callback not generated: the API sends it, a client does not call it',
      });
    }
  }
  return result;
}

function packageModel(options: ModelOptions): PackageModel {
  return {
    name: options.packageName,
    version: options.version,
    description: options.description,
    license: options.license,
    licenseHolder: options.licenseHolder,
    toolchain: options.toolchain,
    ...(options.repository !== undefined ? { repository: options.repository } : {}),
    ...(options.homepage !== undefined ? { homepage: options.homepage } : {}),
    ...(options.bugs !== undefined ? { bugs: options.bugs } : {}),
    ...(options.author !== undefined ? { author: options.author } : {}),
  };
}

function selectOperations(all: RawOperation[], options: ModelOptions): RawOperation[] {
  if (options.include === 'all') return all;
  const missing = options.include.filter((id) => !all.some((op) => op.operationId === id));
  if (missing.length) {
    throw new SpecError(
      options.configFile,
      '',
      `"include" names operations the spec does not have: ${missing.join(', ')}`,
      'check the operationIds in the spec',
    );
  }
  return all.filter((op) => options.include.includes(op.operationId));
}

function securitySchemes(document: any, warnings: Warning[]): Record<string, SecuritySchemeModel> {
  // Null prototype: a scheme may be named `__proto__`, which on a plain object would set the prototype instead.
  const result: Record<string, SecuritySchemeModel> = Object.create(null);
  for (const [name, raw] of Object.entries<any>(document.components?.securitySchemes ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const scheme = deref(document, raw);
    const at = pointer('components', 'securitySchemes', name);
    if (scheme?.type === 'http' && /^bearer$/i.test(scheme.scheme)) result[name] = { kind: 'bearer' };
    else if (scheme?.type === 'http' && /^basic$/i.test(scheme.scheme)) result[name] = { kind: 'basic' };
    else if (
      scheme?.type === 'apiKey' &&
      ['header', 'query', 'cookie'].includes(scheme.in) &&
      typeof scheme.name === 'string'
    ) {
      result[name] = { kind: 'apiKey', in: scheme.in, name: scheme.name };
    } else if (scheme?.type === 'oauth2' || scheme?.type === 'openIdConnect') {
      // Both end in an access token sent as a bearer token; obtaining it is the caller's job.
      result[name] = { kind: 'bearer' };
    } else {
      warnings.push({
        pointer: at,
        message: `security scheme type "${scheme?.type}${scheme?.scheme ? ' ' + scheme.scheme : ''}" is not supported; operations using only it are sent without auth`,
      });
    }
  }
  return result;
}

function defaultServer(document: any): string {
  const server = Array.isArray(document.servers) ? document.servers[0] : undefined;
  if (!server || typeof server.url !== 'string') return '';
  return server.url
    .replace(/\{([^}]+)\}/g, (match: string, name: string) => {
      const variables = server.variables && typeof server.variables === 'object' ? server.variables : {};
      const value = Object.hasOwn(variables, name) ? variables[name]?.default : undefined;
      return typeof value === 'string' ? value : match;
    })
    .replace(/\/$/, '');
}

function itemTypeName(
  raw: RawOperation,
  paging: VerifiedPagination,
  methodName: string,
  singular: string,
  ctx: OperationContext,
): string {
  const schema = successSchema(ctx.document, raw);
  const itemsPath = paging.items;
  const items = arrayItems(ctx.document, itemsPath ? schemaAtPath(ctx.document, schema, itemsPath) : schema);
  const refName = schemaRefName(items);
  if (refName && ctx.componentTypeNames.has(refName)) return ctx.componentTypeNames.get(refName)!;
  const name = ctx.types.claim(`${singular}${methodName.charAt(0).toUpperCase()}${methodName.slice(1)}Item`);
  ctx.synthesized.set(name, items ?? {});
  return name;
}

/** One schema for every documented error body; identical ones (common: the same inline error on every status) once. */
function errorUnion(schemas: unknown[]): unknown {
  const distinct = new Map<string, unknown>();
  for (const schema of schemas) distinct.set(JSON.stringify(schema), schema);
  const list = [...distinct.values()];
  return list.length === 1 ? list[0] : { anyOf: list };
}
