import { at, emptyClaim, move, readItems, type PageStyle, type Style } from './shared.js';

/** The body names the next cursor (`meta.next`); the last page has none. Forward only. */
export function nextCursorPages(spec: Style<'next_cursor'>): PageStyle {
  return {
    spec,
    next(state) {
      const cursor = at(state.body, spec.nextCursor);
      if (cursor === undefined || cursor === null || cursor === '') return undefined;
      if (readItems(spec, state.body).length === 0) return emptyClaim();
      return move(state.request, { [spec.cursorParam]: cursor }, spec.cursorParam);
    },
    previous: () => undefined,
  };
}
