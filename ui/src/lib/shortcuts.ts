// Keyboard shortcuts for the common moves. They match physical keys (`KeyboardEvent.code`),
// so they work the same on a Persian layout, where Alt+N types no "n".

export type ShortcutAction =
  | { kind: "section"; index: number }
  | { kind: "new_complaint" }
  | { kind: "search" }
  | { kind: "next_section" }
  | { kind: "previous_section" }
  | { kind: "next_tab" }
  | { kind: "previous_tab" }
  | { kind: "save" }
  | { kind: "help" }
  | { kind: "close" };

/** What the shortcut matcher reads of a key event. */
export interface KeyLike {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** The help panel's list: the keys as printed and what they do, in Persian. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: "Alt + ۱ … ۹", what: "رفتن به بخش اول تا نهم فهرست کناری" },
  { keys: "Alt + N", what: "ثبت شکایت یا گزارش تازه" },
  { keys: "Ctrl + F  یا  /", what: "جستجوی پرونده‌ها" },
  { keys: "Ctrl + PageDown / PageUp", what: "بخش بعدی / قبلی" },
  { keys: "Alt + PageDown / PageUp", what: "زبانهٔ بعدی / قبلی در پرونده" },
  { keys: "Ctrl + S", what: "ثبت فرمی که در آن هستید" },
  { keys: "F1  یا  Shift + /", what: "همین راهنما" },
  { keys: "Esc", what: "بستن راهنما" },
];

/**
 * The action a key press asks for, or null. `inField` is true while typing in a text field:
 * there a bare «/» or «؟» is text, not a shortcut.
 */
export function shortcutFor(e: KeyLike, inField: boolean): ShortcutAction | null {
  const only = (alt: boolean, ctrl: boolean, shift = false) =>
    e.altKey === alt && e.ctrlKey === ctrl && e.shiftKey === shift && !e.metaKey;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (digit && only(true, false)) return { kind: "section", index: Number(digit[1]) - 1 };
  if (e.code === "KeyN" && only(true, false)) return { kind: "new_complaint" };
  if (e.code === "KeyF" && only(false, true)) return { kind: "search" };
  if (e.code === "Slash" && only(false, false) && !inField) return { kind: "search" };
  if (e.code === "PageDown" && only(false, true)) return { kind: "next_section" };
  if (e.code === "PageUp" && only(false, true)) return { kind: "previous_section" };
  if (e.code === "PageDown" && only(true, false)) return { kind: "next_tab" };
  if (e.code === "PageUp" && only(true, false)) return { kind: "previous_tab" };
  if (e.code === "KeyS" && only(false, true)) return { kind: "save" };
  if (e.code === "F1" && only(false, false)) return { kind: "help" };
  if (e.code === "Slash" && only(false, false, true) && !inField) return { kind: "help" };
  if (e.code === "Escape" && only(false, false)) return { kind: "close" };
  return null;
}

/** The index `step` places away from `current` among `count`, wrapping around. */
export function cycle(current: number, count: number, step: number): number {
  if (count <= 0) return 0;
  return (((current + step) % count) + count) % count;
}
