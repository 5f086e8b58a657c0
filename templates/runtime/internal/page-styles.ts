import type { PaginationSpec } from '../pagination.js';
import { cursorPages } from './pages/cursor.js';
import { hasMorePages } from './pages/has-more.js';
import { linkHeaderPages } from './pages/link-header.js';
import { nextCursorPages } from './pages/next-cursor.js';
import { offsetPages } from './pages/offset.js';
import { pageNumberPages } from './pages/page-number.js';
import type { PageState, PageStyle, Step } from './pages/shared.js';

export { parseLinks } from './pages/link-header.js';
export type { PageState, PageStyle, Step } from './pages/shared.js';

/**
 * The style for a declaration given as data. Generated code imports the one style each operation uses instead,
 * so that bundles carry only those; this is for callers that hold a declaration (tests, hand-written clients).
 */
export function pageStyle(spec: PaginationSpec): PageStyle {
  switch (spec.style) {
    case 'cursor':
      return cursorPages(spec);
    case 'has_more':
      return hasMorePages(spec);
    case 'page_number':
      return pageNumberPages(spec);
    case 'offset':
      return offsetPages(spec);
    case 'next_cursor':
      return nextCursorPages(spec);
    case 'link_header':
      return linkHeaderPages(spec);
  }
}

export const nextStep = (spec: PaginationSpec, state: PageState): Step => pageStyle(spec).next(state);
export const previousStep = (spec: PaginationSpec, state: PageState): Step => pageStyle(spec).previous(state);
