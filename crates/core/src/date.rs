//! Solar Hijri (Jalali) dates.
//!
//! People see Solar Hijri dates (`۱۴۰۳/۰۵/۱۲`); the store keeps ISO Gregorian dates
//! (`2024-08-02`). A [`JalaliDate`] is one day, convertible both ways through ICU4X's
//! arithmetic Persian calendar (`icu_calendar`), which follows the official 33-year rule
//! with its correction table for 1178–3000 AP.
//!
//! Parsing accepts `YYYY/MM/DD` in Persian (`۰`–`۹`), Arabic-Indic (`٠`–`٩`) or Latin
//! digits, and ISO `YYYY-MM-DD`. An impossible date (`1402/12/30`: 1402 is a common year;
//! `1403/13/01`) is an error whose message is Persian.

use std::fmt;
use std::str::FromStr;

use icu_calendar::cal::Persian;
use icu_calendar::types::RataDie;
use icu_calendar::{Date, Iso};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::digits::to_persian_digits;

/// Solar Hijri years the application accepts. Narrower than ICU's own range so that every
/// date converts safely; wide enough for any disciplinary file.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1200..=1600;

/// A day, kept as its Rata Die (days since 0001-01-01 ISO, day 1) with its Solar Hijri
/// year, month and day alongside. Ordering is chronological.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(type = "string")]
pub struct JalaliDate {
    rd: i64,
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week. Offices are closed on Fridays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    Saturday,
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}

impl Weekday {
    /// Persian name (شنبه … جمعه).
    pub fn name_fa(self) -> &'static str {
        match self {
            Weekday::Saturday => "شنبه",
            Weekday::Sunday => "یکشنبه",
            Weekday::Monday => "دوشنبه",
            Weekday::Tuesday => "سه‌شنبه",
            Weekday::Wednesday => "چهارشنبه",
            Weekday::Thursday => "پنجشنبه",
            Weekday::Friday => "جمعه",
        }
    }
}

/// Why a date was not accepted. Messages are Persian: they reach the people who typed them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY/MM/DD` or `YYYY-MM-DD`.
    #[error("«{0}» تاریخ نیست؛ قالب درست ۱۴۰۳/۰۵/۱۲ (هجری شمسی) یا 2024-08-02 (میلادی) است")]
    Syntax(String),
    /// The year is outside [`YEAR_RANGE`] (or its Gregorian equivalent).
    #[error("سال {} خارج از بازهٔ پذیرفته (۱۲۰۰ تا ۱۶۰۰ هجری شمسی) است", fa(.0))]
    YearOutOfRange(i32),
    /// Month not in 1–12.
    #[error("تاریخ {} وجود ندارد: ماه باید بین ۱ و ۱۲ باشد", fa(.0))]
    NoSuchMonth(String),
    /// Day beyond the month's length (e.g. 30 Esfand of a common year).
    #[error("تاریخ {} وجود ندارد: این ماه {} روز دارد", fa(.date), fa(.days))]
    NoSuchDay { date: String, days: u8 },
    /// An ISO date that does not exist (e.g. 2023-02-29).
    #[error("تاریخ میلادی {0} وجود ندارد")]
    NoSuchIsoDate(String),
}

/// A Solar Hijri date or number in an error message, as Persian readers write it.
fn fa(value: &impl std::fmt::Display) -> String {
    crate::to_persian_digits(&value.to_string())
}

fn persian_from_rd(rd: i64) -> Date<Persian> {
    Date::from_rata_die(RataDie::new(rd), Persian::new())
}

/// The Persian name of a Solar Hijri month, 1 (فروردین) to 12 (اسفند); empty otherwise.
pub fn month_name_fa(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "فروردین",
        "اردیبهشت",
        "خرداد",
        "تیر",
        "مرداد",
        "شهریور",
        "مهر",
        "آبان",
        "آذر",
        "دی",
        "بهمن",
        "اسفند",
    ];
    NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// Length of a Solar Hijri month: 31 days for months 1–6, 30 for 7–11, 29 or 30 for
