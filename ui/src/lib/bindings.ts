// Generated from the Rust types in src-tauri/src/dto.rs and the crates they use.
// Do not edit: run `HEYAT_WRITE_BINDINGS=1 cargo test -p heyat-app bindings` instead.

export type CommandError = { code: ErrorCode, message: string, };

export type PackageWritten = { path: string, case_number: string, bytes: number, rulings: number, evidence: number, 
/**
 * The sending installation's key, for the receiving secretary to compare.
 */
fingerprint: string, manifest_sha256: string, };

export type PackageRuling = { file: string, genuine: boolean, kind: string | null, decided_on: string | null, 
/**
 * The signers' names and seats, or why the ruling is not genuine.
 */
detail: string, };

export type PackageReport = { 
/**
 * Intact, from a trusted sender, and every sealed ruling genuine: it may be received.
 */
genuine: boolean, 
/**
 * The signature holds and every file is as the manifest lists it.
 */
intact: boolean, 
/**
 * Persian: why it may not be received.
 */
reason: string | null, case_number: string | null, origin_board: string | null, 
/**
 * UTC, as the manifest gives it.
 */
exported_at: string | null, 
/**
 * Solar Hijri, Iran time, Persian digits.
 */
exported_at_fa: string | null, fingerprint: string | null, 
/**
 * `known`, `keys-file` or `fingerprint`; none while the sender's key is not trusted.
 */
trusted_by: string | null, rulings: Array<PackageRuling>, evidence: number, files: number, bytes: number, manifest_sha256: string | null, 
/**
 * The case as the package carries it (`case.json`), for the screen to show.
 */
case: unknown, };

export type ReceivedView = { id: number, case_number: string, origin_board: string, fingerprint: string, 
/**
 * How the sender was trusted, in Persian.
 */
trusted_fa: string, 
/**
 * Solar Hijri, Iran time, Persian digits.
 */
exported_at_fa: string, received_at_fa: string, rulings: number, evidence: number, bytes: number, 
/**
 * The files a person may open: sealed rulings and evidence.
 */
files: Array<string>, 
/**
 * The appeal case opened here from the package, if any.
 */
opened_case_id: number | null, };

export type OpenedCase = { id: number, number: string, };

export type AppInfo = { version: string, 
/**
 * The first-instance board this installation serves, if one is set up.
 */
board_name: string | null, data_dir: string, database_path: string, 
/**
 * ISO date.
 */
today: string, 
/**
 * Solar Hijri, Persian digits, with the weekday: «دوشنبه ۱۴۰۵/۰۹/۰۲».
 */
today_fa: string, 
/**
 * Solar Hijri with Latin digits, as forms and the engine take it: `1405/09/02`.
 */
today_solar: string, 
/**
 * What a restore asked for at the last run did at this start.
 */
restore_note: string | null, 
/**
 * The backup to be put back at the next start, if one was asked for.
 */
restore_pending: string | null, };

export type StartStatus = { ok: boolean, message: string | null, 
/**
 * The data folder, or the server's URL without its password.
 */
place: string | null, };

export type CaseStatus = "registered" | "in_review" | "scheduled" | "heard" | "decided" | "notified" | "final" | "appealed" | "appeal_decided" | "suspended";

export type CaseListItem = { id: number, 
/**
 * `YEAR-SEQ`, e.g. `1403-0012`: unique per board and Solar Hijri year.
 */
number: string, board_id: number, office_code: string, office_name: string, city: string, manager_name: string, status: CaseStatus, 
/**
 * ISO date.
 */
registered_on: string, subject: string, charge_count: number, };

export type CaseRow = { status_fa: string, 
/**
 * Solar Hijri with Persian digits.
 */
registered_on_fa: string, id: number, 
/**
 * `YEAR-SEQ`, e.g. `1403-0012`: unique per board and Solar Hijri year.
 */
number: string, board_id: number, office_code: string, office_name: string, city: string, manager_name: string, status: CaseStatus, 
/**
 * ISO date.
 */
registered_on: string, subject: string, charge_count: number, };

export type CaseFilter = { status?: CaseStatus, 
/**
 * Words to find in the number, the office's code or name, the city or the manager's name.
 */
text?: string, board_id?: number, office_id?: number, 
/**
 * Registered on or after this ISO date.
 */
registered_from?: string, 
/**
 * Registered on or before this ISO date.
 */
registered_to?: string, 
/**
 * Any of these statuses.
 */
statuses?: Array<CaseStatus>, };

