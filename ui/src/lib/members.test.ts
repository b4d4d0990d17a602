import { describe, expect, it } from "vitest";
import { blankMember, isKanoonSeat, memberToSend } from "./members";

describe("the member form", () => {
  it("asks for the managed office on a first-instance board's Kanoon seats only (Arts 23, 25)", () => {
    expect(isKanoonSeat("first_instance", "representative")).toBe(true);
    expect(isKanoonSeat("first_instance", "alternate_representative")).toBe(true);
    expect(isKanoonSeat("first_instance", "judge_1")).toBe(false);
    expect(isKanoonSeat("appeal", "representative")).toBe(false);
  });

  it("sends a Kanoon representative's office code trimmed, blank as none", () => {
    const rep = { ...blankMember(), kind: "kanoon_rep" };
    expect(memberToSend({ ...rep, manages_office: " ۱۱۵۶۰۰۲۷ " }).manages_office).toBe("۱۱۵۶۰۰۲۷");
    expect(memberToSend({ ...rep, manages_office: "   " }).manages_office).toBeNull();
    expect(memberToSend(rep).manages_office).toBeNull();
  });

  it("sends no office for another kind, even one typed before the kind changed", () => {
    const judge = { ...blankMember(), judicial_grade: 8, manages_office: "11560027" };
    expect(memberToSend(judge).manages_office).toBeNull();
    expect(memberToSend(judge).judicial_grade).toBe(8);
  });
});
