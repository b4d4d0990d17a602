// The one door to the Rust side: every Tauri call goes through here, typed with the
// declarations generated from Rust (bindings.ts), and every failure becomes an IpcError
// carrying a stable code and a Persian message.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppInfo,
  StartStatus,
  ArticleView,
  BoardView,
  CaseFilter,
  CasePage,
  BatchDone,
  PreviewPageView,
  CalendarMonth,
  AppealFiled,
  AgendaRow,
  DeskView,
  EvidenceRecord,
  ReporterIdentity,
  HistoryRow,
  HolidayRow,
  MemberForm,
  NotificationDone,
  BackupDone,
  BackupFile,
  CaseFileView,
  ChargeForm,
  ComplaintForm,
  ComplaintRegistered,
  DeadlinePage,
  OfficeItem,
  PendingNotice,
  CatalogueEntry,
  QualificationView,
  CommandError,
  CaseFacts,
  LostQualification,
  Vocabulary,
  Party,
  Question,
  ServiceMethod,
  PrintedRuling,
  PackageReport,
  PackageWritten,
  ReceivedView,
  OpenedCase,
  QuorumView,
  SessionAttendance,
  SittingForm,
  SummonsPanel,
  SummonsView,
  SummonsIssued,
  DocketDay,
  SittingView,
  SittingRow,
  TallyView,
  VoteInput,
  RulingDraft,
  StatusCountRow,
  Suggestion,
  SuggestRequest,
  StatisticsView,
  PeriodForm,
  RankingView,
  ExportRequest,
  ExportFormat,
  WrittenFile,
  ImportReportView,
} from "./bindings";
import type { SignProgress } from "./auth";

