//! A small, realistic data set loaded on the very first start, so that a newcomer sees a
//! working board: one first-instance board and one appeal board with their members, a few
//! offices with their managers, and cases in several statuses. Dates are counted back from
//! `today`, which the caller supplies.

use crate::{Store, StoreError};
use chrono::Datelike;
use chrono::{Days, NaiveDate};
use heyat_core::CaseStatus;
use heyat_core::date::JalaliDate;

const DEMO_KEY: &str = "demo_loaded_on";

struct Member {
    kind: &'static str,
    first: &'static str,
    last: &'static str,
    judicial_grade: Option<i64>,
    /// The office whose licence they hold: a first-instance board's Kanoon representative
    /// and its alternate are office managers (Arts 23, 25).
    manages_office: Option<&'static str>,
}

const FIRST_INSTANCE: [(&str, Member); 5] = [
    (
        "judge_1",
        Member {
            kind: "judge",
            first: "محمدرضا",
            last: "کریمی",
            judicial_grade: Some(8),
            manages_office: None,
        },
    ),
    (
        "judge_2",
        Member {
            kind: "judge",
            first: "سیدعلی",
            last: "موسوی",
            judicial_grade: Some(7),
            manages_office: None,
        },
    ),
    (
        "representative",
        Member {
            kind: "kanoon_rep",
            first: "زهرا",
            last: "احمدی",
            judicial_grade: None,
            manages_office: Some("11560093"),
        },
    ),
    (
        "alternate_judge",
        Member {
            kind: "judge",
            first: "حسین",
            last: "رضایی",
            judicial_grade: Some(6),
            manages_office: None,
        },
    ),
    (
        "alternate_representative",
        Member {
            kind: "kanoon_rep",
            first: "مریم",
            last: "صادقی",
            judicial_grade: None,
            manages_office: Some("11570118"),
        },
    ),
];

const APPEAL: [(&str, Member); 5] = [
    (
        "judge_1",
        Member {
            kind: "judge",
            first: "عبدالله",
            last: "نوری",
            judicial_grade: Some(10),
            manages_office: None,
        },
    ),
    (
        "judge_2",
        Member {
            kind: "judge",
            first: "مهدی",
            last: "جعفری",
            judicial_grade: Some(9),
            manages_office: None,
        },
    ),
    (
        "representative",
        Member {
            kind: "center_rep",
            first: "فاطمه",
            last: "حسینی",
            judicial_grade: None,
            manages_office: None,
        },
    ),
    (
        "alternate_judge",
        Member {
            kind: "judge",
            first: "علیرضا",
            last: "اکبری",
            judicial_grade: Some(11),
            manages_office: None,
        },
    ),
    (
        "alternate_representative",
        Member {
            kind: "center_rep",
            first: "نرگس",
            last: "کاظمی",
            judicial_grade: None,
            manages_office: None,
        },
    ),
];

/// (code, name, city, province, manager national id, first name, last name)
const OFFICES: [(&str, &str, &str, &str, &str, &str, &str); 5] = [
    (
        "11560027",
        "دفتر خدمات الکترونیک قضایی شمارهٔ ۲۷ تهران",
        "تهران",
        "تهران",
        "0012345679",
        "رضا",
        "محمدی",
    ),
    (
        "11560114",
        "دفتر خدمات الکترونیک قضایی شمارهٔ ۱۱۴ تهران",
        "تهران",
        "تهران",
        "0067749182",
        "سمیه",
        "قاسمی",
    ),
    (
        "11570031",
        "دفتر خدمات الکترونیک قضایی شمارهٔ ۳۱ شهریار",
        "شهریار",
        "تهران",
        "0451329870",
        "امیر",
        "نجفی",
    ),
    (
        "11580008",
        "دفتر خدمات الکترونیک قضایی شمارهٔ ۸ اسلامشهر",
        "اسلامشهر",
        "تهران",
        "0493817266",
        "لیلا",
        "طاهری",
    ),
    (
        "11590042",
        "دفتر خدمات الکترونیک قضایی شمارهٔ ۴۲ ری",
        "ری",
        "تهران",
        "0079214830",
        "حمید",
        "ابراهیمی",
    ),
];

