import { describe, expect, it } from "vitest";
import type { Penalty, RulingDraft, RulingSeed } from "./bindings";
import { draftToSend, penaltyTitle, seedFindings, setFinding, suspensionTerm } from "./rulingForm";

const p = (regulation: string, grade: number, kind: Penalty["kind"], term: [number, number] | null, above = false): Penalty => ({
  regulation,
  grade,
  kind,
  term_months: term,
  term_above_min: above,
  suspends: kind === "suspension" ? (regulation === "1401" ? "management" : "licence") : null,
  clause: `${regulation}:x:${grade}`,
  title_fa: kind,
});
const p1401 = [p("1401", 4, "reprimand_published", null), p("1401", 5, "suspension", [3, 12]), p("1401", 6, "suspension", [12, 36], true), p("1401", 7, "revocation", null)];
const p1396 = [p("1396", 5, "suspension", [3, 24]), p("1396", 6, "revocation", null)];

const draft = (over: Partial<RulingDraft> = {}): RulingDraft => ({
  verdict: "penalty",
  grade: 5,
  suspension_months: 18,
  suspension_years: null,
  session_date: "",
  complaint_summary: "",
  defence_summary: "",
  reasoning: "",
  dissent_seat: null,
  dissent: null,
  appeal_result: null,
  acquitted_charges: [],
  qualifications: [],
  ...over,
});

describe("the ruling draft", () => {
  it("asks for a term as the judging code sets it: 1396 grade 5 three months to two years, its grade 6 none", () => {
    expect(suspensionTerm(p1396, 5)).toEqual({ min: 3, max: 24 });
    expect(suspensionTerm(p1396, 6)).toBeNull();
    expect(suspensionTerm(p1401, 5)).toEqual({ min: 3, max: 12 });
    expect(suspensionTerm(p1401, 6)).toEqual({ min: 13, max: 36 });
    expect(suspensionTerm(p1401, 7)).toBeNull();
    expect(suspensionTerm(p1401, null)).toBeNull();
    expect(penaltyTitle(p1396, 6)).toBe("revocation");
  });

  it("seeds each charge's finding from the guilt votes", () => {
    const seed: RulingSeed = { verdict: "penalty", grade: 3, dissent_member_id: null, dissent: null, acquitted_charges: [7, 99], established_charges: [8] };
    expect(seedFindings(draft(), seed, [7, 8]).acquitted_charges).toEqual([7]);
    expect(seedFindings(draft({ acquitted_charges: [8] }), null, [7, 8]).acquitted_charges).toEqual([]);
  });

  it("marks a charge acquitted or convicted", () => {
    const acquitted = setFinding(draft(), 7, false);
    expect(acquitted.acquitted_charges).toEqual([7]);
    expect(setFinding(acquitted, 7, true).acquitted_charges).toEqual([]);
    expect(setFinding(setFinding(acquitted, 7, false), 7, false).acquitted_charges).toEqual([7]);
  });

  it("sends only what the verdict uses", () => {
    const revocation = draftToSend(draft({ verdict: "licence_revocation", acquitted_charges: [7], qualifications: ["1401:9:d"] }), p1401);
    expect(revocation).toMatchObject({ acquitted_charges: [], qualifications: ["1401:9:d"], grade: null, suspension_months: null });
    expect(draftToSend(draft({ grade: 6 }), p1396).suspension_months).toBeNull();
    expect(draftToSend(draft({ grade: 5 }), p1396).suspension_months).toBe(18);
  });
});
