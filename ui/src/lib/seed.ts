// The ruling's draft seeded from what the session voted (DOMAIN.md steps 4–5): the grade the
// majority chose, an acquittal when no charge was found established, a suspended prosecution
// the majority agreed to, and the minority member's dissent. Only what the votes decide is
// filled; everything else the chair writes.
import type { RulingDraft, SessionRecord } from "./bindings";
import { latinDigits } from "./fa";

/** The questions the session panel offers, by their opening words. */
export const QUESTION = {
  guilt: "آیا تخلف",
  grade: "درجهٔ مجازات",
  mitigation: "آیا مجازات",
  suspension: "آیا تعقیب",
} as const;

const YES = ["محرز است", "موافق", "بله", "آری"];

/** Each question's majority choice (at least two of the three members), in voting order. */
export function majorities(session: SessionRecord): [string, string][] {
  const out: [string, string][] = [];
  for (const question of new Set(session.votes.map((v) => v.question))) {
    const votes = session.votes.filter((v) => v.question === question);
    const choice = votes.map((v) => v.choice).find((c) => votes.filter((v) => v.choice === c).length * 2 > session.attendance.length);
    if (choice !== undefined) out.push([question, choice]);
  }
  return out;
}

/** A grade named in a vote («درجهٔ ۵», «5»), if it names one of Art 29's seven. */
export function gradeOf(choice: string): number | null {
  const digits = latinDigits(choice).match(/(?<![0-9])[1-7](?![0-9])/);
  return digits ? Number(digits[0]) : null;
}

/** `draft` with what the session's votes decided filled in, and the session's day. */
export function seedFromVotes(session: SessionRecord, heldOn: string, draft: RulingDraft): RulingDraft {
  const out: RulingDraft = { ...draft, session_date: draft.session_date || heldOn };
  const decided = majorities(session);
  const guilt = decided.filter(([q]) => q.startsWith(QUESTION.guilt));
  const yes = (c: string) => YES.some((y) => c.includes(y));
  for (const [question, choice] of decided) {
    if (question.startsWith(QUESTION.grade) && gradeOf(choice) !== null) {
      out.verdict = "penalty";
      out.grade = gradeOf(choice);
    }
  }
  if (decided.some(([q, c]) => q.startsWith(QUESTION.suspension) && yes(c))) out.verdict = "suspended_prosecution";
  if (guilt.length > 0 && guilt.every(([, c]) => !yes(c))) {
    out.verdict = "acquittal";
    out.grade = null;
  }
  const dissent = session.votes.find((v) => v.dissent && v.dissent.trim());
  if (dissent) {
    out.dissent_seat = session.attendance.find((a) => a.member_id === dissent.member_id)?.seat ?? null;
    out.dissent = dissent.dissent;
  }
  return out;
}
