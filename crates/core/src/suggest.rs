//! `heyat suggest` as a pure function: the contract's JSON in (`../shared/contracts/suggest.md`),
//! the suggestion's JSON out, or one line naming the field and what is wrong.
//!
//! Never panics: every input, however malformed, yields `Ok` or `Err` (see the tests).

use serde_json::{Map, Value};

use crate::date::JalaliDate;
use crate::engine::{
    self, Case, ChargeInput, Code, CodeChoice, Decision, DecisionOutcome, RecordEntry, Suggestion,
    SuspensionOrder, ViolationRef,
};
use crate::regulation::{Measured, library};

/// Bad input: the field (a JSON path such as `charges[1].committed_on`) and what is wrong.
/// Its `Display` is one line, as the CLI prints it on standard error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct SuggestError {
    pub field: String,
    pub message: String,
}

impl SuggestError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        let one_line = |s: String| s.replace(['\n', '\r'], " ");
        Self {
            field: one_line(field.into()),
            message: one_line(message.into()),
        }
    }
}

impl From<engine::CaseError> for SuggestError {
    fn from(e: engine::CaseError) -> Self {
        SuggestError::new(e.field, e.message)
    }
}

/// Reads a case (contract JSON), applies the rules, returns the suggestion as pretty JSON.
pub fn suggest_json(input: &str) -> Result<String, SuggestError> {
    let suggestion = suggest_value(input)?;
    serde_json::to_string_pretty(&suggestion)
        .map_err(|e| SuggestError::new("(خروجی)", format!("نوشتن JSON ممکن نشد: {e}")))
}

/// Reads a case and applies the rules, returning the typed suggestion.
pub fn suggest_value(input: &str) -> Result<Suggestion, SuggestError> {
    let case = parse_case(input)?;
    let lib = library()
        .map_err(|e| SuggestError::new("(مقررات)", format!("داده مقررات معتبر نیست: {e}")))?;
    Ok(engine::suggest(&case, lib)?)
}

