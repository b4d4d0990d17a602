import { describe, expect, it } from "vitest";
import type { RulingDraft, SessionRecord } from "./bindings";
import { gradeOf, majorities, seedFromVotes } from "./seed";

const draft: RulingDraft = {
  verdict: "penalty",
  grade: null,
  suspension_months: null,
  suspension_years: null,
  session_date: "",
  complaint_summary: "",
  defence_summary: "",
  reasoning: "",
  dissent_seat: null,
  dissent: null,
  appeal_result: null,
};

function session(votes: [string, number, string, string | null][]): SessionRecord {
  return {
    id: 1,
    board_id: 1,
    held_on: "2026-11-23",
    chair_member_id: 11,
    minutes: "",
    attendance: [
      { seat: "judge_1", member_id: 11, holder_was: "present" },
      { seat: "judge_2", member_id: 14, holder_was: "absent" },
      { seat: "representative", member_id: 13, holder_was: "present" },
    ],
    votes: votes.map(([question, member_id, choice, dissent], i) => ({ id: i + 1, question, member_id, choice, dissent })),
  };
}

const GUILT = "آیا تخلف «افشای اطلاعات» محرز است؟";
const GRADE = "درجهٔ مجازات کدام است؟ (مواد ۲۹ و ۳۴ تا ۴۴)";

describe("seeding the ruling from the votes", () => {
  it("takes the majority's grade and the minority's dissent with its seat", () => {
    const s = session([
      [GUILT, 11, "محرز است", null],
      [GUILT, 14, "محرز است", null],
      [GUILT, 13, "محرز نیست", "گزارش بازرسی امضا ندارد."],
      [GRADE, 11, "درجهٔ ۵", null],
      [GRADE, 14, "درجهٔ ۵", null],
      [GRADE, 13, "درجهٔ ۴", null],
    ]);
    const seeded = seedFromVotes(s, "۱۴۰۵/۰۹/۰۲", draft);
    expect(seeded.verdict).toBe("penalty");
    expect(seeded.grade).toBe(5);
    expect(seeded.session_date).toBe("۱۴۰۵/۰۹/۰۲");
    expect(seeded.dissent_seat).toBe("representative");
    expect(seeded.dissent).toBe("گزارش بازرسی امضا ندارد.");
  });

  it("acquits when no charge was found established, and decides nothing without a majority", () => {
    const acquitted = seedFromVotes(
      session([
        [GUILT, 11, "محرز نیست", null],
        [GUILT, 14, "محرز نیست", null],
        [GUILT, 13, "محرز است", "به نظر اقلیت محرز است."],
      ]),
      "۱۴۰۵/۰۹/۰۲",
      draft,
    );
    expect(acquitted.verdict).toBe("acquittal");
    const split = session([
      [GRADE, 11, "درجهٔ ۳", null],
      [GRADE, 14, "درجهٔ ۴", null],
      [GRADE, 13, "درجهٔ ۵", null],
    ]);
    expect(majorities(split)).toEqual([]);
    expect(seedFromVotes(split, "x", draft).grade).toBeNull();
  });

  it("reads a grade in Persian or Latin digits, and only Art 29's seven", () => {
    expect(gradeOf("درجهٔ ۶")).toBe(6);
    expect(gradeOf("grade 2")).toBe(2);
    expect(gradeOf("درجهٔ ۹")).toBeNull();
    expect(gradeOf("محرز است")).toBeNull();
  });

  it("keeps a session day the chair already typed", () => {
    const s = session([]);
    expect(seedFromVotes(s, "۱۴۰۵/۰۹/۰۲", { ...draft, session_date: "1405/09/01" }).session_date).toBe("1405/09/01");
  });
});