export type CasePage = { total: number, offset: number, rows: Array<CaseRow>, };

export type DeadlinePage = { total: number, offset: number, rows: Array<DeadlineRow>, };

export type PreviewPageView = { 
/**
 * The same text in the same place gives the same hash.
 */
hash: string, width: number, height: number, 
/**
 * `data:image/png;base64,…`; `null` when the window said it holds this page already.
 */
png: string | null, };

export type BatchProgress = { done: number, total: number, };

export type BatchDone = { 
/**
 * The folder the PDFs were written to.
 */
folder: string, total: number, written: number, 
/**
 * Typeset again but not as kept («case number: why»): not written.
 */
differing: Array<string>, 
/**
 * Not typeset or not written («case number: why»).
 */
failed: Array<string>, stopped: boolean, };

export type StatusCountRow = { status: CaseStatus, status_fa: string, count: number, };

export type BoardView = { id: number, kind: string, kind_fa: string, name: string, province: string, term_start_fa: string, term_end_fa: string, seats: Array<SeatView>, };

export type SeatView = { seat: string, member_id: number, seat_fa: string, member_name: string, member_kind_fa: string, judicial_grade: number | null, 
/**
 * The code of the office whose licence the member holds (Art 23), in Persian digits;
 * null when none is on record.
 */
manages_office_fa: string | null, };

export type CatalogueEntry = { 
/**
 * A clause id (`1401:37:f`), an article for a residual violation (`1401:41`), or a kind
 * measured in days (`absence`, `closure`: the engine picks the clause by days).
 */
id: string, 
/**
 * `1401`, `1396` or `1392`.
 */
code: string, article_number: number, 
/**
 * The clause's letter or number as printed («الف», «۲»); empty for a whole article.
 */
label_fa: string, title_fa: string, text_fa: string, 
/**
 * The fixed grade, where the clause carries one.
 */
grade: number | null, 
/**
 * The range the board chooses from, where it does (Art 41; the older codes).
 */
grade_range: [number, number] | null, 
/**
 * Whether the charge needs a number of days.
 */
measured: boolean, };

export type CaseFileView = { file: CaseFile, status_fa: string, registered_on_fa: string, charges: Array<ChargeView>, 
/**
 * The chair of the hearing board (Art 26), if elected.
 */
chair_member_id: number | null, 
/**
 * Every ISO date in the file as people read it (Solar Hijri, Persian digits).
 */
dates_fa: { [key in string]: string }, 
/**
 * The questions a session puts to the vote, from the charges (DOMAIN.md step 4).
 */
questions: Array<Question>, 
/**
 * What the last session's votes decided, to seed the ruling's draft.
 */
seed: RulingSeed | null, 
/**
 * Every condition of Arts 9–11 (Art 45), for the checklist of those the manager lost.
 */
conditions: Array<Condition>, 
/**
 * The case's suspended prosecution (Art 31), as people read it.
 */
suspension: SuspensionView | null, };

export type RulingDraft = { 
/**
 * A bar comes from the engine, whatever is chosen here.
 */
verdict: Verdict, grade: number | null, 
/**
 * For a suspension: its months, within the judging code's term (1401 grade 5: 3–12,
 * grade 6: 13–36; 1396/1392 grade 5: 3–24).
 */
suspension_months: number | null, 
/**
 * For a suspended prosecution: 1 or 2 years (Art 31).
 */
suspension_years: number | null, session_date: string, complaint_summary: string, defence_summary: string, 
/**
 * The board's reasoning, one paragraph per line.
 */
reasoning: string, 
/**
 * A dissenting member's opinion, with the seat where he sat.
 */
dissent_seat: Seat | null, dissent: string | null, 
/**
 * An appeal board's result on the first-instance ruling (Art 33).
 */
appeal_result: AppealResult | null, 
/**
 * With a penalty: the charges (their ids) the board found not established, acquitting
 * the manager of them and convicting him of the rest (seeded from the guilt votes,
 * `RulingSeed.acquitted_charges`).
 */
acquitted_charges: Array<number>, 
/**
 * With a licence revocation (Art 45): the conditions of Arts 9–11 the manager lost or
 * never had, by id (`1401:9:d`).
 */
qualifications: Array<string>, };

export type BackupDone = { path: string, 
/**
 * `ok` from SQLite's integrity check of the copy.
 */
integrity: string, cases: number, tables: number, evidence_files: number, };

