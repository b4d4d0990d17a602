// The one door to the Rust side: every Tauri call goes through here, typed with the
// declarations generated from Rust (bindings.ts), and every failure becomes an IpcError
// carrying a stable code and a Persian message.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppInfo,
  ArticleView,
  BoardView,
  CaseFilter,
  CaseRow,
  AppealRecord,
  BackupDone,
  CaseFileView,
  ChargeForm,
  ComplaintForm,
  ComplaintRegistered,
  DeadlineRow,
  OfficeItem,
  CatalogueEntry,
  CommandError,
  PrintedRuling,
  QuorumView,
  SessionAttendance,
  TallyView,
  VoteInput,
  RulingDraft,
  StatusCountRow,
  Suggestion,
  SuggestRequest,
} from "./bindings";

export class IpcError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function isCommandError(e: unknown): e is CommandError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

type Invoke = (command: string, args?: Record<string, unknown>) => Promise<unknown>;

/** The typed commands over an `invoke` function (Tauri's own, or a fake in unit tests). */
export function commands(invokeFn: Invoke) {
  async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
    try {
      return (await invokeFn(command, args)) as T;
    } catch (e) {
      if (isCommandError(e)) throw new IpcError(e.code, e.message);
      throw new IpcError("ipc", `ارتباط با برنامه برقرار نشد: ${String(e)}`);
    }
  }
  return {
    appInfo: () => call<AppInfo>("app_info"),
    listCases: (filter: CaseFilter) => call<CaseRow[]>("list_cases", { filter }),
    statusCounts: () => call<StatusCountRow[]>("status_counts"),
    listBoards: () => call<BoardView[]>("list_boards"),
    catalogue: () => call<CatalogueEntry[]>("catalogue"),
    article: (id: string) => call<ArticleView>("article", { id }),
    suggest: (request: SuggestRequest) => call<Suggestion>("suggest", { request }),
    openCase: (caseId: number) => call<CaseFileView>("open_case", { caseId }),
    checkQuorum: (caseId: number, attendance: SessionAttendance) =>
      call<QuorumView>("check_quorum", { caseId, attendance }),
    recordSession: (caseId: number, heldOn: string, attendance: SessionAttendance) =>
      call<number>("record_session", { caseId, heldOn, attendance }),
    recordVotes: (caseId: number, sessionId: number, question: string, votes: VoteInput[]) =>
      call<TallyView>("record_votes", { caseId, sessionId, question, votes }),
    listOffices: () => call<OfficeItem[]>("list_offices"),
    registerComplaint: (form: ComplaintForm) => call<ComplaintRegistered>("register_complaint", { form }),
    addCharge: (caseId: number, form: ChargeForm) => call<number>("add_charge", { caseId, form }),
    signRuling: (caseId: number) => call<string>("sign_ruling", { caseId }),
    recordNotification: (caseId: number, recipient: string, method: string, notifiedOn: string) =>
      call<string>("record_notification", { caseId, recipient, method, notifiedOn }),
    fileAppeal: (caseId: number, appellant: string, filedOn: string, grounds: string) =>
      call<AppealRecord>("file_appeal", { caseId, appellant, filedOn, grounds }),
    deadlines: () => call<DeadlineRow[]>("deadlines"),
    backupNow: () => call<BackupDone>("backup_now"),
    printRuling: (caseId: number, draft: RulingDraft) => call<PrintedRuling>("print_ruling", { caseId, draft }),
    suggestForCase: (caseId: number, decidedOn: string | null) =>
      call<Suggestion>("suggest_for_case", { caseId, decidedOn }),
  };
}

export const ipc = commands(invoke);
