import { componentRef } from '../json-pointer.js';
import { allResources } from '../model/all-resources.js';
import { listOperations } from '../model/raw-operations.js';
import { bodyTypeText, errorTypeName, itemTypeName, responseTypeName } from '../model/facts.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import type { ProviderConfig } from '../providers.js';
import { ChangeSet, union, type DriftChange } from './changes.js';
import type { Direction } from './classify.js';
import { diffOperation, type OperationPair } from './diff-operation.js';
import type { SchemaContext } from './diff-schema.js';
import type { ProviderDocument } from './load-document.js';
import { diffSurface, methodName, type SurfaceDiff } from './surface.js';

export interface DocumentDiff {
  changes: DriftChange[];
  surface: SurfaceDiff;
}

/**
 * The semantic difference between the vendored and the upstream document of one provider, limited to the
 * operations the provider includes, each change with the exported names it touches.
 */
export async function diffDocuments(
  provider: ProviderConfig,
  before: ProviderDocument,
  after: ProviderDocument,
): Promise<DocumentDiff> {
  const changes = new ChangeSet();
  const oldOps = operationsOf(before.model);
  const newOps = operationsOf(after.model);
  const add = (
    kind: Parameters<ChangeSet['add']>[0]['facts']['kind'],
    location: string,
    message: string,
    extra: {
      operation?: string;
      direction?: Direction;
      before?: unknown;
      after?: unknown;
      types?: string[];
    } = {},
  ) => changes.add({ facts: { kind, direction: extra.direction ?? 'none' }, location, message, ...extra });

  for (const id of [...new Set([...before.operations.keys(), ...after.operations.keys()])].sort()) {
    const a = before.operations.get(id);
    const b = after.operations.get(id);
    if (!b) {
      const moved = listOperations(after.bundled.document, after.bundled.file).find(
        (op) => op.method === a!.method && op.path === a!.path,
      );
      const hint = moved
        ? `; upstream now calls it "${moved.operationId}": update "include" in sdkgen.json`
        : '';
      add('operation-removed', `${a!.method.toUpperCase()} ${a!.path}`, `operation ${id} removed${hint}`, {
        operation: id,
        types: ownTypes(oldOps.get(id)?.model, before.model),
      });
      continue;
    }
    if (!a) {
      add('operation-added', `${b.method.toUpperCase()} ${b.path}`, `operation ${id} added`, {
        operation: id,
        types: ownTypes(newOps.get(id)?.model, after.model),
      });
      continue;
    }
    const pair: OperationPair = {
      before: { raw: a, ...oldOps.get(id)! },
      after: { raw: b, ...newOps.get(id)! },
    };
    // Without its pagination the model names a list differently; the broken pagination is the change to report.
    if (after.paginationProblems.has(id)) pair.after.method = pair.before.method;
    const contexts = new Map<string, SchemaContext>();
    const contextFor = (direction: SchemaContext['direction']) => {
      if (!contexts.has(direction))
        contexts.set(direction, schemaContext(provider, before, after, changes, direction, id));
      return contexts.get(direction)!;
    };
    diffOperation(changes, pair, contextFor, errorTypeName(after.model) ?? errorTypeName(before.model));
    diffPagination(changes, before, after, id, `${b.method.toUpperCase()} ${b.path}`);
  }
  diffServers(changes, before, after);
  diffSecuritySchemes(changes, before.model, after.model);
  diffInfo(changes, before, after);

  const surface = await diffSurface(before.model, after.model);
  const list = changes.list();
  attributeMethods(list, oldOps, newOps);
  return { changes: [...list, ...unreachableExports(list, surface, before, after)], surface };
}

/** The types the model synthesizes for one operation: they come and go with it. */
function ownTypes(op: OperationModel | undefined, model: ApiModel): string[] {
  const names = op ? [op.params?.typeName, responseTypeName(op), itemTypeName(op), bodyTypeText(op)] : [];
  return names.filter((name): name is string => model.types.some((t) => t.synthesized && t.name === name));
}

