//! The board's figures for a period: how many cases were registered, and of them how many by
//! violation charged, by office, by Solar Hijri month, by status, and — of their rulings that
//! are signed or final — by outcome and by grade. One read transaction, so the counts agree
//! with each other; the screens chart them and `export::statistics` writes them out.

use crate::{Store, StoreError};
use heyat_core::CaseStatus;
use heyat_core::JalaliDate;
use heyat_core::proceedings::RulingOutcome;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the figures cover: cases registered in [`from`, `to`] (ISO, both included, either
/// open), of one board or of all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<String>,
    pub to: Option<String>,
    pub board_id: Option<i64>,
}

/// One bar of a chart: a stable key, its Persian label and the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub key: String,
    pub label_fa: String,
    pub count: i64,
}

/// The counts of a period. Each list is in the order a reader expects: violations, offices
/// and outcomes most first; grades 1 to 7; months and statuses in their own order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statistics {
    pub cases: i64,
    pub charges: i64,
    /// Rulings counted (signed or final; the latest of each case and stage).
    pub rulings: i64,
    pub by_violation: Vec<Count>,
    pub by_grade: Vec<Count>,
    pub by_office: Vec<Count>,
    pub by_month: Vec<Count>,
    pub by_outcome: Vec<Count>,
    pub by_status: Vec<Count>,
}

/// The dimensions, as named in the export and on the screen.
pub const DIMENSIONS: [(&str, &str); 6] = [
    ("violation", "تخلف"),
    ("grade", "درجهٔ مجازات"),
    ("office", "دفتر"),
    ("month", "ماه ثبت"),
    ("outcome", "نتیجهٔ رأی"),
    ("status", "وضعیت پرونده"),
];

impl Statistics {
    /// The counts of one dimension by its key (see [`DIMENSIONS`]).
    pub fn dimension(&self, key: &str) -> &[Count] {
        match key {
            "violation" => &self.by_violation,
            "grade" => &self.by_grade,
            "office" => &self.by_office,
            "month" => &self.by_month,
            "outcome" => &self.by_outcome,
            _ => &self.by_status,
        }
    }
}

/// «غیبت مدیر دفتر … (بند ج مادهٔ ۳۵ آیین‌نامهٔ ۱۴۰۱)» for a catalogue clause; the measured
/// violations (`absence`, `closure`) in their own words.
pub fn violation_fa(id: &str) -> String {
    match id {
        "absence" => return "غیبت مدیر دفتر بدون عذر موجه".to_owned(),
        "closure" => return "تعطیل خدمت در اوقات اداری دفتر".to_owned(),
        _ => {}
    }
    let lib = heyat_core::regulation::library().ok();
    match lib.and_then(|l| l.clause(id)) {
        Some((article, clause)) => {
            let year = id.split(':').next().unwrap_or_default();
            let item = if year == "1401" { "بند" } else { "ردیف" };
            format!(
                "{} ({item} {} مادهٔ {} آیین‌نامهٔ {})",
                clause.title_fa,
                clause.label_fa,
                heyat_core::to_persian_digits(&article.number.to_string()),
                heyat_core::to_persian_digits(year)
            )
        }
        None => id.to_owned(),
    }
}

fn count(key: impl Into<String>, label_fa: impl Into<String>, count: i64) -> Count {
    Count {
        key: key.into(),
        label_fa: label_fa.into(),
        count,
    }
}

/// Most first, then by label.
fn most_first(mut v: Vec<Count>) -> Vec<Count> {
    v.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.label_fa.cmp(&b.label_fa))
    });
    v
}

/// The ids of the cases in the period (bound as ?1 from, ?2 to, ?3 board), as a literal so
/// that each query stays a static string.
macro_rules! cases_in_period {
    () => {
        "SELECT c.id FROM cases c
         WHERE ($1 IS NULL OR c.registered_on >= $1)
           AND ($2 IS NULL OR c.registered_on <= $2)
           AND ($3 IS NULL OR c.board_id = $3)"
    };
}

