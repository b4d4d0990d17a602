import { describe, expect, it } from "vitest";
import { citeFa } from "./cite";

describe("citeFa", () => {
  it("reads clause letters in the regulation's order", () => {
    expect(citeFa("1401:37:f")).toBe("بند ج مادهٔ ۳۷ آیین‌نامهٔ ۱۴۰۱");
    expect(citeFa("1401:38:g")).toBe("بند چ مادهٔ ۳۸ آیین‌نامهٔ ۱۴۰۱");
    expect(citeFa("1401:34:a")).toBe("بند الف مادهٔ ۳۴ آیین‌نامهٔ ۱۴۰۱");
  });

  it("reads articles, numbered items and notes", () => {
    expect(citeFa("1401:44")).toBe("مادهٔ ۴۴ آیین‌نامهٔ ۱۴۰۱");
    expect(citeFa("1396:37:2")).toBe("ردیف ۲ مادهٔ ۳۷ آیین‌نامهٔ ۱۳۹۶");
    expect(citeFa("1396:38:note-2")).toBe("تبصرهٔ ۲ مادهٔ ۳۸ آیین‌نامهٔ ۱۳۹۶");
  });
});
