// The complaint form's draft, kept while the secretary moves between sections.
import type { ComplaintForm } from "./bindings";

export const complaintDraft: ComplaintForm = $state({
  kind: "complaint",
  source: "client",
  received_on: "",
  office_id: 0,
  reporter_name: null,
  reporter_contact: null,
  reporter_confidential: true,
  summary: "",
  review_notes: null,
  forward: true,
  case_subject: null,
});
