//! The ranking report: index 7 of the 1404 ranking instruction for every office in an
//! evaluation period, as the store computes it, composed for the typst template. The app and
//! `heyat ranking --pdf` print through here.

use crate::DocumentError;
use heyat_core::date::JalaliDate;
use heyat_render::{RankingEffect, RankingInput, RankingOffice};
use heyat_store::Store;
use heyat_store::ranking::{CRIMINAL_NOT_RECORDED_FA, Index7Row, index7_report};

/// The report of [`from`, `to`] made on `today`: the rows (for a screen or a sheet) and the
/// document's input. The issuer is the first-instance board when there is one, else the boards.
pub async fn ranking_report(
    store: &Store,
    from: JalaliDate,
    to: JalaliDate,
    today: JalaliDate,
) -> Result<(Vec<Index7Row>, RankingInput), DocumentError> {
    let rows = index7_report(store, from, to).await?;
    let first: Vec<String> = store
        .boards()
        .await?
        .into_iter()
        .filter(|b| b.kind == "first_instance")
        .map(|b| b.name)
        .collect();
    let issuer = match first.as_slice() {
        [one] => one.clone(),
        _ => "هیأت‌های رسیدگی به تخلفات مدیران دفاتر خدمات الکترونیک قضایی".to_owned(),
    };
    let input = report_input(&rows, issuer, from, to, today)?;
    Ok((rows, input))
}

/// The document's input from the rows.
pub fn report_input(
    rows: &[Index7Row],
    issuer: String,
    from: JalaliDate,
    to: JalaliDate,
    today: JalaliDate,
) -> Result<RankingInput, DocumentError> {
    let offices = rows
        .iter()
        .map(|r| {
            Ok(RankingOffice {
                code: r.office_code.clone(),
                name: r.office_name.clone(),
                city: r.city.clone(),
                manager: r.manager_name.clone(),
                score: r.score,
                rank_levels_down_max: r.rank_levels_down_max,
                effects: r
                    .effects
                    .iter()
                    .map(|e| {
                        Ok(RankingEffect {
                            case_number: e.case_number.clone(),
                            final_on: JalaliDate::parse_iso(&e.final_on)?,
                            grade: e.grade,
                            regulation: e.regulation.clone(),
                            clause: e.clause.clone(),
                            deduction: e.deduction,
                            reason_fa: e.reason_fa.clone(),
                        })
                    })
                    .collect::<Result<_, DocumentError>>()?,
            })
        })
        .collect::<Result<_, DocumentError>>()?;
    Ok(RankingInput {
        issuer,
        from,
        to,
        made_on: today,
        offices,
        note: Some(CRIMINAL_NOT_RECORDED_FA.to_owned()),
    })
}

/// The report's file name in `documents/`: `ranking-1404-01-01-1404-12-29.pdf`.
pub fn ranking_file(from: JalaliDate, to: JalaliDate) -> String {
    let d = |x: JalaliDate| format!("{:04}-{:02}-{:02}", x.year(), x.month(), x.day());
    format!("ranking-{}-{}.pdf", d(from), d(to))
}
