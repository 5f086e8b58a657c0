import { PaginationError } from '../errors.js';
import type { PageRequest, PaginationSpec } from '../pagination.js';

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

type Style<S extends PaginationSpec['style']> = Extract<PaginationSpec, { style: S }>;

export function readItems(spec: PaginationSpec, body: unknown): unknown[] {
  const items = spec.items === undefined ? body : at(body, spec.items);
  if (!Array.isArray(items)) {
    throw new PaginationError(
      `Expected an array of items at ${spec.items ? `"${spec.items}"` : 'the top level'}.`,
    );
  }
  return items;
}

export function nextStep(spec: PaginationSpec, state: PageState): Step {
  switch (spec.style) {
    case 'cursor': {
      const info = at(state.body, spec.pageInfo);
      if (at(info, spec.hasNextPage) !== true) return undefined;
      return cursorStep(spec, state, at(info, spec.endCursor), 'forward');
    }
    case 'has_more':
      return hasMoreStep(spec, state, 'next');
    case 'page_number': {
      const items = readItems(spec, state.body);
      const size = Number(param(state.request, spec.sizeParam) ?? spec.defaultSize);
      if (items.length === 0 || items.length < size) return undefined;
      return move(state.request, { [spec.pageParam]: pageOf(spec, state) + 1 }, spec.pageParam);
    }
    case 'offset': {
      const items = readItems(spec, state.body);
      const offset = Number(param(state.request, spec.offsetParam) ?? 0);
      const total = spec.total === undefined ? undefined : at(state.body, spec.total);
      if (typeof total === 'number') {
        if (offset + items.length >= total) return undefined;
        if (items.length === 0) return emptyClaim();
      } else if (
        items.length === 0 ||
        items.length < Number(param(state.request, spec.limitParam) ?? spec.defaultLimit)
      ) {
        return undefined;
      }
      return move(state.request, { [spec.offsetParam]: offset + items.length }, spec.offsetParam);
    }
    case 'next_cursor': {
      const cursor = at(state.body, spec.nextCursor);
      if (cursor === undefined || cursor === null || cursor === '') return undefined;
      if (readItems(spec, state.body).length === 0) return emptyClaim();
      return move(state.request, { [spec.cursorParam]: cursor }, spec.cursorParam);
    }
    case 'link_header':
      return linkStep(spec, state, 'next');
  }
}

export function previousStep(spec: PaginationSpec, state: PageState): Step {
  switch (spec.style) {
    case 'cursor': {
      if (!spec.hasPreviousPage || !spec.startCursor || !spec.beforeParam) return undefined;
      const info = at(state.body, spec.pageInfo);
      if (at(info, spec.hasPreviousPage) !== true) return undefined;
      return cursorStep(spec, state, at(info, spec.startCursor), 'backward');
    }
    case 'has_more':
      return hasMoreStep(spec, state, 'previous');
    case 'page_number': {
      const page = pageOf(spec, state);
      return page > spec.firstPage
        ? move(state.request, { [spec.pageParam]: page - 1 }, spec.pageParam)
        : undefined;
    }
    case 'offset': {
      const offset = Number(param(state.request, spec.offsetParam) ?? 0);
      const limit = Number(param(state.request, spec.limitParam) ?? spec.defaultLimit);
      return offset > 0
        ? move(state.request, { [spec.offsetParam]: Math.max(0, offset - limit) }, spec.offsetParam)
        : undefined;
    }
    case 'next_cursor':
      return undefined;
    case 'link_header':
      return linkStep(spec, state, 'prev');
  }
}

/**
 * Sets the direction's cursor param and drops the other one. Relay servers read `first` with `after` and `last`
 * with `before`, so a page size the caller gave for one direction moves to the other when the direction turns.
 */
function cursorStep(
  spec: Style<'cursor'>,
  state: PageState,
  cursor: unknown,
  direction: 'forward' | 'backward',
): Step {
  if (readItems(spec, state.body).length === 0) return emptyClaim();
  if ((typeof cursor !== 'string' && typeof cursor !== 'number') || cursor === '') {
    return { error: 'The server claims another page but sent no cursor for it.' };
  }
  const [paramName, opposite] =
    direction === 'forward'
      ? [spec.afterParam, spec.beforeParam]
      : [spec.beforeParam ?? spec.afterParam, spec.afterParam];
  const changes: Record<string, unknown> = { [paramName]: cursor };
  if (opposite && opposite !== paramName) changes[opposite] = undefined;
  const [sizeParam, otherSize] =
    direction === 'forward' ? [spec.firstParam, spec.lastParam] : [spec.lastParam, spec.firstParam];
  if (
    sizeParam &&
    otherSize &&
    param(state.request, otherSize) !== undefined &&
    param(state.request, sizeParam) === undefined
  ) {
    changes[sizeParam] = param(state.request, otherSize);
    changes[otherSize] = undefined;
  }
  return move(state.request, changes, paramName);
}

