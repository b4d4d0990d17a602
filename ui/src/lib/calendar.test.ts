import { describe, expect, it } from "vitest";
import type { CalendarMonth } from "./bindings";
import { parseSolar, shiftMonth, weeks } from "./calendar";

// A hand-made month: `length` days, the first on `firstWeekday` (0 = Saturday).
// The weekdays are made up for the test, not taken from the real calendar.
function fixture(length: number, firstWeekday: number): CalendarMonth {
  const days = Array.from({ length }, (_, i) => {
    const weekday = (firstWeekday + i) % 7;
    const day = i + 1;
    const dd = String(day).padStart(2, "0");
    return {
      day,
      iso: `2026-01-${dd}`,
      solar: `1405/09/${dd}`,
      weekday,
      closed: weekday === 6 ? "جمعه" : null,
      today: day === 10,
    };
  });
  return { year: 1405, month: 9, title_fa: "آذر ۱۴۰۵", days };
}

describe("parseSolar", () => {
  it("reads Latin and Persian digits, with slashes or dashes", () => {
    expect(parseSolar("1405/9/2")).toEqual({ year: 1405, month: 9, day: 2 });
    expect(parseSolar("۱۴۰۵/۰۹/۰۲")).toEqual({ year: 1405, month: 9, day: 2 });
    expect(parseSolar("1405-09-02")).toEqual({ year: 1405, month: 9, day: 2 });
    expect(parseSolar("١٤٠٣/١٢/٣٠")).toEqual({ year: 1403, month: 12, day: 30 });
  });

  it("ignores spaces around the date", () => {
    expect(parseSolar("  1405/12/29 ")).toEqual({ year: 1405, month: 12, day: 29 });
    expect(parseSolar("\t۱۴۰۵/۱/۳۱\n")).toEqual({ year: 1405, month: 1, day: 31 });
  });

  it("refuses anything that is not a date", () => {
    for (const text of [
      "",
      "   ",
      "1405",
      "1405/09",
      "05/09/02",
      "1405/9/2/1",
      "1405 / 9 / 2",
      "1405/09-02",
      "1405.09.02",
      "1405/009/02",
      "1405/09/002",
      "x1405/09/02",
      "۱۴۰۵ آذر ۲",
    ]) {
      expect(parseSolar(text), text).toBeNull();
    }
  });

  it("checks month 1–12 and day 1–31", () => {
    expect(parseSolar("1405/0/10")).toBeNull();
    expect(parseSolar("1405/13/10")).toBeNull();
    expect(parseSolar("1405/09/0")).toBeNull();
    expect(parseSolar("1405/09/32")).toBeNull();
    expect(parseSolar("1405/12/31")).toEqual({ year: 1405, month: 12, day: 31 });
  });
});

describe("weeks", () => {
  it("lays a month out Saturday first with leading and trailing blanks", () => {
    const rows = weeks(fixture(30, 1)); // the 1st on a Sunday
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(7);
    expect(rows[0][0]).toBeNull();
    expect(rows[0][1]?.day).toBe(1);
    expect(rows[0][6]?.day).toBe(6);
    expect(rows[0][6]?.closed).toBe("جمعه");
    expect(rows[1].map((d) => d?.day)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(rows[4].map((d) => d?.day ?? null)).toEqual([28, 29, 30, null, null, null, null]);
  });

  it("puts each day in its weekday's column", () => {
    for (const row of weeks(fixture(31, 4))) {
      row.forEach((d, column) => {
        if (d) expect(d.weekday).toBe(column);
      });
    }
  });

  it("keeps every day once, in order", () => {
    const days = weeks(fixture(29, 6)).flat().filter((d) => d !== null);
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
  });

  it("needs no blanks when the month starts on Saturday and ends on Friday", () => {
    const rows = weeks(fixture(28, 0));
    expect(rows).toHaveLength(4);
    expect(rows.flat().every((d) => d !== null)).toBe(true);
  });

  it("spills into a sixth row when needed", () => {
    const rows = weeks(fixture(31, 6)); // the 1st on a Friday
    expect(rows).toHaveLength(6);
    expect(rows[0].map((d) => d?.day ?? null)).toEqual([null, null, null, null, null, null, 1]);
    expect(rows[5][0]?.day).toBe(30);
    expect(rows[5][1]?.day).toBe(31);
  });

  it("gives no rows for a month without days", () => {
    expect(weeks({ year: 1405, month: 9, title_fa: "آذر ۱۴۰۵", days: [] })).toEqual([]);
  });
});

describe("shiftMonth", () => {
  it("steps within a year", () => {
    expect(shiftMonth(1405, 9, 1)).toEqual({ year: 1405, month: 10 });
    expect(shiftMonth(1405, 9, -1)).toEqual({ year: 1405, month: 8 });
    expect(shiftMonth(1405, 9, 0)).toEqual({ year: 1405, month: 9 });
  });

  it("wraps across year ends", () => {
    expect(shiftMonth(1405, 12, 1)).toEqual({ year: 1406, month: 1 });
    expect(shiftMonth(1405, 1, -1)).toEqual({ year: 1404, month: 12 });
    expect(shiftMonth(1405, 3, 22)).toEqual({ year: 1407, month: 1 });
    expect(shiftMonth(1405, 3, -15)).toEqual({ year: 1403, month: 12 });
    expect(shiftMonth(1405, 1, -24)).toEqual({ year: 1403, month: 1 });
  });
});