/// Esfand (30 in a leap year).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        _ => {
            if is_leap_year(year) {
                30
            } else {
                29
            }
        }
    }
}

/// Whether a Solar Hijri year is a leap year (Esfand has 30 days).
pub fn is_leap_year(year: i32) -> bool {
    Date::try_new_persian(year, 12, 30).is_ok()
}

impl JalaliDate {
    /// The date `year/month/day` of the Solar Hijri calendar, checked.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let shown = format!("{year:04}/{month:02}/{day:02}");
        if !YEAR_RANGE.contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchMonth(shown));
        }
        let days = days_in_month(year, month);
        if day == 0 || day > days {
            return Err(DateError::NoSuchDay { date: shown, days });
        }
        let date = Date::try_new_persian(year, month, day).map_err(|_| DateError::NoSuchDay {
            date: shown.clone(),
            days,
        })?;
        Ok(Self {
            rd: date.to_rata_die().to_i64_date(),
            year,
            month,
            day,
        })
    }

    /// The day with this ISO Gregorian year, month and day, checked.
    pub fn from_iso(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let shown = format!("{year:04}-{month:02}-{day:02}");
        // 1200 AP starts in 1821, 1600 AP ends in 2222: a coarse guard before ICU.
        if !(1800..=2250).contains(&year) {
            return Err(DateError::YearOutOfRange(year.saturating_sub(621)));
        }
        let iso =
            Date::try_new_iso(year, month, day).map_err(|_| DateError::NoSuchIsoDate(shown))?;
        Self::from_rata_die(iso.to_rata_die().to_i64_date())
    }

    fn from_rata_die(rd: i64) -> Result<Self, DateError> {
        let p = persian_from_rd(rd);
        let year = p.year().extended_year();
        if !YEAR_RANGE.contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        Ok(Self {
            rd,
            year,
            month: p.month().ordinal,
            day: p.day_of_month().0,
        })
    }

    /// Parses `YYYY/MM/DD` (Solar Hijri; Persian, Arabic-Indic or Latin digits, also with
    /// `-` between Persian digits) or ISO `YYYY-MM-DD` (Latin digits). One- or two-digit
    /// months and days are accepted (`1401/5/23`). Surrounding spaces are ignored.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let syntax = || DateError::Syntax(text.to_string());
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.chars().count() > 12 {
            return Err(syntax());
        }
        let mut normalized = String::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            let mapped = match c {
                '0'..='9' | '/' | '-' => c,
                '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
                '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
                _ => return Err(syntax()),
            };
            normalized.push(mapped);
        }
        let (sep, iso) = if normalized.contains('/') {
            ('/', false)
        } else {
            ('-', true)
        };
        let parts: Vec<&str> = normalized.split(sep).collect();
        if parts.len() != 3 {
            return Err(syntax());
        }
        let digits_ok = |s: &str, min: usize, max: usize| {
            (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits_ok(parts[0], 4, 4) || !digits_ok(parts[1], 1, 2) || !digits_ok(parts[2], 1, 2) {
            return Err(syntax());
        }
        let year: i32 = parts[0].parse().map_err(|_| syntax())?;
        let month: u8 = parts[1].parse().map_err(|_| syntax())?;
        let day: u8 = parts[2].parse().map_err(|_| syntax())?;
        // A dash-separated date is ISO when its year is Gregorian-looking (> 1700);
        // `1403-05-12` is taken as Solar Hijri, since no ISO date of interest has year 1403.
        if iso && year > 1700 {
            Self::from_iso(year, month, day)
        } else {
            Self::new(year, month, day)
        }
    }

    /// Parses an ISO `YYYY-MM-DD` string only (what the store keeps).
    pub fn parse_iso(text: &str) -> Result<Self, DateError> {
        let syntax = || DateError::Syntax(text.to_string());
        let b = text.as_bytes();
        if !text.is_ascii() || b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(syntax());
        }
        let num = |s: &str| -> Result<u32, DateError> {
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().map_err(|_| syntax())
            } else {
                Err(syntax())
            }
        };
        let year = num(&text[0..4])? as i32;
        let month = num(&text[5..7])? as u8;
        let day = num(&text[8..10])? as u8;
        Self::from_iso(year, month, day)
    }

    /// Solar Hijri year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Solar Hijri month, 1 (Farvardin) to 12 (Esfand).
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// ISO Gregorian (year, month, day).
    pub fn iso(self) -> (i32, u8, u8) {
        let iso: Date<Iso> = Date::from_rata_die(RataDie::new(self.rd), Iso);
        (
            iso.year().extended_year(),
            iso.month().ordinal,
            iso.day_of_month().0,
        )
    }

    /// ISO `YYYY-MM-DD`, as the store keeps it.
    pub fn to_iso_string(self) -> String {
        let (y, m, d) = self.iso();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `YYYY/MM/DD` with Latin digits (the contract's output form).
    pub fn format(self) -> String {
        format!("{:04}/{:02}/{:02}", self.year, self.month, self.day)
    }

    /// `YYYY/MM/DD` with Persian digits, for people (`۱۴۰۳/۰۵/۱۲`).
    pub fn format_fa(self) -> String {
        to_persian_digits(&self.format())
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // Rata Die 1 (0001-01-01 ISO) is a Monday, so RD 0 is a Sunday.
        match self.rd.rem_euclid(7) {
            0 => Weekday::Sunday,
            1 => Weekday::Monday,
            2 => Weekday::Tuesday,
            3 => Weekday::Wednesday,
            4 => Weekday::Thursday,
            5 => Weekday::Friday,
            _ => Weekday::Saturday,
        }
    }

    /// Whether this day is a Friday (the weekly holiday).
    pub fn is_friday(self) -> bool {
        self.weekday() == Weekday::Friday
    }

    /// Whether this date's year is a Solar Hijri leap year.
    pub fn is_in_leap_year(self) -> bool {
        is_leap_year(self.year)
    }

    /// This date moved by `days` (negative: earlier).
    pub fn add_days(self, days: i64) -> Result<Self, DateError> {
        let rd = self
            .rd
            .checked_add(days)
            .ok_or(DateError::YearOutOfRange(self.year))?;
        // Guard before converting: ±200 years is far beyond any use here.
        if (rd - self.rd).abs() > 200 * 366 {
            return Err(DateError::YearOutOfRange(self.year));
        }
        Self::from_rata_die(rd)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: JalaliDate) -> i64 {
        later.rd - self.rd
    }

    /// The same month and day `years` Solar Hijri years later (earlier when negative).
    /// 30 Esfand of a leap year becomes 29 Esfand when the target year is common.
    pub fn add_years(self, years: i32) -> Result<Self, DateError> {
        let year = self
            .year
            .checked_add(years)
            .ok_or(DateError::YearOutOfRange(self.year))?;
        if !YEAR_RANGE.contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        let day = self.day.min(days_in_month(year, self.month));
        Self::new(year, self.month, day)
    }
}

impl fmt::Display for JalaliDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

impl fmt::Debug for JalaliDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "JalaliDate({} = {})",
            self.format(),
            self.to_iso_string()
        )
    }
}

