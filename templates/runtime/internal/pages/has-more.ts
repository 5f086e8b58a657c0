import {
  at,
  emptyClaim,
  move,
  param,
  readItems,
  record,
  type PageState,
  type PageStyle,
  type Step,
  type Style,
} from './shared.js';

/** Stripe-style `has_more` with item ids as cursors (Decisionly). */
export function hasMorePages(spec: Style<'has_more'>): PageStyle {
  return {
    spec,
    next: (state) => hasMoreStep(spec, state, 'next'),
    previous: (state) => hasMoreStep(spec, state, 'previous'),
  };
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
  const changes = record();
  changes[paramName] = id;
  if (opposite) changes[opposite] = undefined;
  return move(state.request, changes, paramName);
}
