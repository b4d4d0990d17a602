//! heyat-render's tests: every document from its example, text checked with `pdftotext`
//! (poppler-utils), data that looks like markup printed literally in every field, the
//! verification code, PDF/A and determinism.

use heyat_render::{Document, RenderError, Renderer, RulingInput, Verification};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const DOCS: [Document; 4] = [
    Document::Ruling,
    Document::AppealRuling,
    Document::Minutes,
    Document::Notice,
];

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(Renderer::new)
}

/// Runs a poppler tool on PDF bytes given on standard input.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{tool} failed");
    String::from_utf8(out.stdout).unwrap()
}

/// Text with what `pdftotext` adds, drops or moves taken out of the comparison: all
/// whitespace (it moves spaces around numbers), bidi controls, zero-width non-joiners, and
/// the hamza above (it extracts «هٔ» as «ٔه» or «هٔه»). It also reverses «لا» sequences and
/// moves punctuation next to digits, so checked phrases avoid both.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200c}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{0654}')
        })
        .collect::<String>()
        .replace("هه", "ه")
}

/// `pdftotext` of the PDF, squashed.
fn pdf_text(pdf: &[u8]) -> String {
    squash(&poppler("pdftotext", &["-", "-"], pdf))
}

/// Asserts that each phrase is in the PDF's text.
fn assert_phrases(pdf: &[u8], phrases: &[&str]) {
    let text = pdf_text(pdf);
    for phrase in phrases {
        assert!(
            text.contains(&squash(phrase)),
            "missing «{phrase}» in\n{text}"
        );
    }
}

fn example(doc: Document) -> Value {
    serde_json::from_str(doc.example()).unwrap()
}

mod documents {
    use super::*;

    #[test]
    fn every_example_renders_as_pdf_a_2b_with_metadata() {
        for doc in DOCS {
            let r = renderer().render_json(doc, doc.example()).unwrap();
            assert!(r.pdf.starts_with(b"%PDF-"), "{doc:?}");
            let xmp = String::from_utf8_lossy(&r.pdf);
            assert!(
                xmp.contains("<pdfaid:part>2</pdfaid:part>"),
                "{doc:?} not PDF/A-2"
            );
            assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
            let info = poppler("pdfinfo", &["-"], &r.pdf);
            for field in ["Title:", "Author:", "Subject:", "CreationDate:"] {
                let line = info.lines().find(|l| l.starts_with(field)).unwrap_or("");
                assert!(
                    line.len() > field.len() + 4,
                    "{doc:?}: {field} missing\n{info}"
                );
            }
            assert!(info.contains("هیأت بدوی") || info.contains("هیأت تجدیدنظر"));
        }
    }

    #[test]
    fn the_case_cover_still_renders() {
        let r = renderer()
            .render_json(Document::CaseCover, Document::CaseCover.example())
            .unwrap();
        assert!(r.verification.is_none());
        assert_eq!(r.pages, 1);
    }

    #[test]
    fn first_instance_ruling_reads_as_a_reasoned_cited_ruling() {
        let r = renderer()
            .render_json(Document::Ruling, Document::Ruling.example())
            .unwrap();
        assert!(r.pages >= 2);
        assert_phrases(
            &r.pdf,
            &[
                "دادنامه هیأت بدوی",
                "شماره پرونده",
                "۱۴۰۳-۰۰۴۲",
                "۱۴۰۳/۰۷/۰۱",
                "مستندات رأی",
                // The engine's trace, as sentences.
                "تکرار تخلف: مدیر پیش‌تر به درجه ۳ محکوم شده",
                "هیأت از این اختیار استفاده کرد",
                // Each cited article quoted from the regulations.
                "ماده ۲۷ آیین‌نامه",
                "آرای هیأت‌های بدوی و تجدیدنظر باید مستدل و مستند به مقررات قانونی باشد",
                "ماده ۳۸ آیین‌نامه",
                "بند «چ»: غیبت مدیر دفتر بیش از سه روز تا ده روز بدون عذر موجه",
                "ماده ۴۳ آیین‌نامه",
                "ماده ۴۴ آیین‌نامه",
                "در صورتی که مدیر دفتر به محکومیت‌های انتظامی مذکور در درجه یک تا چهار محکوم",
                // The operative part: grade in words and digits, length of the suspension.
                "را به مجازات انتظامی درجه پنج",
                "تعلیق از مدیریت دفتر به مدت شش",
                // Appeal notice.
                "ظرف بیست",
                "قابل اعتراض در هیأت تجدیدنظر",
                // Signatures and dissent.
                "رئیس هیأت، عضو قضایی",
                "نظر عضو مخالف",
                "به اکثریت آرای اعضا",
                // Art 20: the reporter stays confidential.
                "به استناد ماده ۲۰ محرمانه است",
                "صفحه ۱ از",
                "کد تصدیق",
            ],
        );
        let v = r.verification.unwrap();
        assert!(
            pdf_text(&r.pdf).contains(&v.code),
            "verification code printed"
        );
    }

