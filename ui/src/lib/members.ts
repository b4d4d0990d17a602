// The settings screen's member form: which seats ask for the office a member manages, and
// what the form sends. The composition rules themselves are checked in Rust (Arts 23–25).
import type { MemberForm } from "./bindings";

/** An empty form for a new member. */
export function blankMember(): MemberForm {
  return { kind: "judge", first_name: "", last_name: "", judicial_grade: null, on_kanoon_directors: false, manages_office: null };
}

/**
 * Whether the seat is a first-instance board's Kanoon representative or its alternate: chosen
 * from among the office managers (Art 23; the alternate likewise, Art 25).
 */
export function isKanoonSeat(boardKind: string, seat: string): boolean {
  return boardKind === "first_instance" && (seat === "representative" || seat === "alternate_representative");
}

/**
 * The form as sent: the office code trimmed, and kept only for a Kanoon representative (a
 * field hidden by a change of kind sends nothing); blank is none.
 */
export function memberToSend(form: MemberForm): MemberForm {
  const office = form.kind === "kanoon_rep" ? (form.manages_office ?? "").trim() : "";
  return { ...form, manages_office: office === "" ? null : office };
}