export type DeadlineRow = { case_id: number, case_number: string, office_name: string, 
/**
 * `appeal` or `limitation`.
 */
kind: string, kind_fa: string, 
/**
 * The article that sets the limit (`1401:33`, `1401:30`).
 */
article: string, 
/**
 * The last day, Solar Hijri with Persian digits.
 */
due_on_fa: string, 
/**
 * Days from today to the last day; negative once it has passed.
 */
days_left: number, };

export type ComplaintForm = { 
/**
 * `complaint` or `violation_report`.
 */
kind: string, 
/**
 * `client`, `inspection`, `services_deputy`, `kanoon`, `other_authority`.
 */
source: string, received_on: string, office_id: number, reporter_name: string | null, reporter_contact: string | null, 
/**
 * Art 20: confidential by default.
 */
reporter_confidential: boolean, summary: string, 
/**
 * The Kanoon representative's review (practice, never required).
 */
review_notes: string | null, 
/**
 * Forward to the first-instance board now, which opens a case (Art 21).
 */
forward: boolean, 
/**
 * The subject of the case it opens, in the secretary's words; never taken from the
 * summary. Empty: the case has no subject yet.
 */
case_subject: string | null, };

export type ChargeForm = { violation: string, committed_on: string, days: number | null, facts: string, last_prosecution_act_on: string | null, };

export type ComplaintRegistered = { complaint_id: number, 
/**
 * The case opened when the complaint was forwarded to the board.
 */
case_id: number | null, case_number: string | null, };

export type OfficeItem = { id: number, code: string, name: string, city: string, 
/**
 * The office's manager, when one is registered.
 */
manager_name: string | null, };

export type SessionAttendance = { judge_1: HolderWas, judge_2: HolderWas, representative: HolderWas, alternate_judge_present: boolean, alternate_representative_present: boolean, };

export type QuorumView = { quorum: boolean, 
/**
 * Why not, with what to do, in Persian.
 */
message: string | null, places: Array<PlaceView>, };

export type SittingForm = { board_id: number, 
/**
 * Solar Hijri or ISO.
 */
held_on: string, 
/**
 * A holder not present is absent for the whole sitting; recusal is per case.
 */
attendance: SessionAttendance, chair_member_id: number, case_ids: Array<number>, };

export type DocketCandidate = { case_id: number, number: string, subject: string, office_name: string, manager_name: string, status_fa: string, 
/**
 * Set for that day.
 */
scheduled: boolean, 
/**
 * `HH:MM` in Persian digits, or empty.
 */
time_fa: string, };

export type DocketDay = { board_id: number, board_name: string, 
/**
 * ISO.
 */
day: string, day_fa: string, candidates: Array<DocketCandidate>, };

export type RecusalView = { seat_fa: string, member_id: number, member_name: string, replaced_by_name: string, };

export type SittingCaseView = { order: number, case_id: number, session_id: number, number: string, subject: string, office_name: string, manager_name: string, status_fa: string, chair_name: string, 
/**
 * Who sits for this case, place by place.
 */
places: Array<PlaceView>, recusals: Array<RecusalView>, questions: number, votes: number, 
/**
 * What was decided, once a ruling is drafted.
 */
outcome_fa: string | null, };

export type SittingMemberView = { seat: Seat, seat_fa: string, member_id: number, name: string, };

export type SittingView = { id: number, board_id: number, board_name: string, day_fa: string, chair_member_id: number, chair_name: string, present: Array<SittingMemberView>, cases: Array<SittingCaseView>, };

export type SittingRow = { id: number, board_name: string, day_fa: string, cases: number, };

export type PlaceView = { seat: Seat, seat_fa: string, member_id: number, member_name: string, by_alternate: boolean, };

export type VoteInput = { member_id: number, choice: string, dissent: string | null, };

export type TallyView = { 
/**
 * The majority's choice, once two members agree.
 */
decided: string | null, dissenters: Array<string>, awaiting: Array<string>, };

export type PrintedRuling = { path: string, pages: number, bytes: number, 
/**
 * The verification code printed under the QR code.
 */
verification_code: string, };

export type CountView = { key: string, label_fa: string, count: number, };

export type DimensionView = { 
/**
 * `violation`, `grade`, `office`, `month`, `outcome` or `status`.
 */
key: string, title_fa: string, counts: Array<CountView>, };

export type StatisticsView = { 
/**
 * «از ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۹/۱۲», or «همهٔ پرونده‌ها».
 */
period_fa: string, cases: number, charges: number, rulings: number, dimensions: Array<DimensionView>, };

