// The ruling draft's choices that depend on the code judging the case and on the votes:
// which grades and what suspension term the code allows (its list of penalties, from Rust's
// regulations data), and which charges the board acquits.
import type { Penalty, RulingDraft, RulingSeed } from "./bindings";

/** A suspension's term in whole months, or null when the grade's penalty has none. */
export function suspensionTerm(penalties: Penalty[], grade: number | null): { min: number; max: number } | null {
  const p = penalties.find((x) => x.grade === grade);
  if (!p || p.kind !== "suspension" || !p.term_months) return null;
  const [least, most] = p.term_months;
  return { min: p.term_above_min ? least + 1 : least, max: most };
}

/** The penalty of a grade in the code's own words («تعلیق موقت پروانه از سه ماه تا دو سال»). */
export function penaltyTitle(penalties: Penalty[], grade: number): string {
  return penalties.find((x) => x.grade === grade)?.title_fa ?? "";
}

/** The draft with each charge's finding from the votes: those the majority found not
 *  established are acquitted, the rest convicted; charges no longer in the case are dropped. */
export function seedFindings(draft: RulingDraft, seed: RulingSeed | null, chargeIds: number[]): RulingDraft {
  const acquitted = (seed?.acquitted_charges ?? []).filter((id) => chargeIds.includes(id));
  return { ...draft, acquitted_charges: acquitted };
}

/** Marks a charge established (convicted) or not (acquitted). */
export function setFinding(draft: RulingDraft, chargeId: number, established: boolean): RulingDraft {
  const rest = draft.acquitted_charges.filter((id) => id !== chargeId);
  return { ...draft, acquitted_charges: established ? rest : [...rest, chargeId] };
}

/** The draft as sent: findings only with a penalty, conditions only with Art 45, a term only
 *  for a suspension. */
export function draftToSend(draft: RulingDraft, penalties: Penalty[]): RulingDraft {
  return {
    ...draft,
    acquitted_charges: draft.verdict === "penalty" ? draft.acquitted_charges : [],
    qualifications: draft.verdict === "licence_revocation" ? draft.qualifications : [],
    grade: draft.verdict === "penalty" ? draft.grade : null,
    suspension_months:
      draft.verdict === "penalty" && suspensionTerm(penalties, draft.grade) ? draft.suspension_months : null,
  };
}
