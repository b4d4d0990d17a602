//! Index 7 of the 1404 Ranking Instruction (Art 4, item 7: the disciplinary and judicial
//! record) for every office, from the final disciplinary convictions this database holds.
//!
//! A conviction counts in the evaluation period [from, to] when its ruling became final in
//! it (`rulings.final_on`); the grade is the ruling's, and the code that judged it is the one
//! the engine named when the ruling was drafted (`rulings.suggestion`'s `"regulation"`), or,
//! for a ruling stored without it, the code in force on the ruling's day. The office is the
//! case's office, whoever managed it. The score and each conviction's effect come from the
//! engine ([`heyat_core::engine::ranking::index7`]).
//!
//! Criminal convictions (clauses الف and ب) are not recorded in this database: the report
//! says so ([`CRIMINAL_NOT_RECORDED_FA`]) and counts the disciplinary record only.

use crate::{Store, StoreError, case_number};
use heyat_core::date::JalaliDate;
use heyat_core::engine::Code;
use heyat_core::engine::ranking::{RankingConviction, index7};
use heyat_core::regulation::library;
use serde::Serialize;

/// Said wherever the report is shown: the criminal record is not in the store.
pub const CRIMINAL_NOT_RECORDED_FA: &str = "محکومیت‌های کیفری در سامانه ثبت نمی‌شود؛ این گزارش تنها سوابق انتظامی ثبت‌شده در سامانه را می‌شمارد و بندهای الف و ب (محکومیت کیفری) را باید از مرجع آن افزود.";

/// One conviction's effect on an office's index 7.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Index7Effect {
    pub case_id: i64,
    /// `1405-0003`.
    pub case_number: String,
    pub ruling_id: i64,
    /// The day of the ruling (signed, else drafted), ISO.
    pub ruled_on: String,
    /// The day it became final, ISO: what places it in the period.
    pub final_on: String,
    pub grade: u8,
    /// `1401`, `1396` or `1392`.
    pub regulation: String,
    /// The ruling was stored without its code: the code in force on its day was assumed.
    pub regulation_assumed: bool,
    /// `1404:4:7:c` …, or null when no clause deducts it (a revocation is excepted).
    pub clause: Option<String>,
    pub deduction: u32,
    pub rank_levels_down_max: u32,
    pub reason_fa: String,
}

/// An office's index 7 in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Index7Row {
    pub office_id: i64,
    pub office_code: String,
    pub office_name: String,
    pub city: String,
    pub province: String,
    /// The office's manager (the first registered for it), when one is.
    pub manager_name: Option<String>,
    /// 0–100.
    pub score: u32,
    pub rank_levels_down_max: u32,
    pub effects: Vec<Index7Effect>,
}

/// (office id, code, name, city, province, manager)
type OfficeRow = (i64, String, String, String, String, Option<String>);
/// (office id, case id, year, seq, ruling id, grade, suggestion, signed on, drafted on, final on)
type ConvictionRow = (
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    Option<String>,
    Option<String>,
    String,
    String,
);

fn corrupt(what: &'static str, value: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        what,
        value: value.into(),
    }
}

