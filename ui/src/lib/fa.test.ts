import { describe, expect, it } from "vitest";
import { faCount, faDigits, latinDigits } from "./fa";

describe("Persian digits", () => {
  it("shows numbers with Persian digits", () => {
    expect(faDigits("1405-0006")).toBe("۱۴۰۵-۰۰۰۶");
    expect(faDigits(27)).toBe("۲۷");
  });

  it("reads Persian and Arabic digits back", () => {
    expect(latinDigits("۱۱۵۶۰۰۲۷")).toBe("11560027");
    expect(latinDigits("١٤٠٣/٠٥/١٢")).toBe("1403/05/12");
    expect(latinDigits("شهریار")).toBe("شهریار");
  });

  it("groups thousands with the Persian separator", () => {
    expect(faCount(100000)).toBe("۱۰۰٬۰۰۰");
    expect(faCount(6)).toBe("۶");
  });
});
