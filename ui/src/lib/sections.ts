// The shell's sections and what a role needs to see each one. Hiding is a convenience:
// the Rust side refuses every command a role may not use.
import { canAny, type Action, type SignedIn } from "./auth";

export type Section =
  | "desk"
  | "complaints"
  | "cases"
  | "engine"
  | "sessions"
  | "rulings"
  | "deadlines"
  | "reports"
  | "verify"
  | "settings";

export const SECTIONS: { id: Section; title: string; needs: Action[] }[] = [
  { id: "desk", title: "میز کار", needs: ["read_cases"] },
  { id: "complaints", title: "شکایات", needs: ["register_complaint", "review_complaint"] },
  { id: "cases", title: "پرونده‌ها", needs: ["read_cases"] },
  { id: "engine", title: "موتور قواعد", needs: ["read_cases"] },
  { id: "sessions", title: "جلسات", needs: ["read_cases"] },
  { id: "rulings", title: "آراء", needs: ["read_cases"] },
  { id: "deadlines", title: "مهلت‌ها", needs: ["read_cases"] },
  { id: "reports", title: "آمار و گزارش‌ها", needs: ["read_cases"] },
  { id: "verify", title: "تصدیق سند", needs: ["verify"] },
  // Everyone may change their own password there.
  { id: "settings", title: "تنظیمات", needs: [] },
];

/** The sections the signed-in person's role can use, in the menu's order. */
export function sectionsFor(who: SignedIn | null): { id: Section; title: string }[] {
  return SECTIONS.filter((s) => canAny(who, s.needs)).map(({ id, title }) => ({ id, title }));
}

/** `wanted` if the role can use it, else the first section it can (settings at worst). */
export function landing(who: SignedIn | null, wanted: Section): Section {
  const open = sectionsFor(who);
  return open.some((s) => s.id === wanted) ? wanted : (open[0]?.id ?? "settings");
}