function operationsOf(model: ApiModel): Map<string, { model: OperationModel; method: string }> {
  const result = new Map<string, { model: OperationModel; method: string }>();
  for (const resource of allResources(model.resources))
    for (const op of resource.operations)
      result.set(op.operationId, { model: op, method: methodName(resource.accessor, op) });
  return result;
}

function schemaContext(
  provider: ProviderConfig,
  before: ProviderDocument,
  after: ProviderDocument,
  changes: ChangeSet,
  direction: SchemaContext['direction'],
  operation: string,
): SchemaContext {
  const componentTypes = new Map<string, string>();
  for (const model of [before.model, after.model])
    for (const type of model.types) if (!type.synthesized) componentTypes.set(type.schemaKey, type.name);
  return {
    before: before.bundled.document,
    after: after.bundled.document,
    direction,
    operation,
    openEnums: provider.enums === 'open',
    changes,
    componentType: (key) => componentTypes.get(key),
    enumExports: (pointer) =>
      [...before.model.enums, ...after.model.enums]
        .filter((e) => e.pointer === pointer)
        .flatMap((e) => [e.typeName, e.valuesName]),
    visited: new Set(),
  };
}

function diffPagination(
  changes: ChangeSet,
  before: ProviderDocument,
  after: ProviderDocument,
  id: string,
  location: string,
): void {
  const problem = after.paginationProblems.get(id);
  if (problem && !before.paginationProblems.has(id)) {
    changes.add({
      facts: { kind: 'pagination-broken', direction: 'response' },
      location,
      message: `declared pagination no longer matches: ${problem}`,
      operation: id,
    });
    return;
  }
  const a = before.pagination.get(id);
  const b = after.pagination.get(id);
  if (a && b && JSON.stringify(a) !== JSON.stringify(b)) {
    changes.add({
      facts: { kind: 'pagination-changed', direction: 'response' },
      location,
      message: 'pagination changed',
      operation: id,
      before: a,
      after: b,
    });
  }
}

function diffServers(changes: ChangeSet, before: ProviderDocument, after: ProviderDocument): void {
  if (before.model.defaultBaseURL !== after.model.defaultBaseURL) {
    changes.add({
      facts: { kind: 'server-changed', direction: 'none' },
      location: 'servers',
      message: `default base URL ${before.model.defaultBaseURL || '(none)'} -> ${after.model.defaultBaseURL || '(none)'}`,
      before: before.model.defaultBaseURL,
      after: after.model.defaultBaseURL,
    });
  }
  const others = (doc: ProviderDocument) => JSON.stringify(doc.bundled.document.servers ?? []);
  if (before.model.defaultBaseURL === after.model.defaultBaseURL && others(before) !== others(after)) {
    changes.add({
      facts: { kind: 'description-changed', direction: 'none' },
      location: 'servers',
      message: 'servers list changed (the default is the same)',
      before: before.bundled.document.servers ?? [],
      after: after.bundled.document.servers ?? [],
    });
  }
}

function diffSecuritySchemes(changes: ChangeSet, before: ApiModel, after: ApiModel): void {
  const used = (model: ApiModel) =>
    new Set(allResources(model.resources).flatMap((r) => r.operations.flatMap((op) => op.security.flat())));
  for (const name of [...used(before)].filter((n) => used(after).has(n)).sort()) {
    const a = JSON.stringify(before.securitySchemes[name]);
    const b = JSON.stringify(after.securitySchemes[name]);
    if (a !== b)
      changes.add({
        facts: { kind: 'security-scheme-changed', direction: 'none' },
        location: `securitySchemes.${name}`,
        message: `security scheme ${name} changed how credentials are sent`,
        before: before.securitySchemes[name],
        after: after.securitySchemes[name],
      });
  }
}

