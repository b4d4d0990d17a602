//! A suspended prosecution (Art 31): the order a final ruling of suspension makes, how long it
//! runs, what revokes it, and when the file is closed.
//!
//! The board may suspend the prosecution of violations of grades 1–4 for one or two years. The
//! period runs from the ruling's date to the same month and day one or two Solar Hijri years
//! later ([`JalaliDate::add_years`]). A violation committed within it that ends in a final
//! conviction obliges the board to revoke the suspension and hear the original matter (on
//! conviction, Art 44 combines the two); the period ended with no such conviction, the board
//! closes the file.

use super::ProceedingError;
use crate::date::JalaliDate;
use serde::Serialize;

/// The order of a suspended prosecution: from `ordered_on` for `years`, ending on `ends_on`
/// (the last day of the period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SuspensionTerm {
    pub ordered_on: JalaliDate,
    pub years: u8,
    pub ends_on: JalaliDate,
}

/// A final conviction of the same manager in another file, as the order weighs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaterConviction {
    /// The ruling that convicted.
    pub ruling_id: i64,
    /// When the violation it punished was committed.
    pub committed_on: JalaliDate,
    /// When the ruling became final.
    pub final_on: JalaliDate,
}

/// Where a suspension stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SuspensionState {
    /// The period runs and nothing revokes it yet.
    Running,
    /// A violation committed in the period ended in a final conviction (`ruling_id`): the
    /// suspension must be revoked (Art 31).
    ToRevoke { ruling_id: i64 },
    /// The period ended with no such conviction: the board closes the file.
    Ended,
}

/// The term a ruling of suspended prosecution dated `ordered_on` orders for `years` (1 or 2,
/// Art 31).
pub fn suspension_term(
    ordered_on: JalaliDate,
    years: Option<i64>,
) -> Result<SuspensionTerm, ProceedingError> {
    let years = match years {
        Some(y @ 1..=2) => y as u8,
        _ => return Err(ProceedingError::SuspensionYears),
    };
    let ends_on = ordered_on.add_years(i32::from(years))?;
    Ok(SuspensionTerm {
        ordered_on,
        years,
        ends_on,
    })
}

/// The first final conviction (by `on`) for a violation committed within the period.
pub fn revoking_conviction(
    term: &SuspensionTerm,
    convictions: &[LaterConviction],
    on: JalaliDate,
) -> Option<LaterConviction> {
    convictions
        .iter()
        .filter(|c| c.committed_on >= term.ordered_on && c.committed_on <= term.ends_on)
        .filter(|c| c.final_on <= on)
        .min_by_key(|c| (c.final_on, c.ruling_id))
        .copied()
}

/// Where the suspension stands on `on`.
pub fn suspension_state(
    term: &SuspensionTerm,
    convictions: &[LaterConviction],
    on: JalaliDate,
) -> SuspensionState {
    match revoking_conviction(term, convictions, on) {
        Some(c) => SuspensionState::ToRevoke {
            ruling_id: c.ruling_id,
        },
        None if on > term.ends_on => SuspensionState::Ended,
        None => SuspensionState::Running,
    }
}

/// Whether the board may revoke the suspension on `on`, and for which conviction: only a final
/// conviction for a violation committed within the period revokes it (Art 31).
pub fn check_revocation(
    term: &SuspensionTerm,
    convictions: &[LaterConviction],
    on: JalaliDate,
) -> Result<LaterConviction, ProceedingError> {
    if on < term.ordered_on {
        return Err(ProceedingError::RevokedBeforeOrder {
            ordered_on: term.ordered_on,
        });
    }
    revoking_conviction(term, convictions, on).ok_or(ProceedingError::NothingRevokes {
        ordered_on: term.ordered_on,
        ends_on: term.ends_on,
    })
}

/// Whether the board may close the file on `on`: the period has ended and no conviction
/// revokes the suspension.
pub fn check_close(
    term: &SuspensionTerm,
    convictions: &[LaterConviction],
    on: JalaliDate,
) -> Result<(), ProceedingError> {
    match suspension_state(term, convictions, on) {
        SuspensionState::Ended => Ok(()),
        SuspensionState::Running => Err(ProceedingError::SuspensionRuns {
            ends_on: term.ends_on,
        }),
        SuspensionState::ToRevoke { .. } => Err(ProceedingError::SuspensionToRevoke),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> JalaliDate {
        JalaliDate::parse(s).unwrap()
    }

    fn conviction(id: i64, committed: &str, final_on: &str) -> LaterConviction {
        LaterConviction {
            ruling_id: id,
            committed_on: d(committed),
            final_on: d(final_on),
        }
    }

    #[test]
    fn the_term_ends_on_the_same_day_one_or_two_years_later() {
        let t = suspension_term(d("1403/07/10"), Some(2)).unwrap();
        assert_eq!(t.ends_on, d("1405/07/10"));
        // 30 Esfand of a leap year ends on 29 Esfand of a common one.
        let t = suspension_term(d("1403/12/30"), Some(1)).unwrap();
        assert_eq!(t.ends_on, d("1404/12/29"));
        for years in [None, Some(0), Some(3)] {
            let err = suspension_term(d("1403/07/10"), years).unwrap_err();
            assert!(err.to_string().contains("مادهٔ ۳۱"), "{err}");
        }
    }

    #[test]
    fn a_violation_in_the_period_finally_convicted_revokes_it() {
        let t = suspension_term(d("1403/07/10"), Some(1)).unwrap();
        let before = conviction(1, "1403/07/09", "1403/09/01");
        let within = conviction(2, "1404/07/10", "1404/10/01");
        assert_eq!(
            suspension_state(&t, &[before], d("1404/01/01")),
            SuspensionState::Running
        );
        // Committed on the last day of the period but not final yet: the period has ended.
        assert_eq!(
            suspension_state(&t, &[within], d("1404/09/30")),
            SuspensionState::Ended
        );
        assert_eq!(
            suspension_state(&t, &[within], d("1404/07/10")),
            SuspensionState::Running
        );
        assert_eq!(
            suspension_state(&t, &[before, within], d("1404/10/01")),
            SuspensionState::ToRevoke { ruling_id: 2 }
        );
        assert_eq!(
            suspension_state(&t, &[before], d("1404/07/11")),
            SuspensionState::Ended
        );
    }

    #[test]
    fn revoking_needs_such_a_conviction_and_closing_needs_the_end() {
        let t = suspension_term(d("1403/07/10"), Some(1)).unwrap();
        let err = check_revocation(&t, &[], d("1404/01/01")).unwrap_err();
        assert!(
            err.to_string().contains("۱۴۰۳/۰۷/۱۰ تا ۱۴۰۴/۰۷/۱۰"),
            "{err}"
        );
        let err = check_close(&t, &[], d("1404/07/10")).unwrap_err();
        assert!(err.to_string().contains("۱۴۰۴/۰۷/۱۰"), "{err}");
        assert_eq!(check_close(&t, &[], d("1404/07/11")), Ok(()));
        let within = conviction(5, "1403/08/01", "1403/10/01");
        assert_eq!(check_revocation(&t, &[within], d("1403/10/02")), Ok(within));
        assert_eq!(
            check_close(&t, &[within], d("1404/08/01")),
            Err(ProceedingError::SuspensionToRevoke)
        );
    }
}
