//! Where a case stands, and which moves the procedure allows (DOMAIN.md, "How a case moves").

use serde::{Deserialize, Serialize};

/// The lifecycle of a case before a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// The complaint or report is registered and a case number given (Art 21).
    Registered,
    /// Charges are being framed; the Kanoon representative may review the file.
    InReview,
    /// A session is scheduled.
    Scheduled,
    /// Heard in session; the board deliberates.
    Heard,
    /// The ruling is signed.
    Decided,
    /// The ruling was served on the manager; the appeal period runs (Art 33).
    Notified,
    /// No appeal in time, or not appealable: the ruling is final.
    Final,
    /// An appeal was filed in time; the appeal board hears it.
    Appealed,
    /// The appeal board confirmed, reversed or modified the ruling.
    AppealDecided,
    /// The board suspended the prosecution for one or two years (Art 31): the ruling is final,
    /// the file waits for the period to end (then closed, final) or for the suspension to be
    /// revoked (then heard again).
    Suspended,
}

/// A move the procedure does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("پرونده در وضعیت «{}» است و نمی‌توان آن را به «{}» برد", from.title_fa(), to.title_fa())]
pub struct TransitionError {
    pub from: CaseStatus,
    pub to: CaseStatus,
}

#[cfg(feature = "sqlx")]
sqlx_text_code!(CaseStatus);

impl CaseStatus {
    pub const ALL: [CaseStatus; 10] = [
        CaseStatus::Registered,
        CaseStatus::InReview,
        CaseStatus::Scheduled,
        CaseStatus::Heard,
        CaseStatus::Decided,
        CaseStatus::Notified,
        CaseStatus::Final,
        CaseStatus::Appealed,
        CaseStatus::AppealDecided,
        CaseStatus::Suspended,
    ];

    pub fn title_fa(self) -> &'static str {
        match self {
            CaseStatus::Registered => "ثبت‌شده",
            CaseStatus::InReview => "در حال بررسی",
            CaseStatus::Scheduled => "وقت جلسه تعیین شده",
            CaseStatus::Heard => "رسیدگی‌شده",
            CaseStatus::Decided => "رأی صادر شده",
            CaseStatus::Notified => "ابلاغ‌شده",
            CaseStatus::Final => "قطعی",
            CaseStatus::Appealed => "در تجدیدنظر",
            CaseStatus::AppealDecided => "رأی تجدیدنظر صادر شده",
            CaseStatus::Suspended => "تعلیق تعقیب",
        }
    }

    /// The code stored in the database and sent to the UI.
    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::Registered => "registered",
            CaseStatus::InReview => "in_review",
            CaseStatus::Scheduled => "scheduled",
            CaseStatus::Heard => "heard",
            CaseStatus::Decided => "decided",
            CaseStatus::Notified => "notified",
            CaseStatus::Final => "final",
            CaseStatus::Appealed => "appealed",
            CaseStatus::AppealDecided => "appeal_decided",
            CaseStatus::Suspended => "suspended",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the procedure allows going from `self` to `to` in one step. A session may be
    /// adjourned (heard → scheduled) and rescheduled; nothing skips the ruling or notification.
    /// A ruling of suspended prosecution, final once served, suspends the file (Art 31); it
    /// leaves that status only by the board's act: revoked, it goes back to review to be heard
    /// again; the period ended, it is closed as final.
    pub fn may_move_to(self, to: CaseStatus) -> bool {
        use CaseStatus::*;
        matches!(
            (self, to),
            (Registered, InReview)
                | (Registered, Scheduled)
                | (InReview, Scheduled)
                | (Scheduled, Scheduled)
                | (Scheduled, Heard)
                | (Heard, Scheduled)
                | (Heard, Decided)
                | (Decided, Notified)
                | (Notified, Final)
                | (Notified, Appealed)
                | (Appealed, AppealDecided)
                | (Notified, Suspended)
                | (Suspended, InReview)
                | (Suspended, Final)
        )
    }

    pub fn move_to(self, to: CaseStatus) -> Result<CaseStatus, TransitionError> {
        if self.may_move_to(to) {
            Ok(to)
        } else {
            Err(TransitionError { from: self, to })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_walks_the_whole_path() {
        let path = [
            CaseStatus::InReview,
            CaseStatus::Scheduled,
            CaseStatus::Heard,
            CaseStatus::Decided,
            CaseStatus::Notified,
            CaseStatus::Appealed,
            CaseStatus::AppealDecided,
        ];
        let mut at = CaseStatus::Registered;
        for next in path {
            at = at.move_to(next).unwrap();
        }
        assert_eq!(at, CaseStatus::AppealDecided);
    }

    #[test]
    fn no_jump_over_the_ruling_or_notification() {
        let err = CaseStatus::Heard.move_to(CaseStatus::Final).unwrap_err();
        assert!(err.to_string().contains("«قطعی»"), "{err}");
        assert!(!CaseStatus::Decided.may_move_to(CaseStatus::Appealed));
        assert!(!CaseStatus::Final.may_move_to(CaseStatus::Appealed));
        assert!(!CaseStatus::Registered.may_move_to(CaseStatus::Decided));
    }

    #[test]
    fn a_suspended_prosecution_waits_then_is_revoked_or_closed() {
        let at = CaseStatus::Notified.move_to(CaseStatus::Suspended).unwrap();
        assert_eq!(at.title_fa(), "تعلیق تعقیب");
        // Revoked (Art 31): back to review, to be scheduled and heard again.
        let reopened = at.move_to(CaseStatus::InReview).unwrap();
        assert!(reopened.may_move_to(CaseStatus::Scheduled));
        // The period ended with no conviction: the file is closed.
        assert_eq!(at.move_to(CaseStatus::Final), Ok(CaseStatus::Final));
        // Nothing else leaves it, and nothing but a served ruling enters it.
        for s in [
            CaseStatus::Scheduled,
            CaseStatus::Heard,
            CaseStatus::Decided,
        ] {
            assert!(!at.may_move_to(s), "{s:?}");
        }
        for s in [CaseStatus::Heard, CaseStatus::Decided, CaseStatus::Final] {
            assert!(!s.may_move_to(CaseStatus::Suspended), "{s:?}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::from_code(s.code()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.code())
            );
        }
        assert_eq!(CaseStatus::from_code("lost"), None);
    }
}
