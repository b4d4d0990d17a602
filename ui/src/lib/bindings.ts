// Generated from the Rust types in src-tauri/src/dto.rs and the crates they use.
// Do not edit: run `HEYAT_WRITE_BINDINGS=1 cargo test -p heyat-app bindings` instead.

export type CommandError = { code: string, message: string, };

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
today_fa: string, };

export type CaseStatus = "registered" | "in_review" | "scheduled" | "heard" | "decided" | "notified" | "final" | "appealed" | "appeal_decided";

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
text?: string, };

export type StatusCountRow = { status: CaseStatus, status_fa: string, count: number, };

export type BoardView = { id: number, kind: string, kind_fa: string, name: string, province: string, term_start_fa: string, term_end_fa: string, seats: Array<SeatView>, };

export type SeatView = { seat: string, seat_fa: string, member_name: string, member_kind_fa: string, judicial_grade: number | null, };
