import { camelCase, kebabCase, memberName, NameScope, pascalCase, safeIdentifier, singularize, words } from './identifiers.js';
import type { RawOperation } from './raw-operations.js';

export interface ResourceGroup {
  key: string;
  propertyName: string;
  className: string;
  fileName: string;
  singular: string;
  description?: string;
  operations: { raw: RawOperation; methodName: string }[];
}

/**
 * Groups operations into resources by their first tag (or the first meaningful path segment) and gives each
 * operation a method name: the conventional verb (list, retrieve, create, update, delete) when it is unambiguous in
 * its resource, otherwise a name derived from the operationId.
 */
export function groupResources(
  operations: readonly RawOperation[],
  tagDescriptions: Map<string, string>,
  renames: Record<string, string>,
  isList: (raw: RawOperation) => boolean,
  reservedClassNames: Iterable<string>,
  /** Members of the client and resource base classes (`RuntimeSurface.clientMembers`): never shadowed. */
  clientMembers: readonly string[],
): ResourceGroup[] {
  const byKey = new Map<string, RawOperation[]>();
  for (const raw of operations) {
    const key = resourceKey(raw);
    byKey.set(key, [...(byKey.get(key) ?? []), raw]);
  }
  const properties = new NameScope(clientMembers);
  const classes = new NameScope(reservedClassNames);
  const files = new NameScope();
  const groups: ResourceGroup[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const ops = byKey.get(key)!;
    const base = Object.hasOwn(renames, key) ? renames[key]! : key;
    const propertyName = properties.claim(safeIdentifier(camelCase(base) || 'default'));
    const className = classes.claim(safeIdentifier(pascalCase(base) || 'Default', 'pascal'));
    const stem = pascalCase(base) || 'Default';
    const lastWord = words(stem).at(-1) ?? stem;
    const singular = safeIdentifier(stem.slice(0, stem.length - lastWord.length) + singularize(lastWord), 'pascal');
    groups.push({
      key,
      propertyName,
      className,
      fileName: files.claim(fileStem(base)),
      singular,
      ...(tagDescriptions.has(key) ? { description: tagDescriptions.get(key)! } : {}),
      operations: nameMethods(ops, key, isList, clientMembers),
    });
  }
  return groups;
}

/** File names are capped well under the 255 bytes a file system allows: a tag may be a paragraph of text. */
const MAX_FILE_STEM = 64;

function fileStem(base: string): string {
  const stem = kebabCase(base) || 'default';
  return stem.length <= MAX_FILE_STEM ? stem : stem.slice(0, MAX_FILE_STEM).replace(/-[^-]*$/, '') || stem.slice(0, MAX_FILE_STEM);
}

function resourceKey(raw: RawOperation): string {
  const tag = Array.isArray(raw.op.tags) ? raw.op.tags.find((t: unknown) => typeof t === 'string' && t.trim()) : undefined;
  if (tag) return tag;
  const segments = raw.path.split('/').filter((s) => s && !s.startsWith('{') && !/^(v\d+(\.\d+)*|api)$/i.test(s));
  return segments[0] ?? 'default';
}

function conventionalVerb(raw: RawOperation, isList: (raw: RawOperation) => boolean): string | undefined {
  const endsWithParam = /\/\{[^}]+\}\/?$/.test(raw.path);
  switch (raw.method) {
    case 'get':
      if (endsWithParam) return 'retrieve';
      return isList(raw) ? 'list' : undefined;
    case 'post':
      return endsWithParam ? undefined : 'create';
    case 'put':
    case 'patch':
      return endsWithParam ? 'update' : undefined;
    case 'delete':
      return endsWithParam ? 'delete' : undefined;
    default:
      return undefined;
  }
}

function nameMethods(ops: RawOperation[], resourceKeyName: string, isList: (raw: RawOperation) => boolean, clientMembers: readonly string[]) {
  const verbs = ops.map((raw) => conventionalVerb(raw, isList));
  const counts = new Map<string, number>();
  for (const verb of verbs) if (verb) counts.set(verb, (counts.get(verb) ?? 0) + 1);
  const scope = new NameScope(clientMembers);
  const wanted = ops.map((raw, i) => {
    const verb = verbs[i];
    return verb && counts.get(verb) === 1 ? verb : fromOperationId(raw, resourceKeyName);
  });
  // Conventional verbs claim first so an operationId-derived name never takes `list` from the real list.
  const order = ops.map((_, i) => i).sort((a, b) => Number(wanted[b] === verbs[b]) - Number(wanted[a] === verbs[a]) || a - b);
  const names: string[] = [];
  for (const i of order) names[i] = scope.claim(wanted[i]!);
  return ops.map((raw, i) => ({ raw, methodName: names[i]! }));
}

function fromOperationId(raw: RawOperation, resourceKeyName: string): string {
  const source = raw.derivedId ? `${raw.method} ${raw.path.replace(/[{}]/g, '')}` : raw.operationId;
  const opWords = words(source).map((w) => w.toLowerCase());
  const resourceWords = words(resourceKeyName).map((w) => w.toLowerCase());
  const prefixed = resourceWords.length > 0 && resourceWords.every((w, i) => opWords[i] === w) && opWords.length > resourceWords.length;
  const remaining = prefixed ? opWords.slice(resourceWords.length) : opWords;
  return memberName(remaining.join(' '));
}