    #[test]
    fn page_numbers_are_persian_digits() {
        let r = renderer()
            .render_json(Document::Ruling, Document::Ruling.example())
            .unwrap();
        let text = pdf_text(&r.pdf);
        let total = heyat_core::to_persian_digits(&r.pages.to_string());
        assert!(
            text.contains(&squash(&format!("صفحه ۱ از {total}"))),
            "{text}"
        );
        assert!(text.contains(&squash(&format!("صفحه ۲ از {total}"))));
    }

    #[test]
    fn appeal_ruling_refers_to_the_first_instance_ruling() {
        let r = renderer()
            .render_json(Document::AppealRuling, Document::AppealRuling.example())
            .unwrap();
        assert_phrases(
            &r.pdf,
            &[
                "دادنامه هیأت تجدیدنظر",
                "دادنامه بدوی و اعتراض",
                "۱۴۰۳/۰۷/۰۱",
                "۱۴۰۳/۰۹/۱۲",
                "به شرح زیر اصلاح می‌شود",
                "را به مجازات انتظامی درجه چهار",
                "توبیخ با درج در پایگاه اطلاع‌رسانی مرکز محکوم می‌کند",
                "نماینده مرکز",
                "ماده ۲۴ آیین‌نامه",
                "هیأت تجدیدنظر مرکب از دو قاضی",
                "به اتفاق آرای اعضا",
            ],
        );
    }

    #[test]
    fn minutes_show_attendance_alternates_quorum_and_votes() {
        let r = renderer()
            .render_json(Document::Minutes, Document::Minutes.example())
            .unwrap();
        assert_phrases(
            &r.pdf,
            &[
                "صورتجلسه هیأت",
                "حضور و غیاب اعضا",
                "عضو علی‌البدل علی رضایی جایگزین شد",
                "علی رضایی به جای بهرام شریفی",
                "کرسی هیأت پر است؛ جلسه به استناد",
                "ماده ۲۸",
                "آیا مجازات به استناد",
                "مخالف به سبب تکرار تخلف",
                "تخفیف یک درجه پذیرفته شد",
                "نظر مخالف",
                "یکشنبه ۱۴۰۳/۰۷/۰۱",
            ],
        );
    }

    #[test]
    fn notice_states_what_to_whom_when_and_the_deadline() {
        let r = renderer()
            .render_json(Document::Notice, Document::Notice.example())
            .unwrap();
        assert_eq!(r.pages, 1);
        assert_phrases(
            &r.pdf,
            &[
                "آقای رضا محمدی (مدیر دفتر)",
                "در تاریخ سه‌شنبه ۱۴۰۳/۰۷/۱۰",
                "مهلت اعتراض بیست",
                "دوشنبه ۱۴۰۳/۰۷/۳۰",
                "ماده ۳۳ آیین‌نامه",
                "Sana",
                "11560027",
            ],
        );
    }

