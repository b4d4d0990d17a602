// Where the user is inside a section, kept while moving between sections.
import type { CaseStatus } from "./bindings";

export const navigation: { openCaseId: number | null } = $state({ openCaseId: null });

/** The case list's filters, kept while moving between sections. */
export const caseFilter: {
  text: string;
  status: CaseStatus | "";
  board_id: number | null;
  office_id: number | null;
  from: string;
  to: string;
} = $state({ text: "", status: "", board_id: null, office_id: null, from: "", to: "" });
