import { PaginationError } from '../../errors.js';
import type { PageRequest, PaginationSpec } from '../../pagination.js';

/** What a style needs to know about a fetched page. */
export interface PageState {
  body: unknown;
  response: Response;
  request: PageRequest;
  /** The URL the page was fetched from, to resolve and origin-check Link headers. */
  url: string;
}

/** undefined: no such page. `error`: the server claims one but its data cannot lead there safely. */
export type Step = { request: PageRequest } | { error: string } | undefined;

/**
 * One pagination style: its declaration, and how to reach the next and previous page. Each style is its own module,
 * imported by the operations that use it, so a bundle carries only the styles its app pages with.
 */
export interface PageStyle {
  spec: PaginationSpec;
  next(state: PageState): Step;
  previous(state: PageState): Step;
}

export type Style<S extends PaginationSpec['style']> = Extract<PaginationSpec, { style: S }>;

export function readItems(spec: PaginationSpec, body: unknown): unknown[] {
  const items = spec.items === undefined ? body : at(body, spec.items);
  if (!Array.isArray(items)) {
    throw new PaginationError(
      `Expected an array of items at ${spec.items ? `"${spec.items}"` : 'the top level'}.`,
    );
  }
  return items;
}

export function emptyClaim(): Step {
  return { error: 'The server claims another page after an empty one; stopping to avoid an endless loop.' };
}

/** `record.key`, for own keys only: a field named `constructor` in a spec must not find Object's. */
export function own(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null && Object.hasOwn(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

export function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>(own, value);
}

/** The effective value of a query parameter: request options override the operation's params. */
export function param(request: PageRequest, name: string): unknown {
  return own(request.options?.query, name) ?? own(request.spec.query, name);
}

/** An object for keys from the spec: assigning `__proto__` to it sets a key, not the prototype. */
export function record(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/**
 * A copy of the request with query changes applied (undefined deletes). The changed params are removed from the
 * caller's per-request `query` option, which would otherwise override them; everything else is kept.
 */
export function move(request: PageRequest, changes: Record<string, unknown>, keyParam: string): Step {
  const query = Object.assign(record(), request.spec.query);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete query[name];
    else query[name] = value;
  }
  let options = request.options;
  if (options?.query) {
    const callerQuery = Object.assign(record(), options.query);
    for (const name of Object.keys(changes)) delete callerQuery[name];
    options = { ...options, query: callerQuery };
  }
  return {
    request: { spec: { ...request.spec, query }, options, key: `${keyParam}=${String(changes[keyParam])}` },
  };
}