/// (office index, days before today it was registered, status, subject, charges as
/// (violation, days before today committed, days of absence/closure, facts))
type DemoCharge = (&'static str, u64, Option<i64>, &'static str);
const CASES: [(usize, u64, CaseStatus, &str, &[DemoCharge]); 7] = [
    (
        0,
        12,
        CaseStatus::Registered,
        "عدم نصب تعرفهٔ خدمات و عدم رعایت نوبت مراجعان",
        &[
            (
                "1401:34:d",
                20,
                None,
                "تعرفهٔ مصوب در محل دید مراجعان نصب نشده بود.",
            ),
            (
                "1401:35:c",
                20,
                None,
                "گزارش بازرس: نوبت سه مراجع رعایت نشده است.",
            ),
        ],
    ),
    (
        1,
        35,
        CaseStatus::InReview,
        "غیبت مدیر دفتر بدون عذر موجه",
        &[(
            "absence",
            60,
            Some(5),
            "مدیر دفتر پنج روز کاری بدون عذر موجه در دفتر حاضر نبوده است.",
        )],
    ),
    (
        2,
        48,
        CaseStatus::Scheduled,
        "افشای اطلاعات اصحاب دعوا",
        &[(
            "1401:38:b",
            70,
            None,
            "تصویر اوراق قضایی یک مراجع در فضای مجازی منتشر شده است.",
        )],
    ),
    (
        3,
        90,
        CaseStatus::Decided,
        "دریافت وجه بیش از تعرفه",
        &[
            (
                "1401:38:k",
                120,
                None,
                "رسید صادرشده مبلغی بیش از تعرفهٔ مصوب را نشان می‌دهد.",
            ),
            (
                "1401:35:d",
                120,
                None,
                "برای خدمت ارائه‌شده رسید داده نشده است.",
            ),
        ],
    ),
    (
        4,
        150,
        CaseStatus::Notified,
        "تعطیلی دفتر در ساعات اداری",
        &[(
            "closure",
            170,
            Some(2),
            "دفتر دو روز در ساعات اداری بدون مجوز تعطیل بوده است.",
        )],
    ),
    (
        0,
        240,
        CaseStatus::Final,
        "عدم استفاده از سامانهٔ نوبت‌دهی",
        &[("1401:34:a", 260, None, "دستگاه نوبت‌دهی در دفتر وجود نداشت.")],
    ),
    // A suspended prosecution (Art 31) running on the desk: the oldest case, numbered in the
    // year before the others.
    (
        3,
        300,
        CaseStatus::Suspended,
        "عدم حضور فعال در دوره‌های آموزشی",
        &[(
            "1401:36:c",
            330,
            None,
            "مدیر دفتر در دو دورهٔ آموزشی کانون حضور فعال نداشته است.",
        )],
    ),
];

/// The licence the demo revoked (1401 Art 29, grade 7), for the ranking's exception (1404
/// instruction, Art 4 item 7): the former manager of the office in Rey, a case registered in
/// 1403 whose ruling became final in 1404; the office has had another manager since. (office
/// index, former manager's national id without its check digit, first name, last name, days
/// before today: registered, committed, signed, final)
const REVOKED: (usize, &str, &str, &str, [u64; 4]) =
    (4, "007935162", "کامران", "فروتن", [640, 670, 600, 575]);

