//! Loss of qualifications (Art 45): the conditions of Arts 9–11 of the 1401 regulation a
//! manager must meet — each clause of those articles, read from the regulations library — and
//! the check that what the board records is one of them.

use super::ProceedingError;
use crate::regulation::Library;
use serde::Serialize;

/// One condition of Arts 9–11, as the case file lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Condition {
    /// The clause id (`1401:9:d`).
    pub id: String,
    pub article_number: u32,
    /// The article's short title («شرایط مدیر دفتر و کارشناس حقوقی»).
    pub article_title_fa: String,
    /// The clause's label as printed («ت»).
    pub label_fa: String,
    pub title_fa: String,
}

/// Every condition of Arts 9–11, in the regulation's order ([`Library::qualifications`]).
pub fn qualification_conditions(lib: &Library) -> Vec<Condition> {
    lib.qualifications()
        .into_iter()
        .map(|(a, c)| Condition {
            id: c.id.clone(),
            article_number: a.number,
            article_title_fa: a.title_fa.clone(),
            label_fa: c.label_fa.clone(),
            title_fa: c.title_fa.clone(),
        })
        .collect()
}

/// The condition `id` names, or why it is none of Arts 9–11's.
pub fn check_condition(lib: &Library, id: &str) -> Result<Condition, ProceedingError> {
    qualification_conditions(lib)
        .into_iter()
        .find(|c| c.id == id.trim())
        .ok_or_else(|| ProceedingError::NotACondition { id: id.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::library;

    #[test]
    fn the_conditions_are_the_clauses_of_articles_9_to_11() {
        let lib = library().unwrap();
        let all = qualification_conditions(lib);
        assert!(all.len() >= 11, "{all:?}");
        let d = check_condition(lib, "1401:9:d").unwrap();
        assert_eq!((d.article_number, d.label_fa.as_str()), (9, "ت"));
        assert_eq!(d.title_fa, "مدرک تحصیلی");
        assert!(all.iter().any(|c| c.id == "1401:11:b"));
        for wrong in ["1401:37:f", "1401:45", "1396:37:2", ""] {
            let err = check_condition(lib, wrong).unwrap_err();
            assert!(err.to_string().contains("مواد ۹ تا ۱۱"), "{err}");
        }
    }
}
