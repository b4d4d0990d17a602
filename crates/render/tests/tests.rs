//! heyat-render's tests: every document from its example, text checked with `pdftotext`
//! (poppler-utils), data that looks like markup printed literally in every field, the
//! verification code, PDF/A and determinism.

use heyat_render::{Document, RenderError, Renderer, RulingInput, Verification};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const DOCS: [Document; 6] = [
    Document::Ruling,
    Document::AppealRuling,
    Document::Minutes,
    Document::SittingMinutes,
    Document::Notice,
    Document::Summons,
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

/// Keeps a PDF under the target's temporary folder, to look at.
fn keep(name: &str, pdf: &[u8]) {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rulings");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.pdf")), pdf).unwrap();
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
    fn sitting_minutes_show_attendance_once_then_each_case_in_order() {
        let r = renderer()
            .render_json(Document::SittingMinutes, Document::SittingMinutes.example())
            .unwrap();
        assert_phrases(
            &r.pdf,
            &[
                "صورت‌جلسه نشست هیأت",
                "حضور و غیاب اعضا (یک بار برای همه پرونده‌های نشست)",
                "کرسی هیأت پر است؛ جلسه به استناد",
                "علی رضایی (عضو علی‌البدل نماینده کانون)",
                "شماره ۱۴۰۳-۰۰۴۲",
                "شماره ۱۴۰۳-۰۰۴۵",
                "ترکیب هیأت در این پرونده",
                "در این پرونده کناره‌گیری کرد و عضو علی‌البدل علی رضایی",
                "به جای او نشست",
                "نظر مخالف",
                "گواهی پزشکی مدیر دفتر",
                "تصمیم هیأت در این پرونده",
                "تخلف به اتفاق آرا احراز شد",
                "یکشنبه ۱۴۰۳/۰۷/۰۱",
            ],
        );
        // The cases come in the docket's order.
        let text = pdf_text(&r.pdf);
        let first = text.find(&squash("غیبت مدیر دفتر و رفتار")).unwrap();
        let second = text.find(&squash("دریافت وجه بیش از تعرفه")).unwrap();
        assert!(first < second);
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
    fn the_summons_states_the_charges_the_session_and_the_time_to_defend() {
        let r = renderer()
            .render_json(Document::Summons, Document::Summons.example())
            .unwrap();
        assert_eq!(r.pages, 1);
        keep("summons", &r.pdf);
        assert_phrases(
            &r.pdf,
            &[
                "اخطاریه",
                "آقای رضا محمدی، مدیر دفتر خدمات الکترونیک قضایی شمارهٔ ۲۷ تهران",
                "11560027",
                "دریافت وجه بیشتر از هزینه‌های تعیین شده",
                "مادهٔ ۳۸ آیین‌نامه",
                "بند «ذ»",
                "عدم تسلیم قبض رسید وجوه به مراجعان",
                "وقت جلسهٔ رسیدگی",
                "۱۴۰۵/۰۹/۱۶",
                "مهلت دفاع کتبی ده",
                "قانون آیین دادرسی مدنی",
                "جلسه هیأت با حضور کلیه اعضا تشکیل",
                "دبیر هیأت: زهرا موسوی",
                "امضای مخاطب",
            ],
        );
        // Once served: when and how, and the last day.
        let mut served = example(Document::Summons);
        served["served"] = serde_json::json!({
            "on": "1405/09/03",
            "method": "تحویل حضوری",
            "defence_due": "1405/09/14"
        });
        let r = renderer()
            .render_json(Document::Summons, &served.to_string())
            .unwrap();
        assert_phrases(
            &r.pdf,
            &["۱۴۰۵/۰۹/۰۳", "تحویل حضوری", "آخرین روز آن", "۱۴۰۵/۰۹/۱۴"],
        );
        // No charge, or a session not after the issue: refused in Persian.
        for (field, value) in [
            ("charges", serde_json::json!([])),
            (
                "session",
                serde_json::json!({"day": "1405/09/01", "time": "10:00", "place": "تهران"}),
            ),
        ] {
            let mut bad = example(Document::Summons);
            bad[field] = value;
            let err = renderer()
                .render_json(Document::Summons, &bad.to_string())
                .unwrap_err();
            assert!(matches!(err, RenderError::Invalid(_)), "{field}: {err}");
            assert!(
                err.to_string().contains("اخطاریه") || err.to_string().contains("جلسه"),
                "{err}"
            );
        }
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

/// Each code words its penalties as it does (1401 Art 29, 1396 Art 35); one decision on
/// several charges; Art 45 alone.
mod second_reading {
    use super::*;
    use sha2::Digest;

    /// The example ruling judged under `code`, with one charge of that code and no trace.
    fn judged_by(code: &str, verdict: Value) -> Value {
        // The catalogue of violations: 1396 Art 37, 1392 Art 25.
        let catalogue = if code == "1392" { 25 } else { 37 };
        let mut v = example(Document::Ruling);
        v["regulation"] = Value::String(code.into());
        v["charges"] = serde_json::json!([
            {"violation": format!("{code}:{catalogue}:2"), "committed_on": "1399/03/01", "established": true}
        ]);
        v["steps"] = serde_json::json!([]);
        v["verdict"] = verdict;
        v["appeal"] = serde_json::json!({"appealable": true, "article": format!("{code}:36"), "by": ["manager", "center_head"]});
        v
    }

    /// The operative part alone: between «رأی هیأت» and the majority's sentence.
    fn operative(pdf: &[u8]) -> String {
        let text = pdf_text(pdf);
        let start = text.find(&squash("رأی هیأت")).expect("operative heading");
        let end = text[start..]
            .find(&squash("این رأی به"))
            .map_or(text.len(), |e| start + e);
        text[start..end].to_owned()
    }

    #[test]
    fn a_1396_grade_6_is_the_permanent_revocation_of_the_licence() {
        let v = judged_by("1396", serde_json::json!({"kind": "penalty", "grade": 6}));
        let r = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap();
        keep("ruling-1396-revocation", &r.pdf);
        assert_phrases(
            &r.pdf,
            &[
                "به مجازات انتظامی ردیف شش",
                "ماده ۳۵ آیین‌نامه",
                "لغو دائم پروانه محکوم می‌کند",
                // The code's own rows and its appeal article are quoted.
                "ماده ۳۶ آیین‌نامه",
                "نسبت به محکومیت‌های ردیف ۵ و ۶ در هیأت تجدیدنظر اعتراض کند",
            ],
        );
        let operative = operative(&r.pdf);
        assert!(!operative.contains(&squash("تعلیق")), "{operative}");
        assert!(!operative.contains(&squash("ماه")), "{operative}");
        // A term for a revocation is refused, saying the revocation has none.
        let v = judged_by(
            "1396",
            serde_json::json!({"kind": "penalty", "grade": 6, "suspension_months": 18}),
        );
        let err = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("لغو دائم پروانه") && err.contains("مدت ندارد"),
            "{err}"
        );
    }

    #[test]
    fn a_1396_grade_5_is_a_licence_suspension_of_three_months_to_two_years() {
        let v = judged_by(
            "1396",
            serde_json::json!({"kind": "penalty", "grade": 5, "suspension_months": 18}),
        );
        let r = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap();
        keep("ruling-1396-suspension", &r.pdf);
        assert_phrases(
            &r.pdf,
            &[
                "به مجازات انتظامی ردیف پنج",
                "تعلیق موقت پروانه به مدت یک سال و شش ماه",
                "تعلیق موقت پروانه از سه ماه تا دو سال",
            ],
        );
        assert!(!operative(&r.pdf).contains(&squash("مدیریت دفتر")));
        // 1392 words it the same; the 1401 code would not allow 18 months for grade 5.
        let mut v1392 = judged_by(
            "1392",
            serde_json::json!({"kind": "penalty", "grade": 5, "suspension_months": 24}),
        );
        v1392["appeal"]["article"] = Value::String("1392:24".into());
        let r = renderer()
            .render_json(Document::Ruling, &v1392.to_string())
            .unwrap();
        assert_phrases(
            &r.pdf,
            &["ماده ۲۳ دستورالعمل", "تعلیق موقت پروانه به مدت دو"],
        );
        let mut v1401 = example(Document::Ruling);
        v1401["regulation"] = Value::String("1401".into());
        v1401["verdict"] =
            serde_json::json!({"kind": "penalty", "grade": 5, "suspension_months": 18});
        let err = renderer()
            .render_json(Document::Ruling, &v1401.to_string())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("از ۳ تا ۱۲ ماه") && err.contains("نه ۱۸ ماه"),
            "{err}"
        );
        for (verdict, words) in [
            (
                serde_json::json!({"kind": "penalty", "grade": 5, "suspension_months": 25}),
                "از ۳ تا ۲۴ ماه",
            ),
            (
                serde_json::json!({"kind": "penalty", "grade": 5}),
                "از ۳ تا ۲۴ ماه",
            ),
            (
                serde_json::json!({"kind": "penalty", "grade": 7}),
                "درجهٔ ۷ ندارد",
            ),
        ] {
            let v = judged_by("1396", verdict);
            let err = renderer()
                .render_json(Document::Ruling, &v.to_string())
                .unwrap_err()
                .to_string();
            assert!(err.contains(words), "{err}");
        }
    }

    #[test]
    fn one_decision_acquits_on_one_charge_and_convicts_on_another() {
        let mut v = example(Document::Ruling);
        v["regulation"] = Value::String("1401".into());
        v["charges"][0]["established"] = Value::Bool(false);
        v["verdict"] = serde_json::json!({"kind": "penalty", "grade": 4});
        let r = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap();
        keep("ruling-mixed", &r.pdf);
        assert_phrases(
            &r.pdf,
            &[
                "محرز نیست؛ برائت",
                "محرز است؛ محکومیت",
                "هیأت تخلف «غیبت مدیر دفتر بیش از سه روز تا ده روز بدون عذر موجه» را محرز نمی‌داند و به برائت",
                "از این اتهام رأی می‌دهد؛ و با احراز تخلف «رفتار خارج از نزاکت با مراجعان و همکاران»",
                "را به مجازات انتظامی درجه چهار",
            ],
        );
        // A penalty with no charge established is refused.
        v["charges"][1]["established"] = Value::Bool(false);
        let err = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap_err()
            .to_string();
        assert!(err.contains("هیچ‌یک از تخلف‌ها محرز نیست"), "{err}");
    }

    #[test]
    fn article_45_alone_revokes_the_licence_quoting_each_condition() {
        let mut v = example(Document::Ruling);
        v["regulation"] = Value::String("1401".into());
        v["charges"] = serde_json::json!([]);
        v["steps"] = serde_json::json!([]);
        v["subject"] = Value::String("فقدان شرایط مدیریت دفتر".into());
        v["verdict"] = serde_json::json!({"kind": "licence_revocation", "qualifications": ["1401:9:d", "1401:11:b"]});
        v["appeal"] = serde_json::json!({"appealable": true, "article": "1401:45", "by": ["manager", "center_head"]});
        let r = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap();
        keep("ruling-art45", &r.pdf);
        assert_phrases(
            &r.pdf,
            &[
                "شرایطی که مدیر دفتر فاقد آن است",
                "مدرک تحصیلی",
                "دارا بودن مدرک کارشناسی یا بالاتر در رشته‌های مرتبط با حقوق",
                "شاغلان به امر تجارت موضوع ماده ۲ قانون تجارت",
                "را از دست داده یا از ابتدا فاقد آن بوده است، به استناد ماده ۴۵ آیین‌نامه ۱۴۰۱ رأی به لغو پروانه دفتر صادر می‌کند",
                "ظرف بیست",
                "از سوی مدیر دفتر یا رئیس مرکز آمار و",
                "در صورتی که هیأت بدوی احراز نماید",
            ],
        );
        assert!(!pdf_text(&r.pdf).contains(&squash("تخلفات منتسب")));
        // Without an appeal notice, Art 45's own is printed.
        v.as_object_mut().unwrap().remove("appeal");
        let r = renderer()
            .render_json(Document::Ruling, &v.to_string())
            .unwrap();
        assert_phrases(&r.pdf, &["ظرف بیست", "از سوی مدیر دفتر یا رئیس مرکز"]);
        // Only conditions of Arts 9–11, at least one, and only under the 1401 code.
        for (qualifications, code, words) in [
            (
                serde_json::json!(["1401:37:a"]),
                "1401",
                "از شرایط مواد ۹ تا ۱۱",
            ),
            (serde_json::json!([]), "1401", "نام ببرد"),
            (serde_json::json!(["1401:9:a"]), "1396", "مادهٔ ۴۵"),
        ] {
            v["verdict"]["qualifications"] = qualifications;
            v["regulation"] = Value::String(code.into());
            let err = renderer()
                .render_json(Document::Ruling, &v.to_string())
                .unwrap_err()
                .to_string();
            assert!(err.contains(words), "{err}");
        }
    }

    /// A ruling drafted before `regulation` existed (every signed one so far) keeps its
    /// content hash and prints byte for byte as it did, or its seal would no longer verify.
    #[test]
    fn a_ruling_stored_without_its_code_prints_as_before() {
        let input: RulingInput = serde_json::from_str(Document::Ruling.example()).unwrap();
        assert_eq!(input.regulation, None);
        let json = String::from_utf8(serde_json::to_vec(&input).unwrap()).unwrap();
        assert!(!json.contains("regulation"), "{json}");
        let r = renderer().ruling(&input).unwrap();
        assert_eq!(
            r.verification.as_ref().unwrap().sha256,
            "c983578cd975c1bdb3f0fcfd3e853379f31f8617f809a1c6e366658d2f38b848"
        );
        assert_eq!(
            format!("{:x}", sha2::Sha256::digest(&r.pdf)),
            "e7a67ec274b547080e7555aafd025cbb066bb1ee8b5b90f1076b29700e994222"
        );
        // Named, the 1401 code words it the same way.
        let mut named = input.clone();
        named.regulation = Some("1401".into());
        let again = renderer().ruling(&named).unwrap();
        assert_eq!(operative(&again.pdf), operative(&r.pdf));
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
            || last == "day"
            || last == "time"
            || last == "defence_due"
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
            || matches!(parent, "by" | "citations" | "articles")
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

mod ranking {
    use super::*;
    use heyat_render::RankingInput;

    #[test]
    fn the_report_gives_each_office_its_score_and_each_deduction_its_clause() {
        let r = renderer()
            .render_json(Document::Ranking, Document::Ranking.example())
            .unwrap();
        keep("ranking", &r.pdf);
        let xmp = String::from_utf8_lossy(&r.pdf);
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2");
        assert_phrases(
            &r.pdf,
            &[
                "گزارش شاخص سوابق انتظامی و قضائی دفاتر",
                "۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۱۲/۲۹",
                "دفتر خدمات الکترونیک قضایی شمارهٔ ۲۷ تهران",
                "امتیاز ۸۰ از ۱۰۰",
                "بند پ شاخص ۷ مادهٔ ۴ دستورالعمل رتبه‌بندی",
                "امتیاز کسر می‌شود",
                "دفتر خدمات الکترونیک قضایی شمارهٔ ۴۲ ری",
                "بدون کسر",
                "امتیاز ۱۰۰ از ۱۰۰",
                "موجب لغو پروانه است",
                "محکومیت‌های کیفری در سامانه ثبت نمی‌شود",
                "محکومیت انتظامی درجات یک تا چهار",
            ],
        );
        let text = pdf_text(&r.pdf);
        assert!(text.contains("۱۰۰"), "{text}");
        assert!(!text.contains("1405"), "Persian digits only: {text}");
    }

    #[test]
    fn markup_in_the_report_prints_literally() {
        const HOSTILE: &str = "#panic(\"x\") *b* $y$ ] <q> @z";
        for path in [
            "/issuer",
            "/note",
            "/offices/0/name",
            "/offices/0/city",
            "/offices/0/manager",
            "/offices/0/code",
            "/offices/0/effects/0/case_number",
            "/offices/0/effects/0/reason_fa",
        ] {
            let mut v = example(Document::Ranking);
            *v.pointer_mut(path).unwrap() = Value::String(HOSTILE.into());
            let text = renderer()
                .typeset_text(Document::Ranking, &v.to_string())
                .unwrap_or_else(|e| panic!("{path}: {e}"))
                .concat();
            for token in ["#panic(\"x\")", "*b*", "$y$", "<q>", "@z"] {
                assert!(text.contains(token), "{path}: «{token}» not printed");
            }
        }
    }

    #[test]
    fn a_clause_outside_index_7_or_a_score_over_100_is_refused() {
        let mut input: RankingInput = serde_json::from_str(Document::Ranking.example()).unwrap();
        input.offices[0].effects[0].clause = Some("1401:29:7".into());
        assert!(matches!(
            renderer().ranking(&input),
            Err(RenderError::Invalid(_))
        ));
        let mut input: RankingInput = serde_json::from_str(Document::Ranking.example()).unwrap();
        input.offices[1].score = 101;
        assert!(matches!(
            renderer().ranking(&input),
            Err(RenderError::Invalid(_))
        ));
        let mut input: RankingInput = serde_json::from_str(Document::Ranking.example()).unwrap();
        input.offices[0].effects[0].regulation = "1404".into();
        assert!(matches!(
            renderer().ranking(&input),
            Err(RenderError::Invalid(_))
        ));
    }
}