    #[test]
    fn a_ruling_made_from_the_engine_cites_what_the_engine_cited() {
        let case = r#"{"decided_on":"1403/07/01","charges":[
            {"violation":"1401:35:c","committed_on":"1403/02/10"},
            {"violation":"1401:35:d","committed_on":"1403/03/01"}],
            "decision":{"grade":3,"notified_on":"1403/07/10"}}"#;
        let suggestion = heyat_core::suggest::suggest_value(case).unwrap();
        let mut input: RulingInput = serde_json::from_str(Document::Ruling.example()).unwrap();
        input.charges.truncate(1);
        input.charges[0].violation = "1401:35:c".into();
        input.charges[0].days = None;
        input.steps = RulingInput::steps_from(&suggestion);
        input.appeal = Some(heyat_render::AppealNotice::from_engine(
            suggestion.appeal.as_ref().unwrap(),
        ));
        input.verdict = heyat_render::Verdict::Penalty {
            grade: 3,
            suspension_months: None,
        };
        let r = renderer().ruling(&input).unwrap();
        assert_phrases(
            &r.pdf,
            &[
                "تخلف همه مستوجب مجازات درجه",
                "ماده ۳۵ آیین‌نامه",
                "بند «پ»: عدم رعایت نوبت مراجعان در ارائه خدمات",
                "قطعی است",
                "توبیخ کتبی با درج در پرونده",
            ],
        );
    }

    #[test]
    fn every_kind_of_verdict_is_worded() {
        let cases = [
            (serde_json::json!({"kind": "acquittal"}), "به برائت"),
            (
                serde_json::json!({"kind": "barred", "reason": "limitation"}),
                "قرار موقوفی تعقیب انتظامی",
            ),
            (
                serde_json::json!({"kind": "suspended_prosecution", "years": 2}),
                "تعقیب انتظامی",
            ),
            (
                serde_json::json!({"kind": "penalty", "grade": 6, "suspension_months": 18}),
                "یک سال و شش ماه",
            ),
            (
                serde_json::json!({"kind": "penalty", "grade": 7}),
                "لغو دائم پروانه",
            ),
        ];
        for (verdict, phrase) in cases {
            let mut v = example(Document::Ruling);
            v["verdict"] = verdict;
            v["appeal"] = serde_json::json!({"appealable": false, "article": "1401:33"});
            let r = renderer()
                .render_json(Document::Ruling, &v.to_string())
                .unwrap();
            assert_phrases(&r.pdf, &[phrase, "قطعی است"]);
        }
        let mut v = example(Document::Ruling);
        v["verdict"] = serde_json::json!({"kind": "barred", "reason": "death"});
        let r = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap();
        assert_phrases(&r.pdf, &["بند «ت»: فوت مدیر دفتر"]);
    }

    #[test]
    fn a_reporter_is_named_only_when_not_confidential() {
        let mut v = example(Document::Ruling);
        v["complainant"] = serde_json::json!({"source": "شکایت مراجع", "name": "پرویز نادری"});
        let r = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap();
        assert!(!pdf_text(&r.pdf).contains(&squash("پرویز نادری")));
        v["complainant"]["confidential"] = Value::Bool(false);
        let r = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap();
        assert_phrases(&r.pdf, &["شکایت مراجع: پرویز نادری"]);
    }

    #[test]
    fn the_notice_deadline_comes_from_the_engine() {
        let case = r#"{"decided_on":"1403/07/01","charges":[
            {"violation":"absence","days":5,"committed_on":"1403/03/01"}],
            "decision":{"grade":5,"notified_on":"1403/07/10"}}"#;
        let suggestion = heyat_core::suggest::suggest_value(case).unwrap();
        let deadline = heyat_render::Deadline::from_engine(
            suggestion.appeal.as_ref().unwrap(),
            heyat_render::RecipientRole::Manager,
            "هیأت تجدیدنظر",
        )
        .unwrap();
        assert_eq!(deadline.last_day.format(), "1403/07/30");
        assert_eq!(deadline.article, "1401:33");
    }

    #[test]
    fn bad_data_is_an_error_not_a_panic() {
        let r = renderer();
        for doc in DOCS {
            assert!(matches!(
                r.render_json(doc, "{}"),
                Err(RenderError::Data(_))
            ));
        }
        let mut ruling = example(Document::Ruling);
        ruling["verdict"] = serde_json::json!({"kind": "penalty", "grade": 5});
        let err = r
            .render_json(Document::Ruling, &ruling.to_string())
            .unwrap_err();
        assert!(matches!(err, RenderError::Invalid(_)), "{err}");
        ruling["verdict"] = serde_json::json!({"kind": "penalty", "grade": 9});
        assert!(
            r.render_json(Document::Ruling, &ruling.to_string())
                .is_err()
        );
        ruling["citations"] = serde_json::json!(["1401:99"]);
        assert!(
            r.render_json(Document::Ruling, &ruling.to_string())
                .is_err()
        );
        let appeal_without_first = example(Document::Ruling).to_string();
        assert!(matches!(
            r.render_json(Document::AppealRuling, &appeal_without_first),
            Err(RenderError::Invalid(_))
        ));
    }
}

mod literal_data {
    use super::*;

    const HOSTILE: &str = "#panic(\"x\") *b* $y$ ] <q> @z";
    const TOKENS: [&str; 6] = ["#panic(\"x\")", "*b*", "$y$", "]", "<q>", "@z"];

