// The arithmetic of a virtualised list of fixed-height rows: which rows to draw for a scroll
// position, how tall the spacers above and below them are, and which pages of rows they need.
// Kept apart from the component so that it can be tested without a browser.

export type WindowInput = {
  /** The scroll container's scrollTop, in px, measured from the first row's top. */
  scrollTop: number;
  /** The height of the visible part of the container, in px. */
  viewport: number;
  /** Every row's height, in px (> 0). */
  rowHeight: number;
  /** How many rows the list has. */
  total: number;
  /** Rows drawn beyond each edge of the visible part. */
  overscan: number;
  /** Rows per page fetched. */
  pageSize: number;
};

export type RowWindow = {
  /** The first row drawn (inclusive). */
  first: number;
  /** The last row drawn (inclusive); -1 when there is none. */
  last: number;
  /** Height of the spacer above the drawn rows, in px. */
  before: number;
  /** Height of the spacer below the drawn rows, in px. */
  after: number;
  /** The pages the drawn rows lie on, in order. */
  pages: number[];
};

const NOTHING: RowWindow = { first: 0, last: -1, before: 0, after: 0, pages: [] };

/** The page a row lies on. */
export function pageOf(index: number, pageSize: number): number {
  return Math.floor(index / pageSize);
}

/** The rows to draw for a scroll position, the spacers around them and the pages they need. */
export function visibleWindow(input: WindowInput): RowWindow {
  const total = Math.max(0, Math.floor(input.total));
  const rowHeight = input.rowHeight > 0 ? input.rowHeight : 1;
  const viewport = Math.max(0, input.viewport);
  const overscan = Math.max(0, Math.floor(input.overscan));
  const pageSize = Math.max(1, Math.floor(input.pageSize));
  if (total === 0) return NOTHING;

  // A scroll position past the end (the list just got shorter) shows the last rows.
  const maxTop = Math.max(0, total * rowHeight - viewport);
  const top = Math.min(Math.max(0, input.scrollTop), maxTop);

  const firstSeen = Math.floor(top / rowHeight);
  const lastSeen = Math.ceil((top + viewport) / rowHeight) - 1;
  const first = Math.min(total - 1, Math.max(0, firstSeen - overscan));
  const last = Math.min(total - 1, Math.max(first, lastSeen + overscan));

  const pages: number[] = [];
  for (let p = pageOf(first, pageSize); p <= pageOf(last, pageSize); p++) pages.push(p);
  return {
    first,
    last,
    before: first * rowHeight,
    after: (total - 1 - last) * rowHeight,
    pages,
  };
}

/**
 * Where a key scrolls the list: PageUp/PageDown by a screenful less one row (one row at
 * least), Home to the top, End to the bottom. Null for any other key.
 */
export function keyScroll(
  key: string,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  maxScrollTop: number,
): number | null {
  const step = Math.max(rowHeight, viewport - rowHeight);
  const max = Math.max(0, maxScrollTop);
  const clamp = (v: number) => Math.min(max, Math.max(0, v));
  switch (key) {
    case "PageDown":
      return clamp(scrollTop + step);
    case "PageUp":
      return clamp(scrollTop - step);
    case "Home":
      return 0;
    case "End":
      return max;
    default:
      return null;
  }
}