export class IpcError extends Error {
  readonly code: string;
  /** The form field the error is about, when the Rust side names one. */
  readonly field: string | null;
  constructor(code: string, message: string, field: string | null = null) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

function isCommandError(e: unknown): e is CommandError & { field?: string | null } {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

export type Invoke = (
  command: string,
  args?: Record<string, unknown> | Uint8Array,
  options?: { headers: Record<string, string> },
) => Promise<unknown>;

type FailureListener = (error: IpcError) => void;
const failureListeners = new Set<FailureListener>();

/**
 * Hears every failed command (the shell goes back to the sign-in screen on `unauthenticated`).
 * Returns the function that stops listening.
 */
export function onIpcFailure(listener: FailureListener): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

/** One typed call over an `invoke` function; every failure becomes an IpcError. */
export function caller(invokeFn: Invoke) {
  return async function call<T>(
    command: string,
    args?: Record<string, unknown> | Uint8Array,
    options?: { headers: Record<string, string> },
  ): Promise<T> {
    try {
      return (await invokeFn(command, args, options)) as T;
    } catch (e) {
      const error = isCommandError(e)
        ? new IpcError(e.code, e.message, e.field ?? null)
        : new IpcError("ipc", `ارتباط با برنامه برقرار نشد: ${String(e)}`);
      for (const listener of failureListeners) listener(error);
      throw error;
    }
  };
}

/** The typed commands over an `invoke` function (Tauri's own, or a fake in unit tests). */
export function commands(invokeFn: Invoke) {
  const call = caller(invokeFn);
  return {
    appInfo: () => call<AppInfo>("app_info"),
    /** Whether the database opened at start; asked before anything else. */
    startStatus: () => call<StartStatus>("start_status"),
    /** Tries a failed start again (the server back, the other copy closed). */
    retryStart: () => call<StartStatus>("retry_start"),
    /** One page of the cases the filter finds, newest first (`limit` 1..500, 500 when absent). */
    listCases: (filter: CaseFilter, offset?: number, limit?: number) =>
      call<CasePage>("list_cases", { filter, offset, limit }),
    statusCounts: () => call<StatusCountRow[]>("status_counts"),
    listBoards: () => call<BoardView[]>("list_boards"),
    catalogue: () => call<CatalogueEntry[]>("catalogue"),
    /** Opens a document of the data folder with the system's viewer (its print dialog prints it). */
    openDocument: (path: string) => call<string>("open_document", { path }),
    /** Shows a document of the data folder in the system's file manager. */
    showInFolder: (path: string) => call<string>("show_in_folder", { path }),
    /** Version, system, data folder, audit state and the log's last lines, as text. */
    diagnostics: () => call<string>("diagnostics"),
    /** The conditions of Arts 9–11 whose loss revokes the licence (Art 45). */
    qualifications: () => call<QualificationView[]>("qualifications"),
    /** Facts the engine weighs: the penalty carried out, the manager's death or separation, a withdrawn complaint. */
    recordCaseFacts: (caseId: number, facts: CaseFacts) => call<null>("record_case_facts", { caseId, facts }),
    /** The conditions of Arts 9–11 the manager lost (Art 45), as the whole list. */
    setLostQualifications: (caseId: number, list: LostQualification[]) =>
      call<null>("set_lost_qualifications", { caseId, list }),
    /** Revokes the case's suspended prosecution (Art 31) on `revokedOn` (today when empty). */
    revokeSuspension: (caseId: number, revokedOn: string | null) =>
      call<null>("revoke_suspension", { caseId, revokedOn }),
    /** Closes the file of a suspended prosecution whose period ended (Art 31). */
    closeSuspension: (caseId: number) => call<null>("close_suspension", { caseId }),
    /** Every code's Persian title, from the core's one vocabulary. */
    vocabulary: () => call<Vocabulary>("vocabulary"),
    article: (id: string) => call<ArticleView>("article", { id }),
    suggest: (request: SuggestRequest) => call<Suggestion>("suggest", { request }),
    openCase: (caseId: number) => call<CaseFileView>("open_case", { caseId }),
    checkQuorum: (caseId: number, attendance: SessionAttendance) =>
      call<QuorumView>("check_quorum", { caseId, attendance }),
    recordSession: (caseId: number, heldOn: string, attendance: SessionAttendance, chairMemberId: number | null) =>
      call<number>("record_session", { caseId, heldOn, attendance, chairMemberId }),
    /** The sitting members' votes on one question, kept by the question's kind. */
    recordVotes: (sessionId: number, question: Question, votes: VoteInput[]) =>
      call<TallyView>("record_votes", {
        sessionId,
        question: question.text_fa,
        kind: question.kind,
        chargeId: question.charge_id,
        votes,
      }),
    listOffices: () => call<OfficeItem[]>("list_offices"),
    registerComplaint: (form: ComplaintForm) => call<ComplaintRegistered>("register_complaint", { form }),
    addCharge: (caseId: number, form: ChargeForm) => call<number>("add_charge", { caseId, form }),
    /** The signed-in member signs the draft ruling for themselves, re-entering their password. */
    signOff: (rulingId: number, password: string) => call<SignProgress>("sign_off", { rulingId, password }),
    recordNotification: (caseId: number, recipient: Party, method: ServiceMethod, notifiedOn: string) =>
      call<NotificationDone>("record_notification", { caseId, recipient, method, notifiedOn }),
    /** Makes final the notified rulings whose appeal period ended with no appeal (Art 33). */
    finalizeDue: () => call<string[]>("finalize_due"),
    fileAppeal: (caseId: number, appellant: Party, filedOn: string, grounds: string) =>
      call<AppealFiled>("file_appeal", { caseId, appellant, filedOn, grounds }),
    /** The file's bytes go as the raw body; what describes them, URI-encoded, in headers. */
    attachEvidence: (caseId: number, fileName: string, bytes: Uint8Array, description: string) =>
      call<EvidenceRecord>("attach_evidence", bytes, {
        headers: {
          "heyat-case-id": String(caseId),
          "heyat-file-name": encodeURIComponent(fileName),
          "heyat-description": encodeURIComponent(description),
        },
      }),
    pendingNotices: () => call<PendingNotice[]>("pending_notices"),
    /** A PDF of the data folder as bytes, for the print view. */
    readDocument: (path: string) => call<ArrayBuffer>("read_document", { path }),
    /** The system's print dialog for the print view's pages. */
    printView: (pages: number) => call<null>("print_view", { pages }),
    statistics: (period: PeriodForm) => call<StatisticsView>("statistics", { period }),
    ranking: (period: PeriodForm) => call<RankingView>("ranking", { period }),
    printRanking: (period: PeriodForm) => call<PrintedRuling>("print_ranking", { period }),
    /** Writes a list to the data folder's exports/ as XLSX or CSV. */
    exportList: (request: ExportRequest, format: ExportFormat) =>
      call<WrittenFile>("export_list", { request, format }),
    importTemplate: () => call<WrittenFile>("import_template"),
    /** A register checked (a dry run), or saved when `confirm` and clean. */
    /** The case's package for a board that shares no database (issue 15), signed here. */
    exportCasePackage: (caseId: number) => call<PackageWritten>("export_case_package", { caseId }),
    /** A package from another board checked; nothing is kept. */
    verifyCasePackage: (bytes: Uint8Array, fingerprint: string) =>
      call<PackageReport>("verify_case_package", bytes, {
        headers: { "heyat-fingerprint": encodeURIComponent(fingerprint) },
      }),
    /** A package checked and kept, once; refused with the reason otherwise. */
    receiveCasePackage: (bytes: Uint8Array, fingerprint: string) =>
      call<ReceivedView>("receive_case_package", bytes, {
        headers: { "heyat-fingerprint": encodeURIComponent(fingerprint) },
      }),
    receivedPackages: () => call<ReceivedView[]>("received_packages"),
    openReceivedFile: (id: number, path: string) => call<string>("open_received_file", { id, path }),
    /** The appeal case of a package received, opened at the signed-in secretary's appeal board. */
    openCaseFromPackage: (id: number) => call<OpenedCase>("open_case_from_package", { id }),
    importRegister: (fileName: string, bytes: Uint8Array, confirm: boolean) =>
      call<ImportReportView>("import_register", bytes, {
        headers: { "heyat-file-name": encodeURIComponent(fileName), "heyat-confirm": confirm ? "1" : "0" },
      }),
    printNotice: (caseId: number, notificationId: number) =>
      call<PrintedRuling>("print_notice", { caseId, notificationId }),
    printMinutes: (caseId: number, sessionId: number) => call<PrintedRuling>("print_minutes", { caseId, sessionId }),
    openEvidence: (evidenceId: number) => call<string>("open_evidence", { evidenceId }),
    /** A text evidence file's text, shown inside the app (at most 256 KiB). */
    evidenceText: (evidenceId: number) => call<string>("evidence_text", { evidenceId }),
    /** A reporter's identity (Art 20), revealed on purpose; the reading is recorded. */
    revealReporter: (complaintId: number) => call<ReporterIdentity>("reveal_reporter", { complaintId }),
    setCaseSubject: (caseId: number, subject: string) => call<null>("set_case_subject", { caseId, subject }),
    /** The board's day for a sitting: the cases set for it first, then the others open. */
    docketDay: (day: string | null) => call<DocketDay>("docket_day", { boardId: null, day }),
    sittingQuorum: (boardId: number, attendance: SessionAttendance) =>
      call<QuorumView>("sitting_quorum", { boardId, attendance }),
    /** Opens a sitting (attendance once, the chair, the cases in order); answers its id. */
    openSitting: (form: SittingForm) => call<number>("open_sitting", { form }),
    getSitting: (sittingId: number) => call<SittingView>("get_sitting", { sittingId }),
    listSittings: () => call<SittingRow[]>("list_sittings"),
    /** A member steps aside on one case of the sitting; the alternate sits for it only. */
    recuseInSitting: (sittingId: number, caseId: number, memberId: number, chairMemberId: number | null) =>
      call<SittingView>("recuse_in_sitting", { sittingId, caseId, memberId, chairMemberId }),
    printSittingMinutes: (sittingId: number) => call<PrintedRuling>("print_sitting_minutes", { sittingId }),
    /** The case's summonses (اخطاریه), and what the form to issue one starts with. */
    listSummonses: (caseId: number) => call<SummonsPanel>("list_summonses", { caseId }),
    /** Issues a summons for a session (set by the same act if none is that day) and prints it. */
    issueSummons: (caseId: number, sessionOn: string, atTime: string, place: string) =>
      call<SummonsIssued>("issue_summons", { caseId, sessionOn, atTime, place }),
    printSummons: (summonsId: number) => call<PrintedRuling>("print_summons", { summonsId }),
    recordSummonsService: (summonsId: number, method: ServiceMethod, servedOn: string) =>
      call<SummonsView>("record_summons_service", { summonsId, method, servedOn }),
    recordDefence: (summonsId: number, receivedOn: string, note: string) =>
      call<SummonsView>("record_defence", { summonsId, receivedOn, note }),
    desk: () => call<DeskView>("desk"),
    agenda: () => call<AgendaRow[]>("agenda"),
    scheduleSession: (caseId: number, day: string, atTime: string, note: string) =>
      call<number>("schedule_session", { caseId, day, atTime, note }),
    caseHistory: (caseId: number) => call<HistoryRow[]>("case_history", { caseId }),
    listHolidays: () => call<HolidayRow[]>("list_holidays"),
    addHoliday: (day: string, title: string) => call<null>("add_holiday", { day, title }),
    removeHoliday: (day: string) => call<null>("remove_holiday", { day }),
    seatNewMember: (boardId: number, seat: string, member: MemberForm) =>
      call<null>("seat_new_member", { boardId, seat, member }),
    /** The ruling's pages as PNG; pages whose hash is in `known` come back without their image. */
    /** The rulings sealed from `from` to `to`, typeset again into one folder (progress: `batch-progress`). */
    reprintRulings: (from: string, to: string) => call<BatchDone>("reprint_rulings", { from, to }),
    /** Stops the running batch after the rulings being typeset now. */
    stopBatch: () => call<null>("stop_batch"),
    previewRuling: (caseId: number, draft: RulingDraft, known: string[] = []) =>
      call<PreviewPageView[]>("preview_ruling", { caseId, draft, known }),
    /** A Solar Hijri month for the date picker; today's month when year and month are null. */
    calendarMonth: (year: number | null, month: number | null) =>
      call<CalendarMonth>("calendar_month", { year, month }),
    /** One page of the running time limits, soonest first (`limit` 1..500, 500 when absent). */
    deadlines: (offset?: number, limit?: number) => call<DeadlinePage>("deadlines", { offset, limit }),
    backupNow: () => call<BackupDone>("backup_now"),
    listBackups: () => call<BackupFile[]>("list_backups"),
    /** The backup to put back at the next start; null cancels. */
    restoreOnRestart: (name: string | null) => call<null>("restore_on_restart", { name }),
    printRuling: (caseId: number, draft: RulingDraft) => call<PrintedRuling>("print_ruling", { caseId, draft }),
    suggestForCase: (caseId: number, decidedOn: string | null) =>
      call<Suggestion>("suggest_for_case", { caseId, decidedOn }),
  };
}

export const ipc = commands(invoke);