export type PeriodForm = { from: string | null, to: string | null, };

export type RankingEffectView = { case_number: string, final_on_fa: string, grade: number, 
/**
 * «آیین‌نامهٔ ۱۴۰۱».
 */
regulation_fa: string, 
/**
 * «بند پ شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی», or «بدون کسر».
 */
clause_fa: string, deduction: number, reason_fa: string, };

export type RankingRowView = { office_code: string, office_name: string, city: string, manager_name: string | null, score: number, rank_levels_down_max: number, effects: Array<RankingEffectView>, };

export type RankingView = { period_fa: string, 
/**
 * That criminal convictions are not on record here, and must be added from their source.
 */
note_fa: string, offices: Array<RankingRowView>, };

export type ExportRequest = { "list": "cases", filter: CaseFilter, } | { "list": "deadlines" } | { "list": "rulings" } | { "list": "sessions" } | { "list": "statistics", period: PeriodForm, } | { "list": "ranking", period: PeriodForm, };

export type ExportFormat = "xlsx" | "csv";

export type WrittenFile = { path: string, rows: number, bytes: number, };

export type ImportProblemView = { sheet: string, row: number, column: string | null, message: string, };

export type ImportReportView = { 
/**
 * The copy of the file kept in the data folder's `imports/`.
 */
kept_as: string, offices: number, managers: number, cases: number, problems: Array<ImportProblemView>, saved: boolean, case_numbers: Array<string>, };

export type ChargeView = { id: number, violation: string, title_fa: string, 
/**
 * The clause's corrected text; for absence and closure, how the days decide the clause.
 */
text_fa: string, grade: number | null, grade_range: [number, number] | null, days: number | null, committed_on_fa: string, last_prosecution_act_on_fa: string | null, facts: string, };

export type CaseFile = { case: CaseListItem, office_id: number, manager_id: number, manager_national_id: string, office_province: string, 
/**
 * The manager's death, as recorded (Art 30).
 */
manager_deceased_on: string | null, 
/**
 * The manager's permanent separation from managing the office, as recorded (Art 30).
 */
manager_separated_on: string | null, charges: Array<ChargeRecord>, complaints: Array<ComplaintRecord>, evidence: Array<EvidenceRecord>, sessions: Array<SessionRecord>, rulings: Array<RulingRecord>, notifications: Array<NotificationRecord>, appeals: Array<AppealRecord>, 
/**
 * Sessions set for the case (not yet necessarily held).
 */
scheduled: Array<ScheduledSession>, 
/**
 * For an appeal case: the first-instance case it reviews (Art 33).
 */
appeal_of: CaseLink | null, 
/**
 * For a first-instance case: the case opened before the appeal board.
 */
appealed_as: CaseLink | null, 
/**
 * The conditions of Arts 9–11 the board found the manager lost or never had (Art 45).
 */
lost_qualifications: Array<LostQualification>, 
/**
 * The latest order of suspended prosecution (Art 31).
 */
suspension: SuspensionOrderRecord | null, };

export type ChargeRecord = { id: number, violation: string, committed_on: string, days: number | null, facts: string, last_prosecution_act_on: string | null, };

export type ComplaintRecord = { id: number, kind: string, source: string, received_on: string, reporter_name: string | null, reporter_contact: string | null, reporter_confidential: boolean, 
/**
 * An identity is on file: `reveal_reporter` shows it, and the reading is recorded.
 */
reporter_on_file: boolean, summary: string, review_notes: string | null, forwarded_on: string | null, 
/**
 * The day the complainant withdrew the complaint, if he did.
 */
withdrawn_on: string | null, };

export type ReporterIdentity = { complaint_id: number, name: string | null, contact: string | null, confidential: boolean, };

export type EvidenceRecord = { id: number, sha256: string, size: number, media_type: string, file_name: string, description: string, added_at: string, };

export type SessionRecord = { id: number, board_id: number, held_on: string, chair_member_id: number | null, minutes: string, attendance: Array<AttendanceRecord>, votes: Array<VoteRecord>, };

export type AttendanceRecord = { 
/**
 * The principal seat: judge 1, judge 2 or the representative.
 */
seat: Seat, 
/**
 * Who sat: the holder, or the alternate when the holder was absent or recused.
 */
member_id: number, 
/**
 * What the seat's holder was: present, absent or recused.
 */
holder_was: HolderWas, };