/// Reads the contract's input JSON into a [`Case`].
pub fn parse_case(input: &str) -> Result<Case, SuggestError> {
    let value: Value = serde_json::from_str(input).map_err(|e| {
        SuggestError::new(
            "(ورودی)",
            format!(
                "JSON معتبر نیست (سطر {}، ستون {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    let root = value
        .as_object()
        .ok_or_else(|| SuggestError::new("(ورودی)", "ورودی باید یک شیء JSON باشد"))?;
    let o = Obj::new(
        root,
        "",
        &[
            "decided_on",
            "regulation",
            "manager",
            "charges",
            "record",
            "complaint_withdrawn",
            "holidays",
            "decision",
            "suspended_prosecution",
        ],
    )?;
    let decided_on = o.required_date("decided_on")?;
    let regulation = match o.get("regulation") {
        None => CodeChoice::Auto,
        Some(v) => match v.as_str() {
            Some("auto") => CodeChoice::Auto,
            Some(s) => CodeChoice::Fixed(Code::from_id(s).ok_or_else(|| {
                SuggestError::new(
                    "regulation",
                    format!("«{s}» شناخته نیست؛ یکی از auto، 1401، 1396، 1392"),
                )
            })?),
            None => {
                return Err(SuggestError::new(
                    "regulation",
                    "باید رشته باشد: auto، 1401، 1396 یا 1392",
                ));
            }
        },
    };
    let mut lost_qualifications = Vec::new();
    let (deceased, permanently_separated, lacks_qualifications) = match o.object("manager")? {
        None => (false, false, false),
        Some(m) => {
            let m = Obj::new(
                m,
                "manager",
                &[
                    "deceased",
                    "permanently_separated",
                    "lacks_qualifications",
                    "lost_qualifications",
                ],
            )?;
            for (i, v) in m
                .array("lost_qualifications")?
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                let field = format!("manager.lost_qualifications[{i}]");
                let id = v.as_str().ok_or_else(|| {
                    SuggestError::new(&field, "باید شناسه شرط مواد ۹ تا ۱۱ باشد (نمونه: 1401:9:d)")
                })?;
                lost_qualifications.push(id.to_string());
            }
            (
                m.bool("deceased")?,
                m.bool("permanently_separated")?,
                m.bool("lacks_qualifications")? || !lost_qualifications.is_empty(),
            )
        }
    };
    // Art 45 stands alone (Revision 2): with lost qualifications, no charge is needed.
    let charges_v = match o.array("charges")? {
        Some(c) => c,
        None if lacks_qualifications => &[],
        None => {
            return Err(SuggestError::new(
                "charges",
                "لازم است: دست‌کم یک تخلف (یا manager.lacks_qualifications برای ماده ۴۵)",
            ));
        }
    };
    if charges_v.is_empty() && !lacks_qualifications {
        return Err(SuggestError::new(
            "charges",
            "دست‌کم یک تخلف لازم است (یا manager.lacks_qualifications برای ماده ۴۵)",
        ));
    }
    let mut charges = Vec::with_capacity(charges_v.len());
    for (i, v) in charges_v.iter().enumerate() {
        charges.push(parse_charge(v, &format!("charges[{i}]"))?);
    }
    let mut record = Vec::new();
    for (i, v) in o.array("record")?.unwrap_or(&[]).iter().enumerate() {
        let path = format!("record[{i}]");
        let map = v
            .as_object()
            .ok_or_else(|| SuggestError::new(&path, "باید شیء باشد"))?;
        let r = Obj::new(
            map,
            &path,
            &[
                "grade",
                "regulation",
                "final_on",
                "carried_out_on",
                "committed_on",
            ],
        )?;
        let grade = r
            .grade("grade")?
            .ok_or_else(|| SuggestError::new(r.path("grade"), "لازم است"))?;
        let regulation = match r.get("regulation") {
            None => None,
            Some(v) => Some(v.as_str().and_then(Code::from_id).ok_or_else(|| {
                SuggestError::new(r.path("regulation"), "یکی از 1401، 1396، 1392")
            })?),
        };
        if regulation.is_some_and(|c| grade > c.max_grade()) {
            return Err(SuggestError::new(
                r.path("grade"),
                "در مقررات ۱۳۹۶ و ۱۳۹۲ درجات ۱ تا ۶ است",
            ));
        }
        record.push(RecordEntry {
            grade,
            regulation,
            final_on: r.date("final_on")?,
            carried_out_on: r.date("carried_out_on")?,
            committed_on: r.date("committed_on")?,
        });
    }
    let complaint_withdrawn = o.bool("complaint_withdrawn")?;
    let mut holidays = Vec::new();
    for (i, v) in o.array("holidays")?.unwrap_or(&[]).iter().enumerate() {
        holidays.push(date_value(v, &format!("holidays[{i}]"))?);
    }
    let decision = match o.object("decision")? {
        None => None,
        Some(m) => {
            let d = Obj::new(
                m,
                "decision",
                &[
                    "grade",
                    "acquitted",
                    "charge_grade",
                    "notified_on",
                    "acquitted_charges",
                ],
            )?;
            let mut acquitted_charges = Vec::new();
            for (i, v) in d
                .array("acquitted_charges")?
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                let field = format!("decision.acquitted_charges[{i}]");
                let n = v
                    .as_u64()
                    .filter(|&n| (n as usize) < charges_v.len())
                    .ok_or_else(|| {
                        SuggestError::new(
                            &field,
                            format!(
                                "باید شماره یکی از تخلفات ورودی (۰ تا {}) باشد",
                                charges_v.len().saturating_sub(1)
                            ),
                        )
                    })? as usize;
                if acquitted_charges.contains(&n) {
                    return Err(SuggestError::new(&field, "این تخلف دو بار آمده است"));
                }
                acquitted_charges.push(n);
            }
            let grade = d.grade("grade")?;
            let acquitted = d.bool("acquitted")?;
            let charge_grade = d.grade("charge_grade")?;
            let outcome = match (grade, acquitted) {
                (Some(_), true) => {
                    return Err(SuggestError::new(
                        "decision",
                        "grade و acquitted با هم آمده‌اند؛ رأی یا محکومیت است یا برائت",
                    ));
                }
                (Some(g), false) => {
                    if charge_grade.is_some() {
                        return Err(SuggestError::new(
                            "decision.charge_grade",
                            "فقط همراه acquitted: true معنا دارد",
                        ));
                    }
                    DecisionOutcome::Grade(g)
                }
                (None, true) => DecisionOutcome::Acquitted {
                    charge_grade: charge_grade.ok_or_else(|| {
                        SuggestError::new(
                            "decision.charge_grade",
                            "برای رأی برائت درجه تخلفی که از آن برائت داده شده لازم است",
                        )
                    })?,
                },
                // Art 45 alone: the decision is the revocation; only its notification matters.
                (None, false) if charges_v.is_empty() => DecisionOutcome::Revocation,
                (None, false) => {
                    return Err(SuggestError::new(
                        "decision",
                        "grade (درجه مجازات) یا \"acquitted\": true لازم است",
                    ));
                }
            };
            if !acquitted_charges.is_empty() {
                if !matches!(outcome, DecisionOutcome::Grade(_)) {
                    return Err(SuggestError::new(
                        "decision.acquitted_charges",
                        "فقط همراه grade معنا دارد (برائت از برخی تخلفات و محکومیت در بقیه)؛ برای برائت از همه، acquitted: true",
                    ));
                }
                if acquitted_charges.len() == charges_v.len() {
                    return Err(SuggestError::new(
                        "decision.acquitted_charges",
                        "همه تخلفات برائت خورده‌اند؛ به جای grade بنویسید \"acquitted\": true",
                    ));
                }
            }
            Some(Decision {
                outcome,
                notified_on: d.date("notified_on")?,
                acquitted_charges,
            })
        }
    };
    let suspended_prosecution = match o.object("suspended_prosecution")? {
        None => None,
        Some(m) => {
            let sp = Obj::new(m, "suspended_prosecution", &["ordered_on", "years"])?;
            let years = match sp.get("years").and_then(Value::as_u64) {
                Some(y @ 1..=2) => y as u8,
                _ => {
                    return Err(SuggestError::new(
                        sp.path("years"),
                        "مدت تعلیق تعقیب یک یا دو سال است (ماده ۳۱)",
                    ));
                }
            };
            Some(SuspensionOrder {
                ordered_on: sp.required_date("ordered_on")?,
                years,
            })
        }
    };
    Ok(Case {
        decided_on,
        regulation,
        deceased,
        permanently_separated,
        lacks_qualifications,
        lost_qualifications,
        suspended_prosecution,
        charges,
        record,
        complaint_withdrawn,
        holidays,
        decision,
    })
}

fn parse_violation(v: &Value, field: &str) -> Result<ViolationRef, SuggestError> {
    let s = v.as_str().ok_or_else(|| {
        SuggestError::new(
            field,
            "باید رشته باشد: شناسه بند (1401:37:f) یا absence / closure",
        )
    })?;
    Ok(match s {
        "absence" => ViolationRef::Measured(Measured::Absence),
        "closure" => ViolationRef::Measured(Measured::Closure),
        id => {
            let parts: Vec<&str> = id.split(':').collect();
            let well_formed = (2..=3).contains(&parts.len())
                && parts[..2]
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                && parts
                    .get(2)
                    .is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
            if !well_formed {
                return Err(SuggestError::new(
                    field,
                    format!(
                        "«{id}» شناسه بند تخلف نیست؛ نمونه: 1401:37:f، 1401:41، 1396:37:2، یا absence / closure"
                    ),
                ));
            }
            ViolationRef::Clause(id.to_string())
        }
    })
}

fn parse_charge(v: &Value, path: &str) -> Result<ChargeInput, SuggestError> {
    let map = v
        .as_object()
        .ok_or_else(|| SuggestError::new(path, "باید شیء باشد"))?;
    let c = Obj::new(
        map,
        path,
        &[
            "violation",
            "committed_on",
            "days",
            "last_prosecution_act_on",
            "grade",
            "res_judicata",
            "current_violation",
            "crime_found",
            "suspension_revoked",
        ],
    )?;
    let violation = parse_violation(
        c.get("violation")
            .ok_or_else(|| SuggestError::new(c.path("violation"), "لازم است"))?,
        &c.path("violation"),
    )?;
    let current_violation = match c.get("current_violation") {
        None => None,
        Some(v) => Some(parse_violation(v, &c.path("current_violation"))?),
    };
    let days = match c.get("days") {
        None => None,
        Some(v) => {
            let n = v.as_u64().ok_or_else(|| {
                SuggestError::new(c.path("days"), "باید عدد صحیح مثبت (شمار روزها) باشد")
            })?;
            if n == 0 || n > 100_000 {
                return Err(SuggestError::new(
                    c.path("days"),
                    "شمار روزها باید از ۱ تا ۱۰۰۰۰۰ باشد",
                ));
            }
            Some(n as u32)
        }
    };
    Ok(ChargeInput {
        violation,
        days,
        committed_on: c.required_date("committed_on")?,
        last_prosecution_act_on: c.date("last_prosecution_act_on")?,
        grade: c.grade("grade")?,
        res_judicata: c.bool("res_judicata")?,
        current_violation,
        crime_found: c.bool("crime_found")?,
        suspension_revoked: c.bool("suspension_revoked")?,
    })
}

fn date_value(v: &Value, field: &str) -> Result<JalaliDate, SuggestError> {
    let s = v.as_str().ok_or_else(|| {
        SuggestError::new(field, "تاریخ باید رشته باشد: 1403/05/12 یا 2024-08-02")
    })?;
    JalaliDate::parse(s).map_err(|e| SuggestError::new(field, e.to_string()))
}

/// An input object with its JSON path, refusing unknown fields.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    prefix: String,
}

impl<'a> Obj<'a> {
    fn new(
        map: &'a Map<String, Value>,
        prefix: &str,
        known: &[&str],
    ) -> Result<Self, SuggestError> {
        let o = Obj {
            map,
            prefix: prefix.to_string(),
        };
        if let Some(k) = map.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(SuggestError::new(
                o.path(k),
                format!("فیلد ناشناخته؛ فیلدهای مجاز: {}", known.join("، ")),
            ));
        }
        Ok(o)
    }

    fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    /// The value, `None` when absent or null.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn bool(&self, key: &str) -> Result<bool, SuggestError> {
        match self.get(key) {
            None => Ok(false),
            Some(v) => v
                .as_bool()
                .ok_or_else(|| SuggestError::new(self.path(key), "باید true یا false باشد")),
        }
    }

    fn date(&self, key: &str) -> Result<Option<JalaliDate>, SuggestError> {
        self.get(key)
            .map(|v| date_value(v, &self.path(key)))
            .transpose()
    }

    fn required_date(&self, key: &str) -> Result<JalaliDate, SuggestError> {
        self.date(key)?.ok_or_else(|| {
            SuggestError::new(
                self.path(key),
                "لازم است: تاریخ به شکل 1403/05/12 یا 2024-08-02",
            )
        })
    }

    fn grade(&self, key: &str) -> Result<Option<u8>, SuggestError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.as_u64() {
                Some(g @ 1..=7) => Ok(Some(g as u8)),
                _ => Err(SuggestError::new(
                    self.path(key),
                    "درجه باید عدد صحیح ۱ تا ۷ باشد (ماده ۲۹؛ در مقررات پیشین ۱ تا ۶)",
                )),
            },
        }
    }

    fn array(&self, key: &str) -> Result<Option<&'a [Value]>, SuggestError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_array()
                .map(|a| Some(a.as_slice()))
                .ok_or_else(|| SuggestError::new(self.path(key), "باید آرایه باشد")),
        }
    }

    fn object(&self, key: &str) -> Result<Option<&'a Map<String, Value>>, SuggestError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_object()
                .map(Some)
                .ok_or_else(|| SuggestError::new(self.path(key), "باید شیء باشد")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contract's example input, verbatim.
    pub(crate) const EXAMPLE: &str = r#"{
      "decided_on": "1403/07/01",
      "regulation": "auto",
      "manager": { "deceased": false, "permanently_separated": false },
      "charges": [
        { "violation": "1401:36:a", "committed_on": "1403/02/10" },
        { "violation": "absence", "days": 5, "committed_on": "1403/03/01",
          "last_prosecution_act_on": "1403/04/01" },
        { "violation": "1401:41", "grade": 3, "committed_on": "1403/01/05" },
        { "violation": "1401:35:b", "committed_on": "1402/01/01", "res_judicata": true }
      ],
      "record": [
        { "grade": 3, "regulation": "1396", "final_on": "1399/01/15", "carried_out_on": "1399/02/01" }
      ],
      "complaint_withdrawn": false,
      "holidays": ["1403/07/28"],
      "decision": { "grade": 5, "notified_on": "1403/07/10" }
    }"#;

    #[test]
    fn the_contract_example() {
        let out: Value = serde_json::from_str(&suggest_json(EXAMPLE).unwrap()).unwrap();
        assert_eq!(out["regulation"], "1401");
        assert_eq!(out["outcome"], "penalty");
        assert!(out["bar"].is_null());
        assert_eq!(out["grade"]["min"], 5);
        assert_eq!(out["grade"]["max"], 6);
        assert_eq!(out["grade"]["lowest_with_mitigation"], 3);
        assert_eq!(out["suspension"]["available"], false);
        assert_eq!(out["suspension"]["years"], serde_json::json!([1, 2]));
        assert_eq!(out["appeal"]["appealable"], true);
        assert_eq!(
            out["appeal"]["by"],
            serde_json::json!(["manager", "center_head"])
        );
        assert_eq!(out["appeal"]["deadline"], "1403/07/30");
        assert_eq!(out["appeal"]["board"], "appeal");
        assert!(out["comparison"].is_null());
        let c1 = &out["charges"][1];
        assert_eq!(c1["violation"], "1401:38:g");
        assert_eq!(c1["grade"], 5);
        assert_eq!(c1["grade_range"], serde_json::json!([5, 5]));
        assert!(c1["barred"].is_null());
        assert_eq!(
            c1["title_fa"],
            "غیبت مدیر دفتر بیش از سه روز تا ده روز بدون عذر موجه"
        );
        assert_eq!(out["charges"][3]["barred"]["reason"], "res_judicata");
        assert_eq!(out["charges"][3]["barred"]["article"], "1401:30");
        let art44: Vec<&Value> = out["steps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["article"] == "1401:44" && s["mandatory"] == true)
            .collect();
        assert_eq!(art44.len(), 1);
        assert_eq!(
            (art44[0]["from"].as_u64(), art44[0]["to"].as_u64()),
            (Some(5), Some(5))
        );
    }

    #[test]
    fn contract_bad_inputs_name_the_field() {
        let e = suggest_json(
            r#"{"charges": [{"violation": "1401:34:a", "committed_on": "1403/02/10"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.field, "decided_on");
        let e = suggest_json(
            r#"{"decided_on": "1403/07/01", "charges": [{"violation": "1401:34:z", "committed_on": "1403/02/10"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.field, "charges[0].violation");
        let e = suggest_json("{not json").unwrap_err();
        assert!(!e.to_string().contains('\n'));
        let e = suggest_json(
            r#"{"decided_on": "1403/07/01", "charges": [{"violation": "1401:34:a", "committed_on": "1402/12/30"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.field, "charges[0].committed_on");
        assert!(e.message.contains("وجود ندارد"), "{e}");
    }
}