/**
 * Forward by default: starting_after the last item. If the caller started with ending_before, "next" walks
 * backwards (ending_before the first item), as the server's has_more then refers to older items.
 */
function hasMoreStep(spec: Style<'has_more'>, state: PageState, direction: 'next' | 'previous'): Step {
  const backwards =
    spec.endingBeforeParam !== undefined && param(state.request, spec.endingBeforeParam) !== undefined;
  const items = readItems(spec, state.body);
  if (direction === 'next' && at(state.body, spec.hasMore) !== true) return undefined;
  if (direction === 'previous') {
    const cameFrom = backwards ? spec.endingBeforeParam : spec.startingAfterParam;
    if (!spec.endingBeforeParam || param(state.request, cameFrom ?? '') === undefined || items.length === 0)
      return undefined;
  }
  if (items.length === 0) return emptyClaim();
  const forward = (direction === 'next') !== backwards;
  const item = forward ? items[items.length - 1] : items[0];
  const id = at(item, spec.idField);
  if (typeof id !== 'string' && typeof id !== 'number')
    return { error: `Item has no "${spec.idField}" to page from.` };
  const paramName = forward ? spec.startingAfterParam : (spec.endingBeforeParam ?? spec.startingAfterParam);
  const opposite = forward ? spec.endingBeforeParam : spec.startingAfterParam;
  const changes: Record<string, unknown> = { [paramName]: id };
  if (opposite) changes[opposite] = undefined;
  return move(state.request, changes, paramName);
}

/** RFC 8288 links; only same-origin targets, so the credential is never sent to another host. */
function linkStep(spec: Style<'link_header'>, state: PageState, rel: 'next' | 'prev'): Step {
  const target = parseLinks(state.response.headers.get('link') ?? '', state.url).get(rel);
  if (target === undefined) return undefined;
  if (target.origin !== new URL(state.url).origin) {
    return { error: `Refusing to follow a "${rel}" link to another origin (${target.origin}).` };
  }
  if (rel === 'next' && readItems(spec, state.body).length === 0) return emptyClaim();
  return {
    request: {
      spec: state.request.spec,
      options: state.request.options,
      url: target.href,
      key: `url:${target.href}`,
    },
  };
}

export function parseLinks(header: string, base: string): Map<string, URL> {
  const links = new Map<string, URL>();
  for (const match of header.matchAll(/<([^>]*)>([^,<]*)/g)) {
    const rels =
      /;\s*rel\s*=\s*"?([^";]+)"?/i
        .exec(match[2] ?? '')?.[1]
        ?.toLowerCase()
        .split(/\s+/) ?? [];
    for (const rel of rels) {
      try {
        if (!links.has(rel)) links.set(rel, new URL(match[1] ?? '', base));
      } catch {
        // An unparseable link is as good as none.
      }
    }
  }
  return links;
}

function emptyClaim(): Step {
  return { error: 'The server claims another page after an empty one; stopping to avoid an endless loop.' };
}

function pageOf(spec: Style<'page_number'>, state: PageState): number {
  return Number(param(state.request, spec.pageParam) ?? spec.firstPage);
}

function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
      value,
    );
}

/** The effective value of a query parameter: request options override the operation's params. */
function param(request: PageRequest, name: string): unknown {
  return request.options?.query?.[name] ?? request.spec.query?.[name];
}

/**
 * A copy of the request with query changes applied (undefined deletes). The changed params are removed from the
 * caller's per-request `query` option, which would otherwise override them; everything else is kept.
 */
function move(request: PageRequest, changes: Record<string, unknown>, keyParam: string): Step {
  const query = { ...request.spec.query };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete query[name];
    else query[name] = value;
  }
  let options = request.options;
  if (options?.query) {
    const callerQuery = { ...options.query };
    for (const name of Object.keys(changes)) delete callerQuery[name];
    options = { ...options, query: callerQuery };
  }
  return {
    request: { spec: { ...request.spec, query }, options, key: `${keyParam}=${String(changes[keyParam])}` },
  };
}
