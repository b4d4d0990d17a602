// How people read the engine's ids: `1401:37:f` → «بند ج مادهٔ ۳۷ آیین‌نامهٔ ۱۴۰۱».
import { faDigits } from "./fa";

const LETTERS: Record<string, string> = {
  a: "الف", b: "ب", c: "پ", d: "ت", e: "ث", f: "ج", g: "چ", h: "ح", i: "خ", j: "د", k: "ذ", l: "ر", m: "ز", n: "ژ",
};

const CODES: Record<string, string> = {
  "1401": "آیین‌نامهٔ ۱۴۰۱",
  "1396": "آیین‌نامهٔ ۱۳۹۶",
  "1392": "دستورالعمل ۱۳۹۲",
  "1404": "دستورالعمل رتبه‌بندی ۱۴۰۴",
};

/** A citation in Persian for an id of the regulations data. */
export function citeFa(id: string): string {
  const [code, article, part] = id.split(":");
  if (!article) return faDigits(id);
  let text = `مادهٔ ${faDigits(article)} ${CODES[code] ?? faDigits(code)}`;
  if (part) {
    if (part.startsWith("note")) {
      const n = part.split("-")[1];
      text = `تبصرهٔ ${n ? faDigits(n) + " " : ""}${text}`;
    } else if (/^[0-9]+$/.test(part)) {
      text = `ردیف ${faDigits(part)} ${text}`;
    } else {
      text = `بند ${LETTERS[part] ?? part} ${text}`;
    }
  }
  return text;
}
