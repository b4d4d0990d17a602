// Pure helpers for the Solar Hijri date picker (DateField.svelte): reading what people
// type, laying a month out in Saturday-first weeks, and stepping between months.
// Real calendar facts (month lengths, weekdays, holidays) come from the Rust side.
import type { CalendarDay, CalendarMonth } from "./bindings";
import { latinDigits } from "./fa";

export type SolarDate = { year: number; month: number; day: number };

// Four-digit year, then month and day of one or two digits, with the same separator twice.
const SOLAR = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/;

/**
 * Reads `1405/9/2`, `۱۴۰۵/۰۹/۰۲` or `1405-09-02` (spaces around are ignored).
 * Only the shape is checked (month 1–12, day 1–31); whether the day exists is Rust's call.
 */
export function parseSolar(text: string): SolarDate | null {
  const match = SOLAR.exec(latinDigits(text).trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/**
 * The month as rows of 7 cells, Saturday (weekday 0) first; cells before the first day
 * and after the last are null. Each day goes in the column of its own weekday.
 */
export function weeks(month: CalendarMonth): (CalendarDay | null)[][] {
  const rows: (CalendarDay | null)[][] = [];
  let row: (CalendarDay | null)[] = [];
  for (const day of month.days) {
    if (row.length > day.weekday) {
      while (row.length < 7) row.push(null);
      rows.push(row);
      row = [];
    }
    while (row.length < day.weekday) row.push(null);
    row.push(day);
  }
  if (row.length > 0) {
    while (row.length < 7) row.push(null);
    rows.push(row);
  }
  return rows;
}

/** The month `delta` months away (negative for earlier), across year ends. */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}
