// Sign-in, accounts and roles: the types of the auth contract (notes/auth-contract.md) and
// typed wrappers over `invoke`, in the style of ipc.ts. What the UI hides by role is a
// convenience only: the Rust side checks every command again.
import { invoke } from "@tauri-apps/api/core";
import { caller, type Invoke } from "./ipc";
import { latinDigits } from "./fa";

export type Role = "secretary" | "member" | "kanoon_reviewer" | "admin";

/** Each role's Persian title, in the order the account form offers them. */
export const ROLE_TITLES: Record<Role, string> = {
  secretary: "دبیر هیأت",
  member: "عضو هیأت",
  kanoon_reviewer: "نمایندهٔ کانون (بررسی شکایات)",
  admin: "مدیر سامانه",
};

/** The action codes a role may perform (`SignedIn.may`). */
export type Action =
  | "read_cases"
  | "register_complaint"
  | "review_complaint"
  | "read_reporter"
  | "edit_case"
  | "schedule"
  | "hold_session"
  | "record_votes"
  | "draft_ruling"
  | "sign_ruling"
  | "print"
  | "serve"
  | "summon"
  | "appeal"
  | "finalize"
  | "revoke_suspension"
  | "manage_board"
  | "manage_accounts"
  | "backup"
  | "restore"
  | "checkpoint"
  | "export_keys"
  | "verify"
  | "send_case"
  | "receive_case";

/** The start's check of the audit chain; `checking` while it still runs (a large chain takes seconds). */
export type AuditHealth = { ok: boolean; checking: boolean; message: string };

export type SignedIn = {
  account_id: number;
  username: string;
  name: string;
  role: Role;
  role_title: string;
  board_id: number | null;
  board_name: string | null;
  member_id: number | null;
  may: string[];
};

export type AuthState = {
  needs_setup: boolean;
  signed_in: SignedIn | null;
  idle_lock_minutes: number;
  audit: AuditHealth;
};

export type AccountRow = {
  id: number;
  username: string | null;
  name: string;
  role: Role;
  role_title: string;
  board_id: number | null;
  board_name: string | null;
  member_id: number | null;
  active: boolean;
  enrolled: boolean;
  locked: boolean;
  /** Solar Hijri text; null once enrolled or when no code is outstanding. */
  enrolment_expires_at: string | null;
};

export type Enrolment = {
  account_id: number;
  name: string;
  /** e.g. "7K4Q-M2XD-9PRT", shown once. */
  code: string;
  /** Solar Hijri date and time text. */
  expires_at: string;
};

export type Checkpoint = { seq: number; head: string; at: string; fingerprint: string };

export type VerifySigner = { name: string; seat_title: string; fingerprint: string; signed_at: string };

export type VerifyReport = {
  genuine: boolean;
  /** Persian; set when the document is not genuine. */
  reason: string | null;
  kind: string | null;
  case_number: string | null;
  decided_on: string | null;
  signers: VerifySigner[];
  audit_head: string | null;
};

/** What `sign_off` answers (assumed the shape of today's SignView). */
export type SignProgress = {
  signed: string[];
  remaining: string[];
  /** Set once every member who sat has signed: the ruling is locked. */
  content_hash: string | null;
  /** Set once every member who sat has signed: where the sealed ruling's PDF was saved. */
  pdf_path: string | null;
};

export type NewAccount = {
  role: Role;
  name: string;
  board_id: number | null;
  member_id: number | null;
};

/** The auth commands over an `invoke` function (Tauri's own, or a fake in unit tests). */
export function authCommands(invokeFn: Invoke) {
  const call = caller(invokeFn);
  return {
    authState: () => call<AuthState>("auth_state"),
    firstStart: (username: string, name: string, password: string) =>
      call<SignedIn>("first_start", { username, name, password }),
    signIn: (username: string, password: string) => call<SignedIn>("sign_in", { username, password }),
    signOut: () => call<null>("sign_out"),
    lock: () => call<null>("lock"),
    enrol: (code: string, username: string, password: string) =>
      call<SignedIn>("enrol", { code, username, password }),
    changePassword: (current: string, password: string) => call<null>("change_password", { current, password }),
    listAccounts: () => call<AccountRow[]>("list_accounts"),
    createAccount: (account: NewAccount) =>
      call<Enrolment>("create_account", {
        role: account.role,
        name: account.name,
        boardId: account.board_id,
        memberId: account.member_id,
      }),
    reissueEnrolment: (accountId: number) => call<Enrolment>("reissue_enrolment", { accountId }),
    unlockAccount: (accountId: number) => call<null>("unlock_account", { accountId }),
    deactivateAccount: (accountId: number) => call<null>("deactivate_account", { accountId }),
    /** The path of the JSON file written. */
    exportBoardKeys: () => call<string>("export_board_keys"),
    checkpointAudit: () => call<Checkpoint>("checkpoint_audit"),
    verifyDocument: (path: string) => call<VerifyReport>("verify_document", { path }),
  };
}

export const authApi = authCommands(invoke);

/** Whether the signed-in person's role may do `action` (false when no one is signed in). */
export function can(who: SignedIn | null, action: Action): boolean {
  return who !== null && who.may.includes(action);
}

/** Whether the role may do any one of `actions`; an empty list needs only a signed-in person. */
export function canAny(who: SignedIn | null, actions: readonly Action[]): boolean {
  if (who === null) return false;
  return actions.length === 0 || actions.some((a) => who.may.includes(a));
}

export const MIN_PASSWORD = 8;

/** What is wrong with a new password and its repetition, in Persian; null when it may be sent. */
export function passwordProblem(password: string, again: string): string | null {
  if ([...password].length < MIN_PASSWORD) return "رمز عبور دست‌کم ۸ نویسه باشد.";
  // Persian digits are read as Latin ones on the Rust side too.
  if (latinDigits(password) !== latinDigits(again)) return "رمز عبور و تکرار آن یکسان نیستند.";
  return null;
}

/** An enrolment code as typed, in the form it was issued: "7k4q m2xd ۹prt " → "7K4Q-M2XD-9PRT". */
export function cleanCode(code: string): string {
  return latinDigits(code).trim().replace(/[\s\u2010-\u2015-]+/g, "-").toUpperCase();
}
