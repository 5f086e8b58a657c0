import { move, param, readItems, type PageState, type PageStyle, type Style } from './shared.js';

/** Page numbers (Pismo): stops on a short or empty page, since nothing else says the last page was reached. */
export function pageNumberPages(spec: Style<'page_number'>): PageStyle {
  return {
    spec,
    next(state) {
      const items = readItems(spec, state.body);
      const size = Number(param(state.request, spec.sizeParam) ?? spec.defaultSize);
      if (items.length === 0 || items.length < size) return undefined;
      return move(state.request, { [spec.pageParam]: pageOf(spec, state) + 1 }, spec.pageParam);
    },
    previous(state) {
      const page = pageOf(spec, state);
      return page > spec.firstPage
        ? move(state.request, { [spec.pageParam]: page - 1 }, spec.pageParam)
        : undefined;
    },
  };
}

function pageOf(spec: Style<'page_number'>, state: PageState): number {
  return Number(param(state.request, spec.pageParam) ?? spec.firstPage);
}
