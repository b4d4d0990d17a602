//! Who may do what: the roles of the people who use the app, the actions of the proceedings
//! they may take, and the board each action belongs to.
//!
//! - the **secretary** (دبیر) keeps the file: registers complaints and cases, schedules and
//!   holds sessions (attendance, Art 26), prints, records service and appeals (Art 33),
//!   issues the summons to the manager and records its service and his defence;
//! - a **member** (عضو) reads the file and signs the rulings of sessions they sat in
//!   (Art 27); the **chair** of a session — a member, elected for it — records its votes and
//!   writes its reasoned ruling (Arts 27–28);
//! - the **Kanoon reviewer** reviews complaints and reports before they become cases, and
//!   may read the reporter's identity (Art 20);
//! - the **administrator** seats members, issues accounts, keeps backups and the audit
//!   log's checkpoints; they do not take part in the proceedings.
//!
//! The shells ask [`Caller::may`] before every command; the UI hides what a role cannot do,
//! but that is never the only guard.

use serde::{Deserialize, Serialize};

vocabulary! {
    /// A person's role in the app.
    pub enum Role {
        Secretary = "secretary", "دبیر هیأت";
        Member = "member", "عضو هیأت";
        KanoonReviewer = "kanoon_reviewer", "نمایندهٔ کانون (بررسی شکایات)";
        Admin = "admin", "مدیر سامانه";
    }
}

vocabulary! {
    /// An act a command performs, checked against the caller's role.
    pub enum Action {
        ReadCases = "read_cases", "دیدن پرونده‌ها";
        RegisterComplaint = "register_complaint", "ثبت شکایت و گزارش";
        ReviewComplaint = "review_complaint", "بررسی شکایت";
        ReadReporter = "read_reporter", "دیدن هویت گزارش‌دهنده";
        EditCase = "edit_case", "ثبت در پرونده";
        Schedule = "schedule", "تعیین وقت جلسه";
        HoldSession = "hold_session", "ثبت حضور و غیاب جلسه";
        RecordVotes = "record_votes", "ثبت رأی‌گیری جلسه";
        DraftRuling = "draft_ruling", "نگارش رأی";
        SignRuling = "sign_ruling", "امضای رأی";
        Print = "print", "چاپ اسناد";
        Serve = "serve", "ثبت ابلاغ";
        Summon = "summon", "صدور اخطاریه و ثبت ابلاغ و دفاع آن";
        Appeal = "appeal", "ثبت تجدیدنظرخواهی";
        Finalize = "finalize", "ثبت قطعیت آرا";
        RevokeSuspension = "revoke_suspension", "لغو قرار تعلیق تعقیب";
        ManageBoard = "manage_board", "ترکیب هیأت و تعطیلات";
        ManageAccounts = "manage_accounts", "حساب‌های کاربری";
        Backup = "backup", "پشتیبان‌گیری";
        Restore = "restore", "بازگردانی پشتیبان";
        Checkpoint = "checkpoint", "نقطهٔ وارسی دفتر رویدادها";
        ExportKeys = "export_keys", "برون‌بری کلیدهای عمومی";
        Verify = "verify", "تصدیق سند";
        SendCase = "send_case", "ارسال بستهٔ پرونده به هیأت دیگر";
        ReceiveCase = "receive_case", "دریافت بستهٔ پرونده از هیأت دیگر";
    }
}

impl Role {
    /// Whether the role may take `action` at all (the board and the chair are checked apart).
    pub fn permits(self, action: Action) -> bool {
        use Action::*;
        match self {
            Role::Secretary => matches!(
                action,
                ReadCases
                    | RegisterComplaint
                    | ReadReporter
                    | EditCase
                    | Schedule
                    | HoldSession
                    | Print
                    | Serve
                    | Summon
                    | Appeal
                    | Finalize
                    | RevokeSuspension
                    | Backup
                    | ExportKeys
                    | Verify
                    | SendCase
                    | ReceiveCase
            ),
            Role::Member => matches!(
                action,
                ReadCases
                    | RecordVotes
                    | DraftRuling
                    | SignRuling
                    | RevokeSuspension
                    | Print
                    | Verify
            ),
            Role::KanoonReviewer => {
                matches!(action, ReadCases | ReviewComplaint | ReadReporter | Verify)
            }
            Role::Admin => matches!(
                action,
                ReadCases
                    | ManageBoard
                    | ManageAccounts
                    | Backup
                    | Restore
                    | Checkpoint
                    | ExportKeys
                    | Verify
            ),
        }
    }

    /// Every action the role may take, as the UI receives it.
    pub fn actions(self) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| self.permits(*a))
            .collect()
    }
}

