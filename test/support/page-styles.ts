import type { PaginationSpec } from '../../templates/runtime/pagination.js';
import { cursorPages } from '../../templates/runtime/internal/pages/cursor.js';
import { hasMorePages } from '../../templates/runtime/internal/pages/has-more.js';
import { linkHeaderPages } from '../../templates/runtime/internal/pages/link-header.js';
import { nextCursorPages } from '../../templates/runtime/internal/pages/next-cursor.js';
import { offsetPages } from '../../templates/runtime/internal/pages/offset.js';
import { pageNumberPages } from '../../templates/runtime/internal/pages/page-number.js';
import type { PageState, PageStyle, Step } from '../../templates/runtime/internal/pages/shared.js';

export { parseLinks } from '../../templates/runtime/internal/pages/link-header.js';
export type { PageState, PageStyle, Step } from '../../templates/runtime/internal/pages/shared.js';

/**
 * The style for a declaration given as data. Generated code imports the one style each operation uses instead,
 * so that bundles carry only those; this is for tests and the hand-written test client, and so lives here rather
 * than in the runtime that every package copies.
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