export type VoteRecord = { id: number, question: string, 
/**
 * What the question decides; `None` only for votes recorded before kinds were kept.
 */
kind: QuestionKind | null, 
/**
 * For a question of guilt: the charge.
 */
charge_id: number | null, member_id: number, choice: string, dissent: string | null, };

export type RulingRecord = { id: number, session_id: number | null, stage: Stage, status: RulingStatus, outcome: RulingOutcome | null, grade: number | null, 
/**
 * Months of a suspension from management (grades 5 and 6).
 */
suspension_months: number | null, 
/**
 * Years of a suspended prosecution (Art 31).
 */
suspension_years: number | null, 
/**
 * The day the ruling became final.
 */
final_on: string | null, 
/**
 * The day its penalty was carried out (Art 43).
 */
carried_out_on: string | null, text: string, 
/**
 * The rules engine's suggestion with its trace, as JSON text.
 */
suggestion: string | null, drafted_on: string, signed_on: string | null, content_hash: string | null, signoffs: Array<SignoffRecord>, };

export type SignoffRecord = { member_id: number, signed_at: string, };

export type NotificationRecord = { id: number, ruling_id: number, recipient: Party, method: ServiceMethod, notified_on: string, };

export type AppealRecord = { id: number, ruling_id: number, appellant: Party, filed_on: string, in_time: boolean, grounds: string, };

export type ArticleView = { id: string, regulation_fa: string, article_number: number, title_fa: string, text_fa: string, };

export type SuggestRequest = { decided_on: string, 
/**
 * `auto`, `1401`, `1396` or `1392`.
 */
regulation: string, manager: ManagerFacts, charges: Array<ChargeRequest>, record: Array<RecordRequest>, complaint_withdrawn: boolean, holidays: Array<string>, decision: DecisionRequest | null, 
/**
 * Art 31: the prosecution of these charges was suspended.
 */
suspended_prosecution?: SuspensionRequest, };

export type ManagerFacts = { deceased: boolean, permanently_separated: boolean, lacks_qualifications: boolean, 
/**
 * The conditions of Arts 9–11 the manager lost (`1401:9:d`); Art 45 needs no charge.
 */
lost_qualifications: Array<string>, };

export type ChargeRequest = { violation: string, committed_on: string, days: number | null, last_prosecution_act_on: string | null, grade: number | null, res_judicata: boolean, crime_found: boolean, };

export type RecordRequest = { grade: number, regulation: string | null, final_on: string | null, carried_out_on: string | null, 
/**
 * When the violation it punished was committed (Art 31).
 */
committed_on: string | null, };

export type DecisionRequest = { grade: number | null, acquitted: boolean | null, charge_grade: number | null, notified_on: string | null, 
/**
 * With a grade: the charges (0-based, in the form's order) the board acquitted.
 */
acquitted_charges: Array<number>, };

export type SuspensionRequest = { ordered_on: string, years: number, };

export type QualificationView = { 
/**
 * `1401:9:d`.
 */
id: string, article_number: number, 
/**
 * «ت»
 */
label_fa: string, title_fa: string, text_fa: string, };

export type Suggestion = { regulation: Code, outcome: Outcome, bar: Bar | null, charges: Array<ChargeOutcome>, grade: GradeRange | null, suspension: Suspension, steps: Array<Step>, appeal: Appeal | null, comparison: Comparison | null, referral: Referral | null, licence_revocation: LicenceRevocation | null, 
/**
 * The penalty at `grade.min`, in the judging code's words and as data.
 */
penalty: Penalty | null, suspension_order: SuspensionOrderOutcome | null, };

export type Code = "1392" | "1396" | "1401";

export type Outcome = "penalty" | "barred" | "revocation";

export type Bar = { reason: BarReason, article: string, 
/**
 * The clause (`1401:30:a`); the article itself where it has no clause for it.
 */
clause: string, };

export type BarReason = "res_judicata" | "limitation" | "separation" | "death";

export type ChargeOutcome = { 
/**
 * The clause id (a measured kind resolved to its clause).
 */
violation: string, days: number | null, 
/**
 * The grade, when fixed by the clause or chosen by the board.
 */
grade: number | null, grade_range: [number, number], barred: Bar | null, title_fa: string, 
/**
 * The clause's corrected text, as the ruling must quote it.
 */
text_fa: string, committed_on: JalaliDate, 
/**
 * Last day on which prosecution is not yet barred by limitation (1401 Art 30, applied
 * from the day the 1401 code came into force).
 */
limitation_until: JalaliDate | null, 
/**
 * The board acquitted the manager of this charge (`decision.acquitted_charges`).
 */
acquitted: boolean, };