impl FromStr for JalaliDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for JalaliDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.format())
    }
}

impl<'de> Deserialize<'de> for JalaliDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        JalaliDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> JalaliDate {
        JalaliDate::parse(s).unwrap()
    }

    #[test]
    fn known_conversions() {
        assert_eq!(d("1401/05/23").to_iso_string(), "2022-08-14");
        assert_eq!(d("1403/12/30").to_iso_string(), "2025-03-20");
        assert_eq!(d("1404/01/01").to_iso_string(), "2025-03-21");
        assert_eq!(d("1396/12/26").to_iso_string(), "2018-03-17");
        assert_eq!(d("1392/02/26").to_iso_string(), "2013-05-16");
        assert_eq!(d("1399/12/30").to_iso_string(), "2021-03-20");
        assert_eq!(d("2022-08-14").format(), "1401/05/23");
        assert_eq!(
            JalaliDate::parse_iso("2025-03-20").unwrap().format(),
            "1403/12/30"
        );
    }

    #[test]
    fn digits_of_every_script() {
        assert_eq!(d("۱۴۰۳/۰۵/۱۲"), d("1403/05/12"));
        assert_eq!(d("١٤٠٣/٠٥/١٢"), d("1403/05/12"));
        assert_eq!(d("1401/5/23"), d("1401/05/23"));
        assert_eq!(d(" 1401/05/23 "), d("1401/05/23"));
        assert_eq!(d("1403/05/12").format_fa(), "۱۴۰۳/۰۵/۱۲");
    }

    #[test]
    fn impossible_dates_are_refused_in_persian() {
        let e = JalaliDate::parse("1402/12/30").unwrap_err();
        assert!(matches!(e, DateError::NoSuchDay { days: 29, .. }));
        assert!(e.to_string().contains("وجود ندارد"));
        assert!(matches!(
            JalaliDate::parse("1403/13/01"),
            Err(DateError::NoSuchMonth(_))
        ));
        assert!(JalaliDate::parse("1403/07/31").is_err());
        assert!(JalaliDate::parse("1403/00/10").is_err());
        assert!(JalaliDate::parse("1403/01/00").is_err());
        assert!(JalaliDate::parse("2023-02-29").is_err());
        for bad in [
            "",
            "1403",
            "1403/05",
            "14030512",
            "1403/05/12/1",
            "abcd/ef/gh",
            "1403//12",
            "99999/01/01",
            "-1403/01/01",
            "1403/001/01",
            "１٤٠٣/٠٥/١٢",
        ] {
            assert!(JalaliDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn leap_years() {
        for y in [1399, 1403, 1408] {
            assert!(is_leap_year(y), "{y}");
        }
        for y in [1400, 1401, 1402, 1404] {
            assert!(!is_leap_year(y), "{y}");
        }
        assert_eq!(d("1403/12/30").add_days(1).unwrap(), d("1404/01/01"));
        assert_eq!(d("1402/12/29").add_days(1).unwrap(), d("1403/01/01"));
    }

    #[test]
    fn years_later_with_esfand_30() {
        assert_eq!(d("1403/12/30").add_years(2).unwrap(), d("1405/12/29"));
        assert_eq!(d("1399/12/30").add_years(4).unwrap(), d("1403/12/30"));
        assert_eq!(d("1401/05/23").add_years(2).unwrap(), d("1403/05/23"));
        assert_eq!(d("1403/06/31").add_years(-1).unwrap(), d("1402/06/31"));
    }

    #[test]
    fn weekdays() {
        // 2022-08-14 was a Sunday; 2024-10-18 (1403/07/27) a Friday.
        assert_eq!(d("1401/05/23").weekday(), Weekday::Sunday);
        assert!(d("1403/07/27").is_friday());
        assert_eq!(d("1403/07/28").weekday(), Weekday::Saturday);
        assert_eq!(d("1403/07/28").weekday().name_fa(), "شنبه");
    }

    #[test]
    fn arithmetic_and_order() {
        assert_eq!(d("1403/07/10").add_days(20).unwrap(), d("1403/07/30"));
        assert_eq!(d("1403/06/31").add_days(1).unwrap(), d("1403/07/01"));
        assert_eq!(d("1403/07/01").days_until(d("1403/07/30")), 29);
        assert!(d("1403/01/01") < d("1403/01/02"));
        assert!(d("1402/12/29") < d("1403/01/01"));
    }

    #[test]
    fn serde_round_trip() {
        let date: JalaliDate = serde_json::from_str("\"۱۴۰۳/۰۷/۰۱\"").unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"1403/07/01\"");
        let iso: JalaliDate = serde_json::from_str("\"2024-09-22\"").unwrap();
        assert_eq!(iso, date);
        assert!(serde_json::from_str::<JalaliDate>("\"1402/12/30\"").is_err());
        for bad in [
            "۱۴۰۳-1-01",
            "2024-1-011",
            "2024/01/01",
            "abcd-ef-gh",
            "2023-02-29",
        ] {
            assert!(JalaliDate::parse_iso(bad).is_err(), "{bad}");
        }
    }
}