impl Store {
    /// The figures of the cases registered in `period`.
    pub async fn statistics(&self, period: &Period) -> Result<Statistics, StoreError> {
        for (what, day) in [("از تاریخ", &period.from), ("تا تاریخ", &period.to)] {
            if let Some(d) = day
                && JalaliDate::parse_iso(d).is_err()
            {
                return Err(StoreError::invalid(what, format!("«{d}» روز درستی نیست")));
            }
        }
        if let (Some(from), Some(to)) = (&period.from, &period.to)
            && from > to
        {
            return Err(StoreError::invalid(
                "دورهٔ آمار",
                "آغاز دوره پس از پایان آن است؛ تاریخ‌ها را جابه‌جا کنید",
            ));
        }
        let mut conn = self.pool().acquire().await?;
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let (from, to, board) = (&period.from, &period.to, period.board_id);

        let cases: Vec<(String, String)> = sqlx::query_as(
            "SELECT c.registered_on, c.status FROM cases c
             WHERE ($1 IS NULL OR c.registered_on >= $1)
               AND ($2 IS NULL OR c.registered_on <= $2)
               AND ($3 IS NULL OR c.board_id = $3)",
        )
        .bind(from)
        .bind(to)
        .bind(board)
        .fetch_all(&mut *tx)
        .await?;

        let violations: Vec<(String, i64)> = sqlx::query_as(concat!(
            "SELECT violation, count(*) FROM charges WHERE case_id IN (",
            cases_in_period!(),
            ") GROUP BY violation"
        ))
        .bind(from)
        .bind(to)
        .bind(board)
        .fetch_all(&mut *tx)
        .await?;

        let offices: Vec<(String, String, i64)> = sqlx::query_as(concat!(
            "SELECT o.code, o.name, count(*) FROM cases c JOIN offices o ON o.id = c.office_id
             WHERE c.id IN (",
            cases_in_period!(),
            ") GROUP BY o.id"
        ))
        .bind(from)
        .bind(to)
        .bind(board)
        .fetch_all(&mut *tx)
        .await?;

        // The ruling that stands for each case and stage: the latest signed or final one.
        let rulings: Vec<(Option<String>, Option<i64>)> = sqlx::query_as(concat!(
            "SELECT r.outcome, r.grade FROM rulings r
             WHERE r.status IN ('signed', 'final') AND r.case_id IN (",
            cases_in_period!(),
            ") AND r.id = (SELECT max(r2.id) FROM rulings r2
                           WHERE r2.case_id = r.case_id AND r2.stage = r.stage
                             AND r2.status IN ('signed', 'final'))"
        ))
        .bind(from)
        .bind(to)
        .bind(board)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;

        let by_violation = most_first(
            violations
                .iter()
                .map(|(v, n)| count(v.clone(), violation_fa(v), *n))
                .collect(),
        );
        let by_office = most_first(
            offices
                .into_iter()
                .map(|(code, name, n)| {
                    let label = format!("{name} ({})", heyat_core::to_persian_digits(&code));
                    count(code, label, n)
                })
                .collect(),
        );

        let mut months: BTreeMap<(i32, u8), i64> = BTreeMap::new();
        let mut statuses: BTreeMap<usize, i64> = BTreeMap::new();
        for (registered_on, status) in &cases {
            let day = registered_on.get(..10).unwrap_or(registered_on);
            let day = JalaliDate::parse_iso(day).map_err(|_| StoreError::Corrupt {
                what: "تاریخ ثبت پرونده",
                value: registered_on.clone(),
            })?;
            *months.entry((day.year(), day.month())).or_default() += 1;
            let status = CaseStatus::from_code(status).ok_or_else(|| StoreError::Corrupt {
                what: "وضعیت پرونده",
                value: status.clone(),
            })?;
            let order = CaseStatus::ALL
                .iter()
                .position(|s| *s == status)
                .unwrap_or(0);
            *statuses.entry(order).or_default() += 1;
        }
        let by_month = months
            .into_iter()
            .map(|((y, m), n)| {
                count(
                    format!("{y:04}-{m:02}"),
                    format!(
                        "{} {}",
                        heyat_core::date::month_name_fa(m),
                        heyat_core::to_persian_digits(&y.to_string())
                    ),
                    n,
                )
            })
            .collect();
        let by_status = statuses
            .into_iter()
            .map(|(i, n)| {
                let s = CaseStatus::ALL[i];
                count(s.code(), s.title_fa(), n)
            })
            .collect();

        let mut grades: BTreeMap<i64, i64> = BTreeMap::new();
        let mut outcomes: BTreeMap<String, i64> = BTreeMap::new();
        for (outcome, grade) in &rulings {
            if let Some(g) = grade {
                *grades.entry(*g).or_default() += 1;
            }
            if let Some(o) = outcome {
                *outcomes.entry(o.clone()).or_default() += 1;
            }
        }
        let by_grade = grades
            .into_iter()
            .map(|(g, n)| {
                count(
                    g.to_string(),
                    format!("درجهٔ {}", heyat_core::to_persian_digits(&g.to_string())),
                    n,
                )
            })
            .collect();
        let by_outcome = most_first(
            outcomes
                .into_iter()
                .map(|(o, n)| {
                    let label =
                        RulingOutcome::from_code(&o).map_or(o.clone(), |x| x.title_fa().to_owned());
                    count(o, label, n)
                })
                .collect(),
        );

        Ok(Statistics {
            cases: cases.len() as i64,
            charges: violations.iter().map(|(_, n)| n).sum(),
            rulings: rulings.len() as i64,
            by_violation,
            by_grade,
            by_office,
            by_month,
            by_outcome,
            by_status,
        })
    }
}
