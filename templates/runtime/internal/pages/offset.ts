import { at, emptyClaim, move, param, readItems, type PageStyle, type Style } from './shared.js';

/** Offset and limit: stops at `total` when the body has one, otherwise on a short or empty page. */
export function offsetPages(spec: Style<'offset'>): PageStyle {
  return {
    spec,
    next(state) {
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
    },
    previous(state) {
      const offset = Number(param(state.request, spec.offsetParam) ?? 0);
      const limit = Number(param(state.request, spec.limitParam) ?? spec.defaultLimit);
      return offset > 0
        ? move(state.request, { [spec.offsetParam]: Math.max(0, offset - limit) }, spec.offsetParam)
        : undefined;
    },
  };
}
