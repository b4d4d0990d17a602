// What the secretary has typed in a case file's forms, kept per case while moving between
// cases and sections: nothing typed is lost by leaving the screen.
import type { ChargeForm, Party, RulingDraft, ServiceMethod, SessionAttendance } from "./bindings";

export type CaseDrafts = {
  charge: ChargeForm;
  ruling: RulingDraft;
  attendance: SessionAttendance;
  heldOn: string;
  chair: number | null;
  question: string;
  schedule: { day: string; at: string; note: string };
  notice: { recipient: Party; method: ServiceMethod; notified_on: string };
  appeal: { appellant: Party; filed_on: string; grounds: string };
};

export function emptyCharge(): ChargeForm {
  return { violation: "", committed_on: "", days: null, facts: "", last_prosecution_act_on: null };
}

function fresh(): CaseDrafts {
  return {
    charge: emptyCharge(),
    ruling: {
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
      acquitted_charges: [],
      qualifications: [],
    },
    attendance: {
      judge_1: "present",
      judge_2: "present",
      representative: "present",
      alternate_judge_present: false,
      alternate_representative_present: false,
    },
    heldOn: "",
    chair: null,
    question: "",
    schedule: { day: "", at: "", note: "" },
    notice: { recipient: "manager", method: "electronic", notified_on: "" },
    appeal: { appellant: "manager", filed_on: "", grounds: "" },
  };
}

const drafts: Record<number, CaseDrafts> = $state({});

/** The drafts of one case, created empty on first use. */
export function draftsFor(caseId: number): CaseDrafts {
  if (!drafts[caseId]) drafts[caseId] = fresh();
  return drafts[caseId];
}
