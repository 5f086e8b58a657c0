import {
  camelCase,
  kebabCase,
  NameScope,
  pascalCase,
  safeIdentifier,
  singularize,
  words,
} from './identifiers.js';
import { nameMethods } from './method-names.js';
import type { RawOperation } from './raw-operations.js';
import { placeRoutes } from './resource-tree.js';
import type { Warning } from './types.js';

export interface ResourceGroup {
  /** Wire segments from the root (`['affiliates', 'overrides']`); a rename in the config is keyed by them joined with `/`. */
  path: string[];
  propertyName: string;
  className: string;
  fileName: string;
  singular: string;
  description?: string;
  operations: { raw: RawOperation; methodName: string }[];
  children: ResourceGroup[];
}

/** A node of the tree while it is being built: its operations and sub-resources by wire segment. */
interface Node {
  path: string[];
  operations: { raw: RawOperation; action?: string }[];
  children: Map<string, Node>;
}

/**
 * Groups operations into a resource tree by their paths (`resource-tree.ts`) and names each operation
 * (`method-names.ts`). Every name is claimed in a fixed order (sorted segments, parents before children) so the
 * output never depends on the document's key order. `clientMembers`: what a client property must not shadow;
 * `resourceMembers`: what a resource member (method or sub-resource) must not shadow.
 */
export function groupResources(
  operations: readonly RawOperation[],
  tagDescriptions: Map<string, string>,
  renames: Record<string, string>,
  isList: (raw: RawOperation) => boolean,
  reservedClassNames: Iterable<string>,
  clientMembers: readonly string[],
  resourceMembers: readonly string[],
  warnings: Warning[],
): ResourceGroup[] {
  const placements = placeRoutes(
    operations.map((raw) => ({ method: raw.method, path: raw.path, isList: isList(raw) })),
  );
  const root: Node = { path: [], operations: [], children: new Map() };
  operations.forEach((raw, i) => {
    const { resource, action } = placements[i]!;
    let node = root;
    for (const segment of resource) {
      if (!node.children.has(segment))
        node.children.set(segment, { path: [...node.path, segment], operations: [], children: new Map() });
      node = node.children.get(segment)!;
    }
    node.operations.push({ raw, ...(action ? { action } : {}) });
  });
  const classes = new NameScope(reservedClassNames);
  const files = new NameScope();
  const build = (nodes: Map<string, Node>, scope: NameScope, parentSingular: string): ResourceGroup[] =>
    [...nodes.keys()].sort().map((segment) => {
      const node = nodes.get(segment)!;
      const key = node.path.join('/');
      const base = Object.hasOwn(renames, key) ? renames[key]! : segment;
      const stem = parentSingular + (pascalCase(base) || 'Default');
      const lastWord = words(stem).at(-1) ?? stem;
      const singular = safeIdentifier(
        stem.slice(0, stem.length - lastWord.length) + singularize(lastWord),
        'pascal',
      );
      const className = classes.claim(safeIdentifier(stem, 'pascal'));
      const members = new NameScope(resourceMembers);
      // Sub-resources claim their property names before the methods: the tree's shape comes first.
      const children = build(node.children, members, singular);
      const named = nameMethods(
        node.operations.map(({ raw, action }) => ({
          method: raw.method,
          path: raw.path,
          isList: isList(raw),
          ...(raw.derivedId ? {} : { operationId: raw.operationId }),
          ...(action ? { action } : {}),
        })),
        node.path,
        members.snapshot(),
      );
      for (const warning of named.warnings)
        warnings.push({ pointer: node.operations[warning.index]!.raw.pointer, message: warning.message });
      const description = describe(node, tagDescriptions);
      return {
        path: node.path,
        propertyName: scope.claim(safeIdentifier(camelCase(base) || 'default')),
        className,
        fileName: files.claim(fileStem(stem)),
        singular,
        ...(description ? { description } : {}),
        operations: node.operations.map(({ raw }, i) => ({ raw, methodName: named.names[i]! })),
        children,
      };
    });
  return build(root.children, new NameScope(clientMembers), '');
}

/** File names are capped well under the 255 bytes a file system allows: a path segment may be very long. */
const MAX_FILE_STEM = 64;

function fileStem(base: string): string {
  const stem = kebabCase(base) || 'default';
  return stem.length <= MAX_FILE_STEM
    ? stem
    : stem.slice(0, MAX_FILE_STEM).replace(/-[^-]*$/, '') || stem.slice(0, MAX_FILE_STEM);
}

/** The description of the tag every operation of the resource shares, if there is one. */
function describe(node: Node, tagDescriptions: Map<string, string>): string | undefined {
  const tags = new Set(
    node.operations.map(({ raw }) =>
      Array.isArray(raw.op.tags)
        ? raw.op.tags.find((t: unknown) => typeof t === 'string' && t.trim())
        : undefined,
    ),
  );
  const [tag] = tags;
  return tags.size === 1 && typeof tag === 'string' ? tagDescriptions.get(tag) : undefined;
}