function diffInfo(changes: ChangeSet, before: ProviderDocument, after: ProviderDocument): void {
  const info = (doc: ProviderDocument) => doc.bundled.document.info ?? {};
  for (const key of ['title', 'description', 'version'] as const) {
    const a = info(before)[key];
    const b = info(after)[key];
    if (a !== b)
      changes.add({
        facts: { kind: 'description-changed', direction: 'none' },
        location: `info.${key}`,
        message: `API ${key} changed`,
        before: a ?? null,
        after: b ?? null,
      });
  }
  const tags = (doc: ProviderDocument) =>
    new Map<string, string>((doc.bundled.document.tags ?? []).map((t: any) => [t?.name, t?.description]));
  const usedTags = new Set(
    [...before.operations.values(), ...after.operations.values()].flatMap((op) =>
      Array.isArray(op.op.tags) ? op.op.tags : [],
    ),
  );
  for (const tag of [...usedTags].sort()) {
    const a = tags(before).get(tag);
    const b = tags(after).get(tag);
    if (a !== b)
      changes.add({
        facts: { kind: 'description-changed', direction: 'none' },
        location: `tags.${tag}`,
        message: 'tag description changed',
        before: a ?? null,
        after: b ?? null,
      });
  }
}

function attributeMethods(
  changes: DriftChange[],
  oldOps: ReturnType<typeof operationsOf>,
  newOps: ReturnType<typeof operationsOf>,
): void {
  for (const change of changes) {
    change.affects.methods = union(
      [],
      change.operations.flatMap((id) =>
        [oldOps.get(id)?.method, newOps.get(id)?.method].filter((m): m is string => Boolean(m)),
      ),
    );
  }
}

/**
 * Exported types the surface diff shows changing that no change above accounts for: component schemas no included
 * operation uses, which the package still exports.
 */
function unreachableExports(
  changes: DriftChange[],
  surface: SurfaceDiff,
  before: ProviderDocument,
  after: ProviderDocument,
): DriftChange[] {
  const accounted = new Set(changes.flatMap((c) => c.affects.types));
  const used = new Set([...usedComponents(before), ...usedComponents(after)]);
  const components = new Set(
    [...before.model.types, ...after.model.types]
      .filter((t) => !t.synthesized && !used.has(t.schemaKey))
      .map((t) => t.name),
  );
  const set = new ChangeSet();
  const add = (
    names: string[],
    kind: 'export-added' | 'export-removed' | 'export-changed' | 'description-changed',
    message: string,
  ) => {
    for (const name of names.filter((n) => components.has(n) && !accounted.has(n))) {
      set.add({ facts: { kind, direction: 'none' }, location: name, message, types: [name] });
    }
  };
  add(
    surface.types.added,
    'export-added',
    'exported type added (a component schema no included operation uses)',
  );
  add(
    surface.types.removed,
    'export-removed',
    'exported type removed (a component schema no included operation uses)',
  );
  add(
    surface.types.changed,
    'export-changed',
    'exported type changed (a component schema no included operation uses)',
  );
  add(
    surface.types.docs,
    'description-changed',
    'doc comment changed (a component schema no included operation uses)',
  );
  return set.list();
}

/** Component schemas the included operations reach, following `$ref`s through components. */
function usedComponents(doc: ProviderDocument): Set<string> {
  const found = new Set<string>();
  const schemas = doc.bundled.document.components ?? {};
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 200) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const target = componentRef(value);
        if (!target || found.has(value)) continue;
        found.add(value);
        visit(schemas[target.section]?.[target.name], depth + 1);
      } else visit(value, depth + 1);
    }
  };
  for (const op of doc.operations.values())
    visit({ op: op.op, parameters: op.parameters.map((p) => p.param) }, 0);
  return new Set(
    [...found]
      .map(componentRef)
      .filter((t) => t?.section === 'schemas')
      .map((t) => t!.name),
  );
}