/// Writes [`REVOKED`]: the former manager, his case (number 1 of its year) and its final
/// ruling of grade 7. Answers the case's year.
async fn revoked_licence(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    audit: &mut crate::audit::AuditChain,
    today: NaiveDate,
    board_id: i64,
    office_id: i64,
) -> Result<i32, StoreError> {
    let (_, nine, first, last, [registered, committed, signed, final_]) = REVOKED;
    let national_id =
        heyat_core::national_id::with_check_digit(nine).ok_or_else(|| StoreError::Corrupt {
            what: "کد ملی نمونه",
            value: nine.to_owned(),
        })?;
    // No longer the holder of any office's licence.
    let (manager_id,): (i64,) = sqlx::query_as(
        "INSERT INTO managers (national_id, first_name, last_name, office_id) VALUES ($1, $2, $3, NULL) RETURNING id",
    )
    .bind(national_id)
    .bind(first)
    .bind(last)
    .fetch_one(&mut **tx)
    .await?;
    audit.inserted(tx, "managers", manager_id).await?;
    let registered_on = days_before(today, registered);
    let year = solar_year(
        today
            .checked_sub_days(Days::new(registered))
            .unwrap_or(today),
    )?;
    let (case_id,): (i64,) = sqlx::query_as(
        "INSERT INTO cases (board_id, year, seq, office_id, manager_id, status, registered_on, subject)
         VALUES ($1, $2, 1, $3, $4, 'final', $5, $6) RETURNING id",
    )
    .bind(board_id)
    .bind(year)
    .bind(office_id)
    .bind(manager_id)
    .bind(&registered_on)
    .bind("ثبت‌نام در ثنا بدون درخواست صاحب اطلاعات")
    .fetch_one(&mut **tx)
    .await?;
    audit.inserted(tx, "cases", case_id).await?;
    let (charge_id,): (i64,) = sqlx::query_as(
        "INSERT INTO charges (case_id, violation, committed_on, facts) VALUES ($1, '1401:40:b', $2, $3) RETURNING id",
    )
    .bind(case_id)
    .bind(days_before(today, committed))
    .bind("برای سه تن بدون درخواست و حضور ایشان در سامانهٔ ثنا حساب کاربری ساخته شده است.")
    .fetch_one(&mut **tx)
    .await?;
    audit.inserted(tx, "charges", charge_id).await?;
    let signed_on = days_before(today, signed);
    let final_on = days_before(today, final_);
    let (ruling_id,): (i64,) = sqlx::query_as(
        "INSERT INTO rulings (case_id, stage, status, outcome, grade, text, suggestion,
             drafted_on, signed_on, final_on)
         VALUES ($1, 'first_instance', 'final', 'conviction', 7, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(case_id)
    .bind("با توجه به گزارش سامانهٔ ثنا و اقرار مدیر دفتر، تخلف محرز است؛ به استناد بند ب مادهٔ ۴۰ به لغو دائم پروانه محکوم می‌شود.")
    .bind(r#"{"regulation":"1401"}"#)
    .bind(&signed_on)
    .bind(&signed_on)
    .bind(&final_on)
    .fetch_one(&mut **tx)
    .await?;
    audit.inserted(tx, "rulings", ruling_id).await?;
    let (notification_id,): (i64,) = sqlx::query_as(
        "INSERT INTO notifications (ruling_id, recipient, method, notified_on)
         VALUES ($1, 'manager', 'electronic', $2) RETURNING id",
    )
    .bind(ruling_id)
    .bind(&signed_on)
    .fetch_one(&mut **tx)
    .await?;
    audit.inserted(tx, "notifications", notification_id).await?;
    Ok(year)
}

fn solar_year(date: NaiveDate) -> Result<i32, StoreError> {
    JalaliDate::from_iso(date.year(), date.month() as u8, date.day() as u8)
        .map(JalaliDate::year)
        .map_err(|_| StoreError::Corrupt {
            what: "تاریخ",
            value: date.to_string(),
        })
}

fn days_before(today: NaiveDate, days: u64) -> String {
    today
        .checked_sub_days(Days::new(days))
        .unwrap_or(today)
        .format("%Y-%m-%d")
        .to_string()
}

/// The password of every account [`Store::create_demo_accounts`] makes (README says so):
/// the demo only, never a real installation's.
pub const DEMO_PASSWORD: &str = "heyat-demo";

impl Store {
    /// Loads the demo data set if this database has never held any data. Returns whether it
    /// did. Running it again, or on a database with a board of its own, changes nothing.
    pub async fn load_demo_if_new(&self, today: NaiveDate) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let seen: Option<(String,)> = sqlx::query_as("SELECT value FROM meta WHERE key = $1")
            .bind(DEMO_KEY)
            .fetch_optional(&mut *tx)
            .await?;
        let (boards,): (i64,) = sqlx::query_as("SELECT count(*) FROM boards")
            .fetch_one(&mut *tx)
            .await?;
        if seen.is_some() || boards > 0 {
            return Ok(false);
        }
        let mut audit = crate::audit::AuditChain::start(&mut tx, "demo").await?;
        let term_start = days_before(today, 400);
        let term_end = today
            .checked_add_days(Days::new(700))
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string();
        let mut board_ids = Vec::new();
        for (kind, name, members) in [
            (
                "first_instance",
                "هیأت بدوی رسیدگی به تخلفات مدیران دفاتر خدمات الکترونیک قضایی استان تهران",
                &FIRST_INSTANCE,
            ),
            (
                "appeal",
                "هیأت تجدیدنظر رسیدگی به تخلفات مدیران دفاتر خدمات الکترونیک قضایی",
                &APPEAL,
            ),
        ] {
            let (board_id,): (i64,) = sqlx::query_as(
                "INSERT INTO boards (kind, name, province, term_start, term_end) VALUES ($1, $2, 'تهران', $3, $4) RETURNING id",
            )
            .bind(kind)
            .bind(name)
            .bind(&term_start)
            .bind(&term_end)
            .fetch_one(&mut *tx)
            .await?;
            audit.inserted(&mut tx, "boards", board_id).await?;
            for (seat, m) in members {
                let (member_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO members (kind, first_name, last_name, judicial_grade, manages_office) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(m.kind)
                .bind(m.first)
                .bind(m.last)
                .bind(m.judicial_grade)
                .bind(m.manages_office)
                .fetch_one(&mut *tx)
                .await?;
                audit.inserted(&mut tx, "members", member_id).await?;
                let (rowid,): (i64,) = sqlx::query_as(
                    "INSERT INTO board_seats (board_id, seat, member_id) VALUES ($1, $2, $3) RETURNING rowid",
                )
                .bind(board_id)
                .bind(seat)
                .bind(member_id)
                .fetch_one(&mut *tx)
                .await?;
                audit.inserted(&mut tx, "board_seats", rowid).await?;
            }
            board_ids.push(board_id);
        }
        let mut manager_ids = Vec::new();
        let mut office_ids = Vec::new();
        for (code, name, city, province, national_id, first, last) in OFFICES {
            let (office_id,): (i64,) = sqlx::query_as(
                "INSERT INTO offices (code, name, city, province, licence_issued_on, licence_expires_on)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(code)
            .bind(name)
            .bind(city)
            .bind(province)
            .bind(days_before(today, 2000))
            .bind(today.checked_add_days(Days::new(900)).unwrap_or(today).format("%Y-%m-%d").to_string())
            .fetch_one(&mut *tx)
            .await?;
            let (manager_id,): (i64,) = sqlx::query_as(
                "INSERT INTO managers (national_id, first_name, last_name, office_id) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(national_id)
            .bind(first)
            .bind(last)
            .bind(office_id)
            .fetch_one(&mut *tx)
            .await?;
            audit.inserted(&mut tx, "offices", office_id).await?;
            audit.inserted(&mut tx, "managers", manager_id).await?;
            office_ids.push(office_id);
            manager_ids.push(manager_id);
        }
        // The oldest case, numbered first.
        let revoked_year = revoked_licence(
            &mut tx,
            &mut audit,
            today,
            board_ids[0],
            office_ids[REVOKED.0],
        )
        .await?;
        // Numbered per Solar Hijri year of registration, oldest first, as a secretary would have.
        let mut numbered: Vec<_> = CASES.iter().collect();
        numbered.sort_by_key(|c| std::cmp::Reverse(c.1));
        let mut last_seq: Vec<(i32, i64)> = vec![(revoked_year, 1)];
        for (office, registered, status, subject, charges) in numbered {
            let registered_on = today
                .checked_sub_days(Days::new(*registered))
                .unwrap_or(today);
            let year = solar_year(registered_on)?;
            let seq = match last_seq.iter_mut().find(|(y, _)| *y == year) {
                Some((_, s)) => {
                    *s += 1;
                    *s
                }
                None => {
                    last_seq.push((year, 1));
                    1
                }
            };
            let (case_id,): (i64,) = sqlx::query_as(
                "INSERT INTO cases (board_id, year, seq, office_id, manager_id, status, registered_on, subject)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(board_ids[0])
            .bind(year)
            .bind(seq)
            .bind(office_ids[*office])
            .bind(manager_ids[*office])
            .bind(status.code())
            .bind(days_before(today, *registered))
            .bind(subject)
            .fetch_one(&mut *tx)
            .await?;
            audit.inserted(&mut tx, "cases", case_id).await?;
            for (violation, committed, days, facts) in charges.iter() {
                let (charge_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO charges (case_id, violation, committed_on, days, facts) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(case_id)
                .bind(violation)
                .bind(days_before(today, *committed))
                .bind(days)
                .bind(facts)
                .fetch_one(&mut *tx)
                .await?;
                audit.inserted(&mut tx, "charges", charge_id).await?;
            }
            // The final case's ruling is on the manager's record: final and carried out
            // well inside Art 43's two years, so his open case shows the recidivism step.
            if *status == CaseStatus::Final {
                let signed_on = days_before(today, registered - 30);
                let final_on = days_before(today, registered - 55);
                let (ruling_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO rulings (case_id, stage, status, outcome, grade, text, suggestion,
                         drafted_on, signed_on, final_on)
                     VALUES ($1, 'first_instance', 'final', 'conviction', 1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(case_id)
                .bind("با توجه به گزارش بازرسی و اقرار مدیر دفتر، تخلف محرز است؛ به استناد بند الف مادهٔ ۳۴ به تذکر شفاهی محکوم می‌شود.")
                .bind(r#"{"regulation":"1401"}"#)
                .bind(&signed_on)
                .bind(&signed_on)
                .bind(&final_on)
                .fetch_one(&mut *tx)
                .await?;
                audit.inserted(&mut tx, "rulings", ruling_id).await?;
                let (notification_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO notifications (ruling_id, recipient, method, notified_on)
                     VALUES ($1, 'manager', 'electronic', $2) RETURNING id",
                )
                .bind(ruling_id)
                .bind(&final_on)
                .fetch_one(&mut *tx)
                .await?;
                audit
                    .inserted(&mut tx, "notifications", notification_id)
                    .await?;
                sqlx::query(
                    "INSERT INTO penalty_executions (ruling_id, carried_out_on, note) VALUES ($1, $2, $3)",
                )
                .bind(ruling_id)
                .bind(days_before(today, registered - 60))
                .bind("تذکر شفاهی در جلسهٔ هیأت به مدیر دفتر داده شد.")
                .execute(&mut *tx)
                .await?;
                audit
                    .inserted(&mut tx, "penalty_executions", ruling_id)
                    .await?;
            }
            // The suspended case's ruling ordered a suspension of one year, final when served
            // (no one appeals it, Art 33), and its order runs.
            if *status == CaseStatus::Suspended {
                let signed_on = days_before(today, registered - 40);
                let (ruling_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO rulings (case_id, stage, status, outcome, suspension_years, text,
                         suggestion, drafted_on, signed_on, final_on)
                     VALUES ($1, 'first_instance', 'final', 'suspended_prosecution', 1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(case_id)
                .bind("با توجه به نبود سابقهٔ محکومیت انتظامی، ابراز ندامت و احتمال اصلاح مدیر دفتر، به استناد مادهٔ ۳۱ تعقیب به مدت یک سال معلق می‌شود.")
                .bind(r#"{"regulation":"1401"}"#)
                .bind(&signed_on)
                .bind(&signed_on)
                .bind(&signed_on)
                .fetch_one(&mut *tx)
                .await?;
                audit.inserted(&mut tx, "rulings", ruling_id).await?;
                let (notification_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO notifications (ruling_id, recipient, method, notified_on)
                     VALUES ($1, 'manager', 'electronic', $2) RETURNING id",
                )
                .bind(ruling_id)
                .bind(&signed_on)
                .fetch_one(&mut *tx)
                .await?;
                audit
                    .inserted(&mut tx, "notifications", notification_id)
                    .await?;
                let term = heyat_core::proceedings::suspension_term(
                    crate::write::date("تاریخ رأی", &signed_on)?,
                    Some(1),
                )?;
                let (order_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO suspension_orders (case_id, ruling_id, ordered_on, years, ends_on)
                     VALUES ($1, $2, $3, 1, $4) RETURNING id",
                )
                .bind(case_id)
                .bind(ruling_id)
                .bind(&signed_on)
                .bind(term.ends_on.to_iso_string())
                .fetch_one(&mut *tx)
                .await?;
                audit
                    .inserted(&mut tx, "suspension_orders", order_id)
                    .await?;
            }
        }
        crate::search::index_missing(&mut tx).await?;
        audit.finish(&mut tx).await?;
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2)")
            .bind(DEMO_KEY)
            .bind(today.format("%Y-%m-%d").to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        // The cases awaiting a session are set for today, at half-hour steps, so that the
        // desk shows a day's agenda.
        let waiting: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM cases WHERE status = 'scheduled' ORDER BY id")
                .fetch_all(self.pool())
                .await?;
        let today_iso = today.format("%Y-%m-%d").to_string();
        for (i, (case_id,)) in waiting.into_iter().enumerate() {
            let at = format!("{:02}:{:02}", 9 + i / 2, (i % 2) * 30);
            self.schedule_session(case_id, &today_iso, &at, "", "demo")
                .await?;
        }
        Ok(true)
    }
}

impl Store {
    /// The demo's accounts, all with [`DEMO_PASSWORD`]: the administrator `admin`; for the
    /// first-instance board `secretary`, `kanoon` and each seated member by seat (`judge-1`,
    /// `judge-2`, `representative`, …); for the appeal board the same prefixed `appeal-`.
    /// Each is enrolled as a real person would be (an enrolment code redeemed), so each
    /// member has a key of their own. Only for the demo: a real first start makes none.
    /// Answers the usernames made; an installation that has an administrator gets none.
    pub async fn create_demo_accounts(&self) -> Result<Vec<String>, StoreError> {
        if !self.needs_setup().await? {
            return Ok(Vec::new());
        }
        let admin = self
            .create_administrator("admin", "مدیر سامانهٔ نمایشی", DEMO_PASSWORD)
            .await?;
        let actor = admin.actor();
        let mut made = vec![admin.username];
        for board in self.boards().await? {
            let prefix = if board.kind == "appeal" {
                "appeal-"
            } else {
                ""
            };
            let mut people: Vec<(heyat_core::proceedings::Role, String, Option<i64>, String)> =
                vec![(
                    heyat_core::proceedings::Role::Secretary,
                    format!(
                        "دبیر {}",
                        if prefix.is_empty() {
                            "هیأت بدوی"
                        } else {
                            "هیأت تجدیدنظر"
                        }
                    ),
                    None,
                    format!("{prefix}secretary"),
                )];
            if prefix.is_empty() {
                people.push((
                    heyat_core::proceedings::Role::KanoonReviewer,
                    "نمایندهٔ کانون در بررسی شکایات".to_owned(),
                    None,
                    "kanoon".to_owned(),
                ));
            }
            for seat in &board.seats {
                people.push((
                    heyat_core::proceedings::Role::Member,
                    format!("{} {}", seat.first_name, seat.last_name),
                    Some(seat.member_id),
                    format!("{prefix}{}", seat.seat.replace('_', "-")),
                ));
            }
            for (role, name, member, username) in people {
                let e = self
                    .create_account(role, &name, board.id, member, &actor)
                    .await?;
                self.enrol(&e.code, &username, DEMO_PASSWORD).await?;
                made.push(username);
            }
        }
        Ok(made)
    }
}

/// What `generate_demo` made.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DemoReport {
    pub offices: i64,
    pub cases: i64,
    pub charges: i64,
}

const PROVINCES: [(&str, [&str; 3]); 8] = [
    ("تهران", ["تهران", "ری", "شمیرانات"]),
    ("اصفهان", ["اصفهان", "کاشان", "نجف‌آباد"]),
    ("خراسان رضوی", ["مشهد", "نیشابور", "سبزوار"]),
    ("فارس", ["شیراز", "مرودشت", "کازرون"]),
    ("آذربایجان شرقی", ["تبریز", "مراغه", "مرند"]),
    ("خوزستان", ["اهواز", "دزفول", "آبادان"]),
    ("گیلان", ["رشت", "لاهیجان", "انزلی"]),
    ("کرمان", ["کرمان", "رفسنجان", "سیرجان"]),
];
const FIRST_NAMES: [&str; 24] = [
    "علی",
    "محمد",
    "حسین",
    "رضا",
    "مهدی",
    "امیر",
    "سعید",
    "مجید",
    "حمید",
    "جواد",
    "بهرام",
    "کاظم",
    "فاطمه",
    "زهرا",
    "مریم",
    "سمیه",
    "لیلا",
    "نرگس",
    "الهام",
    "سارا",
    "مینا",
    "شیوا",
    "پروین",
    "آزاده",
];
const LAST_NAMES: [&str; 24] = [
    "محمدی",
    "حسینی",
    "احمدی",
    "رضایی",
    "موسوی",
    "کریمی",
    "جعفری",
    "قاسمی",
    "صادقی",
    "رحیمی",
    "نوری",
    "طاهری",
    "ابراهیمی",
    "کاظمی",
    "هاشمی",
    "یوسفی",
    "شریفی",
    "اکبری",
    "نجفی",
    "فرهادی",
    "میرزایی",
    "سلطانی",
    "بهرامی",
    "عباسی",
];
const FACTS: [&str; 8] = [
    "بر پایهٔ گزارش بازرس اعزامی از مرکز",
    "به استناد شکایت مراجع و رسید ارائه‌شده",
    "طبق گزارش سامانه و سوابق ثبت‌شده",
    "بنا بر صورت‌جلسهٔ بازدید سرزدهٔ کانون",
    "مطابق اظهارات شهود و تصاویر پیوست",
    "بر اساس گزارش معاونت خدمات الکترونیک قضایی",
    "با توجه به اعتراض کتبی ذی‌نفع",
    "به شرح گزارش بازرسی دوره‌ای",
];

/// The status mix of generated cases: every status, most cases early in their life.
const STATUS_WEIGHTS: [(CaseStatus, u32); 10] = [
    (CaseStatus::Registered, 20),
    (CaseStatus::InReview, 15),
    (CaseStatus::Scheduled, 12),
    (CaseStatus::Heard, 8),
    (CaseStatus::Decided, 8),
    (CaseStatus::Notified, 10),
    (CaseStatus::Final, 17),
    (CaseStatus::Appealed, 5),
    (CaseStatus::AppealDecided, 4),
    (CaseStatus::Suspended, 1),
];

impl Store {
    /// Generates a large, realistic demo data set for trying and measuring the store: a
    /// first-instance board per province (8) and an appeal board, with members who satisfy
    /// Arts 23–25; `cases / 40` offices (at least 16) with their managers; and `cases` cases
    /// in every status, with charges from the 1401 catalogue, and for decided cases a signed
    /// ruling, notifications and appeals. The same `seed` gives the same data. Everything is
    /// written through the audit log and the search index, in transactions of 1 000 cases.
    /// Refused on a database that already holds generated data.
    pub async fn generate_demo(
        &self,
        cases: u32,
        today: NaiveDate,
        seed: u64,
        actor: &str,
    ) -> Result<DemoReport, StoreError> {
        use crate::write::{NewCase, NewCharge, insert_case};
        const GENERATED_KEY: &str = "demo_generated_on";
        if cases == 0 || cases > 1_000_000 {
            return Err(StoreError::invalid(
                "شمار پرونده‌ها (--cases)",
                "عددی میان ۱ و ۱۰۰۰۰۰۰ بدهید",
            ));
        }
        let mut rng = fastrand::Rng::with_seed(seed);
        let lib = heyat_core::regulation::library().map_err(|e| StoreError::Corrupt {
            what: "مقررات",
            value: e.to_string(),
        })?;
        let catalogue: Vec<(String, String)> = lib
            .regulation("1401")
            .map(|r| {
                r.article
                    .iter()
                    .flat_map(|a| a.clause.iter())
                    // The catalogue of Arts 34–40; Art 29's clauses (the penalties) have grades too.
                    .filter(|c| {
                        let article = c.id.split(':').nth(1).and_then(|a| a.parse::<u32>().ok());
                        c.grade.is_some()
                            && c.measured.is_none()
                            && article.is_some_and(|a| (34..=40).contains(&a))
                    })
                    .map(|c| (c.id.clone(), c.title_fa.clone()))
                    .collect()
            })
            .unwrap_or_default();
        if catalogue.is_empty() {
            return Err(StoreError::Corrupt {
                what: "فهرست تخلفات ۱۴۰۱",
                value: String::new(),
            });
        }
        let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let n_offices = (cases / 40).max(16) as usize;

        // Boards, members, offices, managers: one transaction.
        let mut w = self.begin(actor).await?;
        let seen: Option<(String,)> = sqlx::query_as("SELECT value FROM meta WHERE key = $1")
            .bind(GENERATED_KEY)
            .fetch_optional(&mut *w.tx)
            .await?;
        if seen.is_some() {
            return Err(StoreError::invalid(
                "پایگاه داده",
                "این پایگاه داده از پیش دادهٔ نمونهٔ انبوه دارد؛ با --db پروندهٔ تازه‌ای بدهید",
            ));
        }
        let term_start = iso(today.checked_sub_days(Days::new(300)).unwrap_or(today));
        let term_end = iso(today.checked_add_days(Days::new(800)).unwrap_or(today));
        let mut person = 0usize;
        let mut boards: Vec<(i64, Vec<i64>)> = Vec::new();
        for (p, (province, _)) in PROVINCES
            .iter()
            .enumerate()
            .chain([(usize::MAX, &("تهران", ["", "", ""]))])
        {
            let appeal = p == usize::MAX;
            let (kind, name) = if appeal {
                (
                    "appeal",
                    "هیأت تجدیدنظر رسیدگی به تخلفات مدیران دفاتر خدمات الکترونیک قضایی".to_owned(),
                )
            } else {
                (
                    "first_instance",
                    format!("هیأت بدوی رسیدگی به تخلفات مدیران دفاتر استان {province}"),
                )
            };
            let (board_id,): (i64,) = sqlx::query_as(
                "INSERT INTO boards (kind, name, province, term_start, term_end) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(kind)
            .bind(&name)
            .bind(province)
            .bind(&term_start)
            .bind(&term_end)
            .fetch_one(&mut *w.tx)
            .await?;
            w.audit.inserted(&mut w.tx, "boards", board_id).await?;
            let rep = if appeal { "center_rep" } else { "kanoon_rep" };
            let mut seated = Vec::new();
            for (seat, kind) in [
                ("judge_1", "judge"),
                ("judge_2", "judge"),
                ("representative", rep),
                ("alternate_judge", "judge"),
                ("alternate_representative", rep),
            ] {
                person += 1;
                let grade = (kind == "judge").then(|| {
                    if appeal {
                        9 + (person % 3) as i64
                    } else {
                        4 + (person % 6) as i64
                    }
                });
                // A Kanoon representative manages an office (Art 23): one of a code no demo
                // office has (theirs start 21–28), so none comes before their own board.
                let manages_office =
                    (kind == "kanoon_rep").then(|| format!("{}{:06}", 31 + p, person));
                let (member_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO members (kind, first_name, last_name, judicial_grade, manages_office) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(kind)
                .bind(FIRST_NAMES[(person * 7) % FIRST_NAMES.len()])
                .bind(LAST_NAMES[(person * 11) % LAST_NAMES.len()])
                .bind(grade)
                .bind(manages_office)
                .fetch_one(&mut *w.tx)
                .await?;
                w.audit.inserted(&mut w.tx, "members", member_id).await?;
                let (rowid,): (i64,) = sqlx::query_as(
                    "INSERT INTO board_seats (board_id, seat, member_id) VALUES ($1, $2, $3) RETURNING rowid",
                )
                .bind(board_id)
                .bind(seat)
                .bind(member_id)
                .fetch_one(&mut *w.tx)
                .await?;
                w.audit.inserted(&mut w.tx, "board_seats", rowid).await?;
                seated.push(member_id);
            }
            boards.push((board_id, seated));
        }
        let mut offices: Vec<(i64, usize)> = Vec::with_capacity(n_offices);
        for i in 0..n_offices {
            let p = i % PROVINCES.len();
            let (province, cities) = PROVINCES[p];
            let city = cities[rng.usize(..cities.len())];
            let code = format!("{}{:06}", 21 + p, i + 1);
            let (office_id,): (i64,) = sqlx::query_as(
                "INSERT INTO offices (code, name, city, province, licence_issued_on, licence_expires_on)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(&code)
            .bind(format!("دفتر خدمات الکترونیک قضایی شمارهٔ {} {city}", heyat_core::to_persian_digits(&(i + 1).to_string())))
            .bind(city)
            .bind(province)
            .bind(iso(today.checked_sub_days(Days::new(rng.u64(400..4000))).unwrap_or(today)))
            .bind(iso(today.checked_add_days(Days::new(rng.u64(30..1500))).unwrap_or(today)))
            .fetch_one(&mut *w.tx)
            .await?;
            w.audit.inserted(&mut w.tx, "offices", office_id).await?;
            let nine = format!("{:09}", 20_000_000 + i * 37);
            let national_id = heyat_core::national_id::with_check_digit(&nine).unwrap_or_default();
            let (manager_id,): (i64,) = sqlx::query_as(
                "INSERT INTO managers (national_id, first_name, last_name, office_id) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(national_id)
            .bind(FIRST_NAMES[rng.usize(..FIRST_NAMES.len())])
            .bind(LAST_NAMES[rng.usize(..LAST_NAMES.len())])
            .bind(office_id)
            .fetch_one(&mut *w.tx)
            .await?;
            w.audit.inserted(&mut w.tx, "managers", manager_id).await?;
            offices.push((office_id, p));
        }
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2)")
            .bind(GENERATED_KEY)
            .bind(iso(today))
            .execute(&mut *w.tx)
            .await?;
        w.commit().await?;

        // The cases, oldest first so that numbers follow registration, 1 000 per transaction.
        let mut specs: Vec<(u64, usize, CaseStatus)> = (0..cases)
            .map(|_| {
                let ago = rng.u64(0..1100);
                let office = rng.usize(..offices.len());
                let mut pick = rng.u32(0..100);
                let status = STATUS_WEIGHTS
                    .iter()
                    .find(|(_, w)| {
                        if pick < *w {
                            true
                        } else {
                            pick -= w;
                            false
                        }
                    })
                    .map_or(CaseStatus::Registered, |(s, _)| *s);
                (ago, office, status)
            })
            .collect();
        specs.sort_by_key(|s| std::cmp::Reverse(s.0));
        let mut report = DemoReport {
            offices: n_offices as i64,
            cases: 0,
            charges: 0,
        };
        for chunk in specs.chunks(1000) {
            let mut w = self.begin(actor).await?;
            for &(ago, office, status) in chunk {
                let (office_id, province) = offices[office];
                let (board_id, ref members) = boards[province];
                let registered = today.checked_sub_days(Days::new(ago)).unwrap_or(today);
                let n_charges =
                    1 + usize::from(rng.u8(0..10) >= 6) + usize::from(rng.u8(0..10) >= 9);
                let charges: Vec<NewCharge> = (0..n_charges)
                    .map(|_| {
                        let (id, title) = &catalogue[rng.usize(..catalogue.len())];
                        let committed = registered
                            .checked_sub_days(Days::new(rng.u64(5..200)))
                            .unwrap_or(registered);
                        NewCharge {
                            violation: id.clone(),
                            committed_on: iso(committed),
                            days: None,
                            facts: format!("{title}، {}.", FACTS[rng.usize(..FACTS.len())]),
                            last_prosecution_act_on: None,
                        }
                    })
                    .collect();
                let subject = charges[0]
                    .facts
                    .split('،')
                    .next()
                    .unwrap_or("تخلف")
                    .to_owned();
                let made = insert_case(
                    &mut w.tx,
                    &mut w.audit,
                    &NewCase {
                        board_id,
                        office_id,
                        manager_id: None,
                        registered_on: iso(registered),
                        subject,
                        charges,
                    },
                    status,
                )
                .await?;
                report.cases += 1;
                report.charges += n_charges as i64;
                if matches!(
                    status,
                    CaseStatus::Decided
                        | CaseStatus::Notified
                        | CaseStatus::Final
                        | CaseStatus::Appealed
                        | CaseStatus::AppealDecided
                        | CaseStatus::Suspended
                ) {
                    let decided = registered
                        .checked_add_days(Days::new(40))
                        .unwrap_or(registered);
                    let grade = rng.i64(1..8);
                    // A suspended prosecution (Art 31) is no penalty: one year, no grade.
                    let suspended = status == CaseStatus::Suspended;
                    let (ruling_id,): (i64,) = sqlx::query_as(
                        "INSERT INTO rulings (case_id, stage, status, outcome, grade, suspension_years, text, drafted_on)
                         VALUES ($1, 'first_instance', 'draft', $2, $3, $4, $5, $6) RETURNING id",
                    )
                    .bind(made.id)
                    .bind(if suspended { "suspended_prosecution" } else { "conviction" })
                    .bind((!suspended).then_some(grade))
                    .bind(suspended.then_some(1_i64))
                    .bind(format!("هیأت با بررسی محتویات پرونده، تخلف را محرز دانسته و به استناد مادهٔ ۲۹ آیین‌نامه، مجازات درجهٔ {} تعیین می‌کند.", heyat_core::to_persian_digits(&grade.to_string())))
                    .bind(iso(decided))
                    .fetch_one(&mut *w.tx)
                    .await?;
                    w.audit.inserted(&mut w.tx, "rulings", ruling_id).await?;
                    for m in &members[..3] {
                        let (rowid,): (i64,) = sqlx::query_as(
                            "INSERT INTO ruling_signoffs (ruling_id, member_id, signed_at) VALUES ($1, $2, $3) RETURNING rowid",
                        )
                        .bind(ruling_id)
                        .bind(m)
                        .bind(format!("{}T09:00:00Z", iso(decided)))
                        .fetch_one(&mut *w.tx)
                        .await?;
                        w.audit
                            .inserted(&mut w.tx, "ruling_signoffs", rowid)
                            .await?;
                    }
                    let final_ = matches!(status, CaseStatus::Final | CaseStatus::Suspended);
                    // Final when served ten days after the decision and not appealed within
                    // the twenty days of Art 33: the manager's record reads this date.
                    let final_on = final_.then(|| {
                        iso(decided
                            .checked_add_days(Days::new(31))
                            .unwrap_or(decided)
                            .min(today))
                    });
                    sqlx::query("UPDATE rulings SET status = $1, signed_on = $2, final_on = $3, content_hash = $4 WHERE id = $5")
                        .bind(if final_ { "final" } else { "signed" })
                        .bind(iso(decided))
                        .bind(final_on)
                        .bind(format!("{:064x}", rng.u128(..)))
                        .bind(ruling_id)
                        .execute(&mut *w.tx)
                        .await?;
                    let after = crate::audit::snapshot(&mut w.tx, "rulings", ruling_id).await?;
                    w.audit
                        .record(
                            &mut w.tx,
                            "update",
                            "rulings",
                            ruling_id,
                            None,
                            after.as_ref(),
                        )
                        .await?;
                    if status != CaseStatus::Decided {
                        let notified = decided.checked_add_days(Days::new(10)).unwrap_or(decided);
                        let (nid,): (i64,) = sqlx::query_as(
                            "INSERT INTO notifications (ruling_id, recipient, method, notified_on) VALUES ($1, 'manager', 'electronic', $2) RETURNING id",
                        )
                        .bind(ruling_id)
                        .bind(iso(notified))
                        .fetch_one(&mut *w.tx)
                        .await?;
                        w.audit.inserted(&mut w.tx, "notifications", nid).await?;
                        if suspended {
                            let term = heyat_core::proceedings::suspension_term(
                                crate::write::date("تاریخ رأی", &iso(decided))?,
                                Some(1),
                            )?;
                            let (oid,): (i64,) = sqlx::query_as(
                                "INSERT INTO suspension_orders (case_id, ruling_id, ordered_on, years, ends_on)
                                 VALUES ($1, $2, $3, 1, $4) RETURNING id",
                            )
                            .bind(made.id)
                            .bind(ruling_id)
                            .bind(iso(decided))
                            .bind(term.ends_on.to_iso_string())
                            .fetch_one(&mut *w.tx)
                            .await?;
                            w.audit
                                .inserted(&mut w.tx, "suspension_orders", oid)
                                .await?;
                        }
                        if matches!(status, CaseStatus::Appealed | CaseStatus::AppealDecided) {
                            let (aid,): (i64,) = sqlx::query_as(
                                "INSERT INTO appeals (ruling_id, appellant, filed_on, in_time, grounds) VALUES ($1, 'manager', $2, 1, $3) RETURNING id",
                            )
                            .bind(ruling_id)
                            .bind(iso(notified.checked_add_days(Days::new(12)).unwrap_or(notified)))
                            .bind("تجدیدنظرخواه به نادرستی گزارش بازرس و نبود دلیل کافی استناد کرده است.")
                            .fetch_one(&mut *w.tx)
                            .await?;
                            w.audit.inserted(&mut w.tx, "appeals", aid).await?;
                        }
                    }
                }
            }
            w.commit().await?;
        }
        Ok(report)
    }
}
