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

/** Relay-style cursors in a page-info object (Whop): the next page exists only when the server says so. */
export function cursorPages(spec: Style<'cursor'>): PageStyle {
  return {
    spec,
    next(state) {
      const info = at(state.body, spec.pageInfo);
      if (at(info, spec.hasNextPage) !== true) return undefined;
      return cursorStep(spec, state, at(info, spec.endCursor), 'forward');
    },
    previous(state) {
      if (!spec.hasPreviousPage || !spec.startCursor || !spec.beforeParam) return undefined;
      const info = at(state.body, spec.pageInfo);
      if (at(info, spec.hasPreviousPage) !== true) return undefined;
      return cursorStep(spec, state, at(info, spec.startCursor), 'backward');
    },
  };
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
  const changes = record();
  changes[paramName] = cursor;
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
