import { describe, expect, it } from "vitest";
import { cycle, shortcutFor, type KeyLike } from "./shortcuts";

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  code,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe("shortcuts by physical key", () => {
  it("reads Alt+digit as a section, whatever the layout types", () => {
    expect(shortcutFor(key("Digit3", { altKey: true }), false)).toEqual({ kind: "section", index: 2 });
    expect(shortcutFor(key("Numpad1", { altKey: true }), true)).toEqual({ kind: "section", index: 0 });
    expect(shortcutFor(key("Digit3"), false)).toBeNull();
  });

  it("new complaint, search, save and help", () => {
    expect(shortcutFor(key("KeyN", { altKey: true }), false)).toEqual({ kind: "new_complaint" });
    expect(shortcutFor(key("KeyF", { ctrlKey: true }), true)).toEqual({ kind: "search" });
    expect(shortcutFor(key("KeyS", { ctrlKey: true }), true)).toEqual({ kind: "save" });
    expect(shortcutFor(key("F1"), true)).toEqual({ kind: "help" });
    expect(shortcutFor(key("Escape"), true)).toEqual({ kind: "close" });
  });

  it("a bare / or ? is text inside a field, a shortcut outside", () => {
    expect(shortcutFor(key("Slash"), true)).toBeNull();
    expect(shortcutFor(key("Slash"), false)).toEqual({ kind: "search" });
    expect(shortcutFor(key("Slash", { shiftKey: true }), true)).toBeNull();
    expect(shortcutFor(key("Slash", { shiftKey: true }), false)).toEqual({ kind: "help" });
  });

  it("sections and tabs move with PageDown/PageUp", () => {
    expect(shortcutFor(key("PageDown", { ctrlKey: true }), false)).toEqual({ kind: "next_section" });
    expect(shortcutFor(key("PageUp", { altKey: true }), false)).toEqual({ kind: "previous_tab" });
    expect(shortcutFor(key("KeyS", { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it("cycles around both ends", () => {
    expect(cycle(0, 4, -1)).toBe(3);
    expect(cycle(3, 4, 1)).toBe(0);
    expect(cycle(1, 4, 1)).toBe(2);
  });
});
