import { describe, expect, it } from "vitest";
import { keyScroll, pageOf, visibleWindow } from "./virtual";

const ROW = 49;
const base = { scrollTop: 0, viewport: 700, rowHeight: ROW, overscan: 10, pageSize: 100 };

describe("visibleWindow", () => {
  it("draws nothing and needs no page for an empty list", () => {
    expect(visibleWindow({ ...base, total: 0 })).toEqual({ first: 0, last: -1, before: 0, after: 0, pages: [] });
  });

  it("draws every row of a short list, with no spacers", () => {
    for (const total of [1, 6, 8, 12]) {
      const w = visibleWindow({ ...base, total });
      expect([w.first, w.last, w.before, w.after]).toEqual([0, total - 1, 0, 0]);
      expect(w.pages).toEqual([0]);
    }
  });

  it("draws at least the overscan before the container is measured", () => {
    const w = visibleWindow({ ...base, viewport: 0, total: 50 });
    expect([w.first, w.last]).toEqual([0, 9]);
    expect(w.after).toBe(40 * ROW);
  });

  it("draws the visible rows and the overscan at the top of a long list", () => {
    const w = visibleWindow({ ...base, total: 1000 });
    // 700 / 49 = 14.3: rows 0..14 are seen, ten more below.
    expect([w.first, w.last]).toEqual([0, 24]);
    expect(w.before).toBe(0);
    expect(w.after).toBe((1000 - 25) * ROW);
  });

  it("keeps the spacers and drawn rows exactly as tall as the whole list", () => {
    for (const scrollTop of [0, 123, 4_900, 48_951, 10_000_000]) {
      const total = 1000;
      const w = visibleWindow({ ...base, scrollTop, total });
      expect(w.before + (w.last - w.first + 1) * ROW + w.after).toBe(total * ROW);
    }
  });

  it("crosses a page boundary when the window straddles it", () => {
    // Row 100 at the top of the view: rows 90..124 are drawn, on pages 0 and 1.
    const w = visibleWindow({ ...base, scrollTop: 100 * ROW, total: 1000 });
    expect([w.first, w.last]).toEqual([90, 124]);
    expect(w.pages).toEqual([0, 1]);
  });

  it("ends at the last row when scrolled to the end, or past it", () => {
    const total = 1000;
    const end = total * ROW - base.viewport;
    for (const scrollTop of [end, end + 5_000]) {
      const w = visibleWindow({ ...base, scrollTop, total });
      expect(w.last).toBe(total - 1);
      expect(w.after).toBe(0);
      expect(w.first).toBe(Math.floor(end / ROW) - 10);
      expect(w.pages).toEqual([9]);
    }
  });

  it("draws a few dozen rows and needs one or two pages out of 100 000", () => {
    const total = 100_000;
    const middle = visibleWindow({ ...base, scrollTop: 50_000 * ROW + 7, total });
    expect(middle.first).toBe(49_990);
    expect(middle.last).toBe(50_024);
    expect(middle.pages).toEqual([499, 500]);
    expect(middle.before).toBe(49_990 * ROW);
    expect(middle.after).toBe((total - 1 - 50_024) * ROW);

    const end = visibleWindow({ ...base, scrollTop: total * ROW, total });
    expect(end.last).toBe(total - 1);
    expect(end.last - end.first + 1).toBeLessThan(40);
    expect(end.pages).toEqual([999]);
  });

  it("treats a negative scroll position (elastic scrolling) as the top", () => {
    const w = visibleWindow({ ...base, scrollTop: -80, total: 500 });
    expect(w.first).toBe(0);
    expect(w.before).toBe(0);
  });

  it("names the page a row lies on", () => {
    expect([pageOf(0, 100), pageOf(99, 100), pageOf(100, 100), pageOf(99_999, 100)]).toEqual([0, 0, 1, 999]);
  });
});

describe("keyScroll", () => {
  const max = 10_000;
  it("pages by a screenful less one row, within the list", () => {
    expect(keyScroll("PageDown", 0, 700, ROW, max)).toBe(700 - ROW);
    expect(keyScroll("PageUp", 1_000, 700, ROW, max)).toBe(1_000 - (700 - ROW));
    expect(keyScroll("PageUp", 100, 700, ROW, max)).toBe(0);
    expect(keyScroll("PageDown", max - 10, 700, ROW, max)).toBe(max);
  });

  it("moves at least one row when the view is tiny", () => {
    expect(keyScroll("PageDown", 0, 20, ROW, max)).toBe(ROW);
  });

  it("goes to either end with Home and End, and ignores other keys", () => {
    expect(keyScroll("Home", 5_000, 700, ROW, max)).toBe(0);
    expect(keyScroll("End", 0, 700, ROW, max)).toBe(max);
    expect(keyScroll("End", 0, 700, ROW, -5)).toBe(0);
    expect(keyScroll("ArrowDown", 0, 700, ROW, max)).toBeNull();
  });
});