export type GradeRange = { min: number, max: number, lowest_with_mitigation: number | null, };

export type Suspension = { available: boolean, years: [number, number], article: string, };

export type Step = { 
/**
 * `VERSION:ARTICLE`.
 */
article: string, 
/**
 * `VERSION:ARTICLE:CLAUSE` when a clause or note is meant.
 */
clause: string | null, 
/**
 * Index of the charge (in input order) the step is about.
 */
charge: number | null, mandatory: boolean, from: number | null, to: number | null, reason_fa: string, reason_en: string, 
/**
 * A reading the text leaves open that this step relies on.
 */
reading?: Reading, };

export type Appeal = { appealable: boolean, by: Array<Appellant>, 
/**
 * The manager's last day (for 1401, everyone's); null where none is written or the
 * decision is not notified yet.
 */
deadline: JalaliDate | null, center_head_deadline: JalaliDate | null, board: string, article: string, } | { appealable: boolean, article: string, };

export type Appellant = "manager" | "center_head";

export type Lenient = "1392" | "1396" | "1401" | "same";

export type Comparison = { regulation: Code, outcome: Outcome, grade: GradeRange | null, more_lenient: Lenient, 
/**
 * The penalty at each side's `grade.min`, in its code's words, keyed by code (`"1396"`,
 * `"1401"`); a side with no penalty (barred) says so.
 */
penalty_fa: { [key in string]: string }, 
/**
 * The same penalties as data.
 */
penalties: { [key in string]: Penalty | null }, steps: Array<Step>, };

export type Referral = { required: boolean, article: string, charges: Array<number>, };

export type LicenceRevocation = { article: string, 
/**
 * The conditions of Arts 9–11 found lost, by id.
 */
qualifications: Array<string>, appeal: Appeal, };

export type Reading = { id: string, fa: string, en: string, };

export type SuspensionOrderOutcome = { ordered_on: JalaliDate, years: number, 
/**
 * The last day of the period.
 */
ends_on: JalaliDate, status: SuspensionStatus, 
/**
 * The record entry (input index) whose conviction revokes it.
 */
revoked_by: number | null, article: string, };

export type SuspensionStatus = "running" | "revoked" | "ended";

export type Penalty = { 
/**
 * The code (`"1396"`).
 */
regulation: string, grade: number, kind: PenaltyKind, 
/**
 * A suspension's term in months, `[least, most]`.
 */
term_months: [number, number] | null, 
/**
 * The least term is excluded («بیش از یک سال»).
 */
term_above_min: boolean, suspends: Suspends | null, 
/**
 * The clause that words it (`1396:35:6`).
 */
clause: string, 
/**
 * The code's own words (`لغو دایم پروانه`).
 */
title_fa: string, };

export type PenaltyKind = "oral_notice" | "written_warning" | "reprimand_on_file" | "reprimand_published" | "suspension" | "revocation";

export type Suspends = "management" | "licence";

export type JalaliDate = string;

export type CalendarMonth = { year: number, 
/**
 * 1 (Farvardin) to 12 (Esfand).
 */
month: number, 
/**
 * «آذر ۱۴۰۵».
 */
title_fa: string, days: Array<CalendarDay>, };

export type CalendarDay = { day: number, 
/**
 * ISO date.
 */
iso: string, 
/**
 * Solar Hijri with Latin digits, as forms take it: `1405/09/02`.
 */
solar: string, 
/**
 * 0 = Saturday … 6 = Friday (the Persian week).
 */
weekday: number, 
/**
 * Why the offices are closed that day: «جمعه» or the holiday's title.
 */
closed: string | null, today: boolean, };

export type AgendaRow = { id: number, case_id: number, case_number: string, board_name: string, office_name: string, manager_name: string, 
/**
 * Solar Hijri with Persian digits and the weekday.
 */
day_fa: string, 
/**
 * `HH:MM` in Persian digits, or empty.
 */
time_fa: string, note: string, is_today: boolean, };