/// The person a command runs for, as the login established them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub account_id: i64,
    pub username: String,
    pub name: String,
    pub role: Role,
    /// The board the person works for; `None` for an administrator (every board).
    pub board_id: Option<i64>,
    /// The board member this person is, for a member.
    pub member_id: Option<i64>,
}

impl Action {
    /// Whether a member takes this action only as the board's chair (Art 26), while the
    /// secretary takes it by role: revoking a suspended prosecution (Art 31) is the board's
    /// act, recorded by its secretary or its chair.
    pub fn members_only_as_chair(self) -> bool {
        matches!(self, Action::RevokeSuspension)
    }
}

/// What an action is about, so that the board and the chair can be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scope {
    /// The board whose file the action touches, when it touches one.
    pub board_id: Option<i64>,
    /// The chair of the session the action belongs to (votes, the ruling's text), or of the
    /// board (an action a member takes only as its chair).
    pub chair_member_id: Option<i64>,
    /// Whether the session's chair is required (set for votes and the ruling's text).
    pub chair_only: bool,
}

/// Why an act is refused to its caller.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    #[error("«{action}» در اختیار {role} نیست؛ با حساب کسی که این کار با اوست وارد شوید.")]
    Role {
        role: &'static str,
        action: &'static str,
    },
    #[error("این پرونده از آنِ هیأت دیگری است؛ هر کس تنها در پرونده‌های هیأت خود کار می‌کند.")]
    Board,
    #[error(
        "«{action}» با رئیس همین جلسه است (مواد ۲۷ و ۲۸)؛ رئیس جلسه هنوز برگزیده نشده یا شما رئیس آن نیستید."
    )]
    NotChair { action: &'static str },
}

impl Caller {
    /// The name the audit log records for what this person does: name and username.
    pub fn actor(&self) -> String {
        format!("{} ({})", self.name, self.username)
    }

    /// Whether the caller may take `action` on what `scope` names.
    pub fn may(&self, action: Action, scope: Scope) -> Result<(), AccessError> {
        if !self.role.permits(action) {
            return Err(AccessError::Role {
                role: self.role.title_fa(),
                action: action.title_fa(),
            });
        }
        if let (Some(mine), Some(theirs)) = (self.board_id, scope.board_id)
            && mine != theirs
            && self.role != Role::Admin
        {
            return Err(AccessError::Board);
        }
        let as_chair =
            scope.chair_only || (self.role == Role::Member && action.members_only_as_chair());
        if as_chair && (self.member_id.is_none() || self.member_id != scope.chair_member_id) {
            return Err(AccessError::NotChair {
                action: action.title_fa(),
            });
        }
        Ok(())
    }

    /// [`Caller::may`] for an action that touches no particular board.
    pub fn may_act(&self, action: Action) -> Result<(), AccessError> {
        self.may(action, Scope::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(role: Role, board: Option<i64>, member: Option<i64>) -> Caller {
        Caller {
            account_id: 1,
            username: "u".into(),
            name: "ن".into(),
            role,
            board_id: board,
            member_id: member,
        }
    }

    #[test]
    fn the_administrator_takes_no_part_in_the_proceedings() {
        let admin = caller(Role::Admin, None, None);
        for a in [
            Action::RegisterComplaint,
            Action::HoldSession,
            Action::RecordVotes,
            Action::SignRuling,
            Action::Serve,
        ] {
            assert!(admin.may_act(a).is_err(), "{a:?}");
        }
        assert!(admin.may_act(Action::ManageAccounts).is_ok());
    }

    #[test]
    fn a_board_acts_only_on_its_own_files() {
        let sec = caller(Role::Secretary, Some(1), None);
        let own = Scope {
            board_id: Some(1),
            ..Scope::default()
        };
        let other = Scope {
            board_id: Some(2),
            ..Scope::default()
        };
        assert!(sec.may(Action::Schedule, own).is_ok());
        assert_eq!(sec.may(Action::Schedule, other), Err(AccessError::Board));
    }

    #[test]
    fn only_the_sessions_chair_records_its_votes() {
        let chair = caller(Role::Member, Some(1), Some(7));
        let other = caller(Role::Member, Some(1), Some(8));
        let scope = Scope {
            board_id: Some(1),
            chair_member_id: Some(7),
            chair_only: true,
        };
        assert!(chair.may(Action::RecordVotes, scope).is_ok());
        assert!(matches!(
            other.may(Action::RecordVotes, scope),
            Err(AccessError::NotChair { .. })
        ));
        let unelected = Scope {
            chair_member_id: None,
            ..scope
        };
        assert!(chair.may(Action::RecordVotes, unelected).is_err());
    }
}
