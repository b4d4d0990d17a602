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
}

const FIRST_INSTANCE: [(&str, Member); 5] = [
    (
        "judge_1",
        Member {
            kind: "judge",
            first: "محمدرضا",
            last: "کریمی",
            judicial_grade: Some(8),
        },
    ),
    (
        "judge_2",
        Member {
            kind: "judge",
            first: "سیدعلی",
            last: "موسوی",
            judicial_grade: Some(7),
        },
    ),
    (
        "representative",
        Member {
            kind: "kanoon_rep",
            first: "زهرا",
            last: "احمدی",
            judicial_grade: None,
        },
    ),
    (
        "alternate_judge",
        Member {
            kind: "judge",
            first: "حسین",
            last: "رضایی",
            judicial_grade: Some(6),
        },
    ),
    (
        "alternate_representative",
        Member {
            kind: "kanoon_rep",
            first: "مریم",
            last: "صادقی",
            judicial_grade: None,
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
        },
    ),
    (
        "judge_2",
        Member {
            kind: "judge",
            first: "مهدی",
            last: "جعفری",
            judicial_grade: Some(9),
        },
    ),
    (
        "representative",
        Member {
            kind: "center_rep",
            first: "فاطمه",
            last: "حسینی",
            judicial_grade: None,
        },
    ),
    (
        "alternate_judge",
        Member {
            kind: "judge",
            first: "علیرضا",
            last: "اکبری",
            judicial_grade: Some(11),
        },
    ),
    (
        "alternate_representative",
        Member {
            kind: "center_rep",
            first: "نرگس",
            last: "کاظمی",
            judicial_grade: None,
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
const CASES: [(usize, u64, CaseStatus, &str, &[DemoCharge]); 6] = [
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
];

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

impl Store {
    /// Loads the demo data set if this database has never held any data. Returns whether it
    /// did. Running it again, or on a database with a board of its own, changes nothing.
    pub async fn load_demo_if_new(&self, today: NaiveDate) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await?;
        let seen: Option<(String,)> = sqlx::query_as("SELECT value FROM meta WHERE key = ?")
            .bind(DEMO_KEY)
            .fetch_optional(&mut *tx)
            .await?;
        let (boards,): (i64,) = sqlx::query_as("SELECT count(*) FROM boards")
            .fetch_one(&mut *tx)
            .await?;
        if seen.is_some() || boards > 0 {
            return Ok(false);
        }
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
                "INSERT INTO boards (kind, name, province, term_start, term_end) VALUES (?, ?, 'تهران', ?, ?) RETURNING id",
            )
            .bind(kind)
            .bind(name)
            .bind(&term_start)
            .bind(&term_end)
            .fetch_one(&mut *tx)
            .await?;
            for (seat, m) in members {
                let (member_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO members (kind, first_name, last_name, judicial_grade) VALUES (?, ?, ?, ?) RETURNING id",
                )
                .bind(m.kind)
                .bind(m.first)
                .bind(m.last)
                .bind(m.judicial_grade)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("INSERT INTO board_seats (board_id, seat, member_id) VALUES (?, ?, ?)")
                    .bind(board_id)
                    .bind(seat)
                    .bind(member_id)
                    .execute(&mut *tx)
                    .await?;
            }
            board_ids.push(board_id);
        }
        let mut manager_ids = Vec::new();
        let mut office_ids = Vec::new();
        for (code, name, city, province, national_id, first, last) in OFFICES {
            let (office_id,): (i64,) = sqlx::query_as(
                "INSERT INTO offices (code, name, city, province, licence_issued_on, licence_expires_on)
                 VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
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
                "INSERT INTO managers (national_id, first_name, last_name, office_id) VALUES (?, ?, ?, ?) RETURNING id",
            )
            .bind(national_id)
            .bind(first)
            .bind(last)
            .bind(office_id)
            .fetch_one(&mut *tx)
            .await?;
            office_ids.push(office_id);
            manager_ids.push(manager_id);
        }
        // Numbered per Solar Hijri year of registration, oldest first, as a secretary would have.
        let mut numbered: Vec<_> = CASES.iter().collect();
        numbered.sort_by_key(|c| std::cmp::Reverse(c.1));
        let mut last_seq: Vec<(i32, i64)> = Vec::new();
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
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
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
            for (violation, committed, days, facts) in charges.iter() {
                sqlx::query("INSERT INTO charges (case_id, violation, committed_on, days, facts) VALUES (?, ?, ?, ?, ?)")
                    .bind(case_id)
                    .bind(violation)
                    .bind(days_before(today, *committed))
                    .bind(days)
                    .bind(facts)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        sqlx::query("INSERT INTO meta (key, value) VALUES (?, ?)")
            .bind(DEMO_KEY)
            .bind(today.format("%Y-%m-%d").to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }
}