    /// Every string in the JSON, by path.
    fn string_paths(v: &Value, path: String, out: &mut Vec<String>) {
        match v {
            Value::String(_) => out.push(path),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    string_paths(item, format!("{path}/{i}"), out);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    string_paths(item, format!("{path}/{k}"), out);
                }
            }
            _ => {}
        }
    }

    /// Fields that are typed, not text: dates, ids, enums. Markup there is refused.
    fn typed(path: &str) -> bool {
        let last = path.rsplit('/').next().unwrap();
        let parent = path.rsplit('/').nth(1).unwrap_or("");
        last.ends_with("_on")
            || last.ends_with("_date")
            || last == "last_day"
            || matches!(
                last,
                "violation"
                    | "article"
                    | "clause"
                    | "seat"
                    | "level"
                    | "kind"
                    | "choice"
                    | "recipient_role"
                    | "result"
                    | "reason"
            )
            || matches!(parent, "by" | "citations")
    }

    #[test]
    fn markup_in_any_field_prints_literally() {
        let renderer = renderer();
        for doc in DOCS.into_iter().chain([Document::CaseCover]) {
            let base = example(doc);
            let mut paths = Vec::new();
            string_paths(&base, String::new(), &mut paths);
            let mut printed = 0;
            for path in &paths {
                let mut data = base.clone();
                *data.pointer_mut(path).unwrap() = Value::String(HOSTILE.into());
                let json = data.to_string();
                match renderer.typeset_text(doc, &json) {
                    // An id not printed as such (a step's article when its clause is
                    // quoted) may take any value.
                    Ok(_) if typed(path) => {}
                    Ok(pages) => {
                        let text = pages.concat();
                        for token in TOKENS {
                            assert!(
                                text.contains(token),
                                "{doc:?} {path}: «{token}» not printed"
                            );
                        }
                        printed += 1;
                    }
                    // An id, date or enum: refused cleanly.
                    Err(e) => {
                        assert!(
                            typed(path)
                                && matches!(e, RenderError::Data(_) | RenderError::Invalid(_)),
                            "{doc:?} {path}: {e}"
                        );
                    }
                }
            }
            assert!(printed >= 8, "{doc:?}: only {printed} text fields");
        }
        // A field the examples leave out: a reporter named with consent.
        let mut v = example(Document::Ruling);
        v["complainant"] =
            serde_json::json!({"source": HOSTILE, "name": HOSTILE, "confidential": false});
        let text = renderer
            .typeset_text(Document::Ruling, &v.to_string())
            .unwrap()
            .concat();
        for token in TOKENS {
            assert!(text.matches(token).count() >= 2, "«{token}»");
        }
    }

    #[test]
    fn markup_survives_into_the_pdf_text() {
        let mut data = example(Document::Notice);
        data["recipient"] = Value::String(HOSTILE.into());
        let r = renderer()
            .render_json(Document::Notice, &data.to_string())
            .unwrap();
        let text = pdf_text(&r.pdf);
        for token in TOKENS {
            assert!(text.contains(token), "«{token}» not in\n{text}");
        }
    }
}

mod verification {
    use super::*;

    #[test]
    fn the_same_input_gives_the_same_bytes_whatever_the_key_order() {
        let r = renderer();
        let a = r
            .render_json(Document::Ruling, Document::Ruling.example())
            .unwrap();
        // Same data, keys in another order and compact.
        let v = example(Document::Ruling);
        let reordered: serde_json::Map<String, Value> = v
            .as_object()
            .unwrap()
            .iter()
            .rev()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let b = r
            .render_json(Document::Ruling, &Value::Object(reordered).to_string())
            .unwrap();
        assert_eq!(a.verification, b.verification);
        assert!(a.pdf == b.pdf, "same input, different bytes");
    }

    #[test]
    fn any_change_changes_the_code() {
        let r = renderer();
        let a = r
            .render_json(Document::Ruling, Document::Ruling.example())
            .unwrap();
        let mut v = example(Document::Ruling);
        v["subject"] = Value::String("غیبت مدیر دفتر".into());
        let b = r.render_json(Document::Ruling, &v.to_string()).unwrap();
        assert_ne!(a.verification, b.verification);
        assert_ne!(a.pdf, b.pdf);
        let code = a.verification.unwrap();
        assert_eq!(code.sha256.len(), 64);
        assert_eq!(code.code.len(), 24);
        assert!(code.payload.starts_with("heyat:ruling:"));
    }

    #[test]
    fn the_code_is_the_hash_of_the_input() {
        let input: RulingInput = serde_json::from_str(Document::Ruling.example()).unwrap();
        let expected = Verification::of("ruling", &input).unwrap();
        let r = renderer().ruling(&input).unwrap();
        assert_eq!(r.verification.unwrap(), expected);
    }

    #[test]
    fn batches_render_and_evict() {
        let inputs: Vec<&str> = std::iter::repeat_n(Document::Notice.example(), 3).collect();
        let mut sizes = Vec::new();
        renderer().render_batch(Document::Notice, inputs, |_, r| {
            sizes.push(r.unwrap().pdf.len())
        });
        assert_eq!(sizes.len(), 3);
        assert!(sizes.windows(2).all(|w| w[0] == w[1]));
    }
}
