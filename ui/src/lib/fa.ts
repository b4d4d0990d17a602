// Persian presentation helpers: numbers people read use Persian digits.

const PERSIAN_DIGITS = ["۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"];

/** Replaces ASCII digits with Persian ones; everything else is kept. */
export function faDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]);
}

/** Maps Persian and Arabic-Indic digits to ASCII, for input typed on any layout. */
export function latinDigits(value: string): string {
  return value
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** A count with Persian digits and the Persian thousands separator: ۱۲٬۳۴۵. */
export function faCount(n: number): string {
  const grouped = Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "٬");
  return faDigits(grouped);
}
