//! The words of the proceedings, each with the code the store keeps and the UI receives
//! (snake_case of the variant's name) and its Persian title.
//!
//! With the `sqlx` feature each enum is also an `sqlx::Type`, bound and read as TEXT by its
//! code.

use serde::{Deserialize, Serialize};

/// Declares a C-like enum of the proceedings' vocabulary: its derives, `ALL`, `code`,
/// `from_code` and `title_fa`. Each variant is written `Variant = "code", "title";`; a test
/// checks that the code is what serde (and sqlx) write for the variant.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $title:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
                pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        #[cfg(feature = "sqlx")]
        sqlx_text_code!($name);

        impl $name {
            /// Every value, in the order of the declaration.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The code stored in the database and sent to the UI.
            pub fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code, )+
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.code() == code)
            }

            /// The Persian name, as documents and screens show it.
            pub fn title_fa(self) -> &'static str {
                match self {
                    $( $name::$variant => $title, )+
                }
            }
        }
    };
}

vocabulary! {
    /// The instance a ruling was given at: the first-instance board or the appeal board
    /// (Arts 23–24, 33).
    pub enum Stage {
        FirstInstance = "first_instance", "بدوی";
        Appeal = "appeal", "تجدیدنظر";
    }
}

vocabulary! {
    /// Where a complaint or violation report came from (Art 21).
    pub enum ComplaintSource {
        Client = "client", "مراجع دفتر";
        Inspection = "inspection", "بازرسی";
        ServicesDeputy = "services_deputy", "معاونت خدمات الکترونیک قضایی";
        Kanoon = "kanoon", "کانون";
        OtherAuthority = "other_authority", "مرجع دیگر";
    }
}

vocabulary! {
    /// Where a ruling stands: drafted by the chair, signed by the members (Art 27), final
    /// (Art 33).
    pub enum RulingStatus {
        Draft = "draft", "پیش‌نویس";
        Signed = "signed", "امضاشده";
        Final = "final", "قطعی";
    }
}

vocabulary! {
    /// What a ruling decided. The first three and the two without a penalty are given at first
    /// instance; the last three are the appeal board's answer to the first-instance ruling.
    pub enum RulingOutcome {
        /// A penalty of Art 29.
        Conviction = "conviction", "محکومیت";
        Acquittal = "acquittal", "برائت";
        /// Convicted of some charges, acquitted of others.
        Mixed = "mixed", "محکومیت در برخی تخلف‌ها و برائت در برخی";
        /// Art 31.
        SuspendedProsecution = "suspended_prosecution", "تعلیق تعقیب";
        /// Art 30.
        Barred = "barred", "موقوفی تعقیب";
        Confirmed = "confirmed", "تأیید رأی بدوی";
        Reversed = "reversed", "نقض رأی بدوی";
        Modified = "modified", "اصلاح رأی بدوی";
    }
}

vocabulary! {
    /// Who a ruling is served on. The manager and the head of the Center may appeal (Art 33);
    /// the complainant is informed and may not.
    pub enum Party {
        Manager = "manager", "مدیر دفتر";
        CenterHead = "center_head", "رئیس مرکز آمار و فناوری اطلاعات قوه قضاییه";
        Complainant = "complainant", "شاکی";
    }
}

impl Party {
    /// The short name used inside a sentence.
    pub fn short_fa(self) -> &'static str {
        match self {
            Party::Manager => "مدیر دفتر",
            Party::CenterHead => "رئیس مرکز",
            Party::Complainant => "شاکی",
        }
    }

    /// Whether Art 33 names this party among those who may appeal at all.
    pub fn may_ever_appeal(self) -> bool {
        matches!(self, Party::Manager | Party::CenterHead)
    }
}

vocabulary! {
    /// How a ruling was served.
    pub enum ServiceMethod {
        Electronic = "electronic", "ابلاغ الکترونیکی از راه سامانهٔ ثنا";
        InPerson = "in_person", "تحویل حضوری";
        Post = "post", "پست سفارشی";
    }
}

vocabulary! {
    /// What the holder of a seat did at a session: sat, was absent, or stepped aside for a
    /// conflict of interest; in the last two cases the alternate sat (Arts 25, 28).
    pub enum HolderWas {
        Present = "present", "حاضر";
        Absent = "absent", "غایب";
        Recused = "recused", "کناره‌گیر";
    }
}

vocabulary! {
    /// The kind of a question put to the vote (DOMAIN.md, "How a case moves", step 4).
    pub enum QuestionKind {
        /// Is this charge established?
        Guilt = "guilt", "احراز تخلف";
        /// Which grade, within what the code allows (Arts 29, 34–44)?
        Grade = "grade", "درجهٔ مجازات";
        /// Mitigation by one or two grades (Art 32)?
        Mitigation = "mitigation", "تخفیف مجازات";
        /// Suspended prosecution for one to two years (Art 31)?
        Suspension = "suspension", "تعلیق تعقیب";
    }
}

vocabulary! {
    /// The appeal board's answer to the first-instance ruling (Art 33).
    pub enum AppealResult {
        Confirmed = "confirmed", "تأیید";
        Reversed = "reversed", "نقض";
        Modified = "modified", "اصلاح";
    }
}

impl From<AppealResult> for RulingOutcome {
    fn from(result: AppealResult) -> Self {
        match result {
            AppealResult::Confirmed => RulingOutcome::Confirmed,
            AppealResult::Reversed => RulingOutcome::Reversed,
            AppealResult::Modified => RulingOutcome::Modified,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each code is what serde writes for the variant (and so what sqlx binds), and reads back.
    fn round_trip<T>(all: &[T], code: fn(T) -> &'static str, from: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>,
    {
        for &v in all {
            assert_eq!(from(code(v)), Some(v));
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{}\"", code(v)), "{v:?}");
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v);
        }
        assert_eq!(from("no_such_code"), None);
        let mut codes: Vec<_> = all.iter().map(|&v| code(v)).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "codes are distinct");
    }

    #[test]
    fn codes_round_trip() {
        round_trip(&Stage::ALL, Stage::code, Stage::from_code);
        round_trip(
            &RulingStatus::ALL,
            RulingStatus::code,
            RulingStatus::from_code,
        );
        round_trip(
            &RulingOutcome::ALL,
            RulingOutcome::code,
            RulingOutcome::from_code,
        );
        round_trip(&Party::ALL, Party::code, Party::from_code);
        round_trip(
            &ServiceMethod::ALL,
            ServiceMethod::code,
            ServiceMethod::from_code,
        );
        round_trip(&HolderWas::ALL, HolderWas::code, HolderWas::from_code);
        round_trip(
            &QuestionKind::ALL,
            QuestionKind::code,
            QuestionKind::from_code,
        );
        round_trip(
            &AppealResult::ALL,
            AppealResult::code,
            AppealResult::from_code,
        );
    }

    #[test]
    fn titles_are_persian_and_distinct() {
        let titles: Vec<&str> = RulingOutcome::ALL.iter().map(|o| o.title_fa()).collect();
        let mut unique = titles.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), titles.len());
        assert_eq!(Stage::Appeal.title_fa(), "تجدیدنظر");
        assert_eq!(Party::CenterHead.short_fa(), "رئیس مرکز");
        assert!(!Party::Complainant.may_ever_appeal());
        assert_eq!(
            RulingOutcome::from(AppealResult::Modified),
            RulingOutcome::Modified
        );
        assert_eq!(
            AppealResult::ALL.map(|r| RulingOutcome::from(r).code()),
            AppealResult::ALL.map(AppealResult::code)
        );
    }
}