export type DeskView = { today_fa: string, 
/**
 * Sessions set for today.
 */
today: Array<AgendaRow>, 
/**
 * Sessions set for the next 14 days.
 */
upcoming: Array<AgendaRow>, 
/**
 * Time limits ending within 30 days (or passed), soonest first: the first
 * [`DESK_LINES`] of `deadlines_total`.
 */
deadlines: Array<DeadlineRow>, deadlines_total: number, counts: Array<StatusCountRow>, 
/**
 * Draft rulings still awaiting members' signatures, newest first: the first
 * [`DESK_LINES`] of `unsigned_total`.
 */
unsigned: Array<UnsignedRow>, unsigned_total: number, 
/**
 * Notified cases whose appeal period ended with no appeal: their rulings may be made
 * final. The first [`DESK_LINES`] numbers of `finalizable_total`.
 */
finalizable: Array<string>, finalizable_total: number, 
/**
 * Suspended prosecutions (Art 31): to revoke, then ended (to close), then running, the
 * soonest end first in each: the first [`DESK_LINES`] of `suspensions_total`.
 */
suspensions: Array<SuspensionView>, suspensions_total: number, };

export type UnsignedRow = { case_id: number, case_number: string, office_name: string, signed: number, sitting: number, };

export type SignView = { signed: Array<string>, remaining: Array<string>, 
/**
 * Set once every member who sat has signed: the ruling is locked.
 */
content_hash: string | null, 
/**
 * Set once every member who sat has signed: where the sealed ruling's PDF was saved.
 */
pdf_path: string | null, };

export type HistoryRow = { id: number, 
/**
 * The day, Solar Hijri with Persian digits (local time).
 */
at_fa: string, 
/**
 * `HH:MM` in Persian digits, local time.
 */
time_fa: string, actor: string, 
/**
 * «ثبت تخلف», «ویرایش رأی» …
 */
what_fa: string, table_name: string, row_id: number, };

export type HolidayRow = { day: string, day_fa: string, title: string, };

export type AppealFiled = { appeal: AppealRecord, appeal_case_id: number | null, appeal_case_number: string | null, };

export type MemberForm = { 
/**
 * `judge`, `kanoon_rep` or `center_rep`.
 */
kind: string, first_name: string, last_name: string, judicial_grade: number | null, on_kanoon_directors: boolean, 
/**
 * The code of the office this person manages (holds its licence); `null` or blank when
 * none. A first-instance board's Kanoon representative and its alternate must (Arts 23,
 * 25). Persian or Latin digits.
 */
manages_office: string | null, };

export type BackupFile = { name: string, bytes: number, 
/**
 * When it was made, Solar Hijri and local time, Persian digits.
 */
made_fa: string, };

export type PendingNotice = { case_id: number, notification_id: number, case_number: string, recipient_fa: string, notified_on_fa: string, };

export type NotificationDone = { 
/**
 * The last day this recipient may appeal, Solar Hijri with Persian digits; none when he
 * may not.
 */
deadline_fa: string | null, 
/**
 * The ruling is final now: no one may appeal it.
 */
final_now: boolean, };

export type ScheduledSession = { id: number, case_id: number, case_year: number, case_seq: number, board_id: number, board_name: string, office_name: string, manager_name: string, 
/**
 * ISO date.
 */
scheduled_on: string, 
/**
 * `HH:MM`, or empty.
 */
at_time: string, note: string, };

export type CaseLink = { id: number, year: number, seq: number, board_name: string, };

export type ErrorCode = "invalid_input" | "refused" | "not_found" | "duplicate" | "signed_ruling" | "storage" | "render" | "engine" | "unauthenticated" | "forbidden" | "unreachable";

export type Seat = "judge_1" | "judge_2" | "representative" | "alternate_judge" | "alternate_representative";

export type HolderWas = "present" | "absent" | "recused";

export type Question = { kind: QuestionKind, 
/**
 * For a question of guilt: the charge it asks about.
 */
charge_id: number | null, text_fa: string, };

export type RulingSeed = { verdict: Verdict | null, grade: number | null, 
/**
 * The member in the minority who wrote a dissent, and what he wrote.
 */
dissent_member_id: number | null, dissent: string | null, 
/**
 * Charges the majority found not established, and established.
 */
acquitted_charges: Array<number>, established_charges: Array<number>, };

export type QuestionKind = "guilt" | "grade" | "mitigation" | "suspension";

export type Verdict = "penalty" | "acquittal" | "suspended_prosecution" | "licence_revocation";

export type Stage = "first_instance" | "appeal";

export type RulingStatus = "draft" | "signed" | "final";

export type RulingOutcome = "conviction" | "acquittal" | "mixed" | "suspended_prosecution" | "barred" | "confirmed" | "reversed" | "modified";

export type Party = "manager" | "center_head" | "complainant";

export type ServiceMethod = "electronic" | "in_person" | "post";

export type AppealResult = "confirmed" | "reversed" | "modified";

