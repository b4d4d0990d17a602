// The engine form's draft lives outside the page, so that switching sections loses nothing.
import type { ChargeRequest, RecordRequest, Suggestion, SuggestRequest } from "./bindings";

export function emptyCharge(): ChargeRequest {
  return {
    violation: "",
    committed_on: "",
    days: null,
    last_prosecution_act_on: null,
    grade: null,
    res_judicata: false,
    crime_found: false,
  };
}

export function emptyRecord(): RecordRequest {
  return { grade: 1, regulation: null, final_on: null, carried_out_on: null, committed_on: null };
}

export const draft: {
  request: SuggestRequest;
  decisionGrade: number | null;
  notifiedOn: string;
  /** Charges (0-based) the board acquitted while convicting on the rest. */
  acquitted: number[];
  /** Art 31: an order suspending the prosecution; empty date = none. */
  suspendedOn: string;
  suspendedYears: number;
  result: Suggestion | null;
  error: string | null;
} = $state({
  request: {
    decided_on: "",
    regulation: "auto",
    manager: { deceased: false, permanently_separated: false, lacks_qualifications: false, lost_qualifications: [] },
    charges: [emptyCharge()],
    record: [],
    complaint_withdrawn: false,
    holidays: [],
    decision: null,
  },
  decisionGrade: null,
  notifiedOn: "",
  acquitted: [],
  suspendedOn: "",
  suspendedYears: 1,
  result: null,
  error: null,
});

/** The request as the engine takes it: empty optional texts become null. */
export function requestForEngine(): SuggestRequest {
  const r = $state.snapshot(draft.request) as SuggestRequest;
  const blank = (s: string | null) => (s === null || s.trim() === "" ? null : s.trim());
  return {
    ...r,
    decided_on: r.decided_on.trim(),
    charges: r.charges.map((c) => ({
      ...c,
      committed_on: c.committed_on.trim(),
      last_prosecution_act_on: blank(c.last_prosecution_act_on),
    })),
    record: r.record.map((e) => ({
      ...e,
      final_on: blank(e.final_on),
      carried_out_on: blank(e.carried_out_on),
      committed_on: blank(e.committed_on ?? null),
    })),
    decision:
      draft.decisionGrade === null
        ? blank(draft.notifiedOn) !== null && r.charges.length === 0
          ? { grade: null, acquitted: null, charge_grade: null, notified_on: blank(draft.notifiedOn), acquitted_charges: [] }
          : null
        : {
            grade: draft.decisionGrade,
            acquitted: null,
            charge_grade: null,
            notified_on: blank(draft.notifiedOn),
            acquitted_charges: draft.acquitted.filter((i) => i < r.charges.length),
          },
    suspended_prosecution:
      blank(draft.suspendedOn) === null ? undefined : { ordered_on: draft.suspendedOn.trim(), years: draft.suspendedYears },
  };
}