/// Every office with its index 7 for the evaluation period [`from`, `to`] (both included):
/// lowest score first, then by office code. An office with no final conviction in the period
/// scores 100.
pub async fn index7_report(
    store: &Store,
    from: JalaliDate,
    to: JalaliDate,
) -> Result<Vec<Index7Row>, StoreError> {
    if from > to {
        return Err(StoreError::invalid(
            "دورهٔ ارزیابی",
            format!(
                "آغاز دوره ({}) پس از پایان آن ({}) است",
                from.format_fa(),
                to.format_fa()
            ),
        ));
    }
    let lib = library().map_err(|e| corrupt("مقررات", e.to_string()))?;
    let mut conn = store.pool().acquire().await?;
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    let offices: Vec<OfficeRow> = sqlx::query_as(
        "SELECT o.id, o.code, o.name, o.city, o.province,
                (SELECT m.first_name || ' ' || m.last_name FROM managers m
                 WHERE m.office_id = o.id ORDER BY m.id LIMIT 1)
         FROM offices o ORDER BY o.code",
    )
    .fetch_all(&mut *tx)
    .await?;
    let convictions: Vec<ConvictionRow> = sqlx::query_as(
        "SELECT c.office_id, c.id, c.year, c.seq, r.id, r.grade, r.suggestion, r.signed_on,
                r.drafted_on, r.final_on
         FROM rulings r JOIN cases c ON c.id = r.case_id
         WHERE r.status = 'final' AND r.grade IS NOT NULL
           AND r.outcome IN ('conviction', 'mixed', 'confirmed', 'modified')
           AND r.final_on BETWEEN $1 AND $2
         ORDER BY r.final_on, r.id",
    )
    .bind(from.to_iso_string())
    .bind(to.to_iso_string())
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;

    let mut rows = Vec::with_capacity(offices.len());
    for (office_id, code, name, city, province, manager) in offices {
        let mine: Vec<ConvictionRow> = convictions
            .iter()
            .filter(|c| c.0 == office_id)
            .cloned()
            .collect();
        let mut input = Vec::with_capacity(mine.len());
        let mut effects = Vec::with_capacity(mine.len());
        for (_, case_id, year, seq, ruling_id, grade, suggestion, signed, drafted, final_on) in mine
        {
            let ruled_on = signed.unwrap_or(drafted);
            let judged = suggestion
                .as_deref()
                .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
                .and_then(|v| v["regulation"].as_str().and_then(Code::from_id));
            let regulation = match judged {
                Some(code) => code,
                None => {
                    let day = JalaliDate::parse_iso(&ruled_on)
                        .map_err(|_| corrupt("تاریخ رأی", ruled_on.clone()))?;
                    lib.code_in_force_on(day)
                        .and_then(|r| Code::from_id(&r.regulation.id))
                        .unwrap_or(Code::V1401)
                }
            };
            let grade = u8::try_from(grade).map_err(|_| corrupt("درجهٔ رأی", grade.to_string()))?;
            input.push(RankingConviction::Disciplinary { grade, regulation });
            effects.push(Index7Effect {
                case_id,
                case_number: case_number(year, seq),
                ruling_id,
                ruled_on,
                final_on,
                grade,
                regulation: regulation.id().to_owned(),
                regulation_assumed: judged.is_none(),
                clause: None,
                deduction: 0,
                rank_levels_down_max: 0,
                reason_fa: String::new(),
            });
        }
        let index = index7(lib, &input).map_err(|e| StoreError::Engine {
            field: e.field,
            message: e.message,
        })?;
        for e in index.effects {
            if let Some(effect) = effects.get_mut(e.conviction) {
                effect.clause = e.clause;
                effect.deduction = e.deduction;
                effect.rank_levels_down_max = e.rank_levels_down_max;
                effect.reason_fa = e.reason_fa;
            }
        }
        rows.push(Index7Row {
            office_id,
            office_code: code,
            office_name: name,
            city,
            province,
            manager_name: manager,
            score: index.score,
            rank_levels_down_max: index.rank_levels_down_max,
            effects,
        });
    }
    rows.sort_by(|a, b| {
        a.score
            .cmp(&b.score)
            .then_with(|| a.office_code.cmp(&b.office_code))
    });
    Ok(rows)
}

impl Store {
    /// [`index7_report`] on this store.
    pub async fn index7_report(
        &self,
        from: JalaliDate,
        to: JalaliDate,
    ) -> Result<Vec<Index7Row>, StoreError> {
        index7_report(self, from, to).await
    }
}

/// «بند پ شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی» for a clause of index 7, or «بدون کسر».
pub fn clause_fa(id: Option<&str>) -> String {
    let label = id.and_then(|id| {
        heyat_core::regulation::library()
            .ok()?
            .clause(id)
            .map(|(_, c)| c.label_fa.clone())
    });
    match label {
        Some(l) => format!("بند {l} شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی"),
        None => "بدون کسر".to_owned(),
    }
}