export type Vocabulary = { seats: { [key in string]: string }, holder_was: { [key in string]: string }, ruling_status: { [key in string]: string }, stages: { [key in string]: string }, parties: { [key in string]: string }, methods: { [key in string]: string }, case_status: { [key in string]: string }, complaint_sources: { [key in string]: string }, 
/**
 * The conditions of Arts 9–11 (1401) an Art 45 ruling may find lost, in the
 * regulation's order: `[id, «مادهٔ ۹، بند «ت»: مدرک تحصیلی»]`.
 */
qualifications: Array<[string, string]>, 
/**
 * Each code's list of penalties by grade (1401 Art 29, 1396 Art 35, 1392 Art 23), as
 * the code words them: what the ruling's draft offers for a case judged by that code.
 */
penalties: { [key in string]: Array<Penalty> }, };

export type CaseFacts = { 
/**
 * The day the case's final penalty was carried out (Art 43's two years start then).
 */
carried_out_on: string | null, 
/**
 * The manager's death (Art 30).
 */
deceased_on: string | null, 
/**
 * The manager's permanent separation from managing the office (Art 30).
 */
separated_on: string | null, 
/**
 * The complainant withdrew the complaint (1396 Art 38 note 2; 1392 Art 26 note 2).
 */
complaint_withdrawn_on: string | null, };

export type LostQualification = { 
/**
 * The clause id (`1401:9:d`).
 */
condition: string, 
/**
 * The day the board found it: ISO from the store; Solar Hijri or ISO from a form.
 */
found_on: string, 
/**
 * A note, or where the evidence showing it is.
 */
note: string, };

export type SuspensionOrderRecord = { id: number, ruling_id: number, ordered_on: string, years: number, 
/**
 * The last day of the period.
 */
ends_on: string, revoked_on: string | null, 
/**
 * The final conviction that revoked it.
 */
revoked_by_ruling_id: number | null, 
/**
 * The day the board closed the file, the period ended.
 */
closed_on: string | null, };

export type SuspensionView = { case_id: number, case_number: string, office_name: string, manager_name: string, 
/**
 * The ruling's date, Solar Hijri with Persian digits.
 */
ordered_on_fa: string, years: number, 
/**
 * The last day of the period, Solar Hijri with Persian digits.
 */
ends_on_fa: string, 
/**
 * Days from today to the last day; negative once it has passed.
 */
days_left: number, 
/**
 * `running`, `to_revoke`, `ended` (the file to close), `revoked` or `closed`.
 */
state: string, state_fa: string, 
/**
 * For a suspension to revoke: the case whose final conviction revokes it.
 */
revoking_case_number: string | null, revoked_on_fa: string | null, closed_on_fa: string | null, };

export type Condition = { 
/**
 * The clause id (`1401:9:d`).
 */
id: string, article_number: number, 
/**
 * The article's short title («شرایط مدیر دفتر و کارشناس حقوقی»).
 */
article_title_fa: string, 
/**
 * The clause's label as printed («ت»).
 */
label_fa: string, title_fa: string, };

export type SummonsView = { id: number, case_id: number, issued_on_fa: string, 
/**
 * With the weekday: «دوشنبه ۱۴۰۵/۰۹/۱۶».
 */
session_on_fa: string, 
/**
 * `HH:MM` in Persian digits.
 */
at_time_fa: string, place: string, 
/**
 * The charges it notified (frozen when issued), by their clause's title.
 */
charges_fa: Array<string>, served_on_fa: string | null, method: ServiceMethod | null, defence_due_fa: string | null, 
/**
 * Days from today to the last day to defend (negative once it passed), while no
 * defence is on record.
 */
days_left: number | null, 
/**
 * Served too late for the ten days to end before the session: put the session off.
 */
session_too_soon: boolean, defence_received_on_fa: string | null, defence_late: boolean | null, defence_note: string, 
/**
 * The PDF under `documents/`, when it was printed.
 */
pdf_path: string | null, };

export type SummonsPanel = { summonses: Array<SummonsView>, 
/**
 * The next session set for the case from today on (`1405/09/16`, Latin digits, as the
 * form takes it), if it is late enough for a summons.
 */
scheduled_day: string | null, scheduled_at: string | null, 
/**
 * The first day a session may be set for in a summons issued today (Latin digits).
 */
earliest_session: string, earliest_session_fa: string, 
/**
 * Days to defend from the service.
 */
defence_days: number, };

export type SummonsIssued = { summons: SummonsView, printed: PrintedRuling, };
