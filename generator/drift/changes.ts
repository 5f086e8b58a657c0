import { classify, CLASS_ORDER, type ChangeClass, type ChangeFacts, type ChangeKind } from './classify.js';

/** One semantic difference between the vendored and the upstream document, as a client of the package sees it. */
export interface DriftChange {
  class: ChangeClass;
  kind: ChangeKind;
  /** Where: `GET /path query "name"`, `GET /path response.data[]`, or `Schema.field.sub` inside a component. */
  location: string;
  message: string;
  /** Included operationIds that reach the change, sorted. */
  operations: string[];
  /** Exported names of the generated package the change touches: types (and enum value arrays), methods. */
  affects: { types: string[]; methods: string[] };
  before?: unknown;
  after?: unknown;
}

export interface ChangeInput {
  facts: ChangeFacts;
  location: string;
  message: string;
  operation?: string;
  types?: readonly string[];
  before?: unknown;
  after?: unknown;
}

/**
 * Collects changes; the same change reached from several operations (a shared component) is kept once, with
 * every operation listed and the most severe class any of its uses implies.
 */
export class ChangeSet {
  private readonly byKey = new Map<string, DriftChange>();

  add(input: ChangeInput): void {
    const key = `${input.facts.kind}\u0000${input.location}\u0000${input.message}`;
    const cls = classify(input.facts);
    const existing = this.byKey.get(key);
    const change = existing ?? {
      class: cls,
      kind: input.facts.kind,
      location: input.location,
      message: input.message,
      operations: [],
      affects: { types: [], methods: [] },
      ...(input.before !== undefined ? { before: input.before } : {}),
      ...(input.after !== undefined ? { after: input.after } : {}),
    };
    if (CLASS_ORDER.indexOf(cls) < CLASS_ORDER.indexOf(change.class)) change.class = cls;
    if (input.operation) change.operations = union(change.operations, [input.operation]);
    change.affects.types = union(change.affects.types, input.types ?? []);
    this.byKey.set(key, change);
  }

  /** Every change, most severe first, then by location: the order of both reports. */
  list(): DriftChange[] {
    return [...this.byKey.values()].sort(
      (a, b) =>
        CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) ||
        compare(a.location, b.location) ||
        compare(a.kind, b.kind) ||
        compare(a.message, b.message),
    );
  }
}

export const union = (a: readonly string[], b: readonly string[]) =>
  [...new Set([...a, ...b])].filter(Boolean).sort();
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
