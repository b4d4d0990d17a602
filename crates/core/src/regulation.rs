//! The law as data: the regulations in `regulations/*.toml`, embedded at build time,
//! validated when loaded, looked up by stable id.
//!
//! Ids follow `../shared/contracts/suggest.md`: an article is `VERSION:ARTICLE` (`1401:44`),
//! a lettered clause `VERSION:ARTICLE:LETTER` with الف=a, ب=b, پ=c, … (`1401:37:f`), a numbered
//! item `VERSION:ARTICLE:N` (`1396:37:2`), a note (تبصره) `VERSION:ARTICLE:note` or
//! `VERSION:ARTICLE:note-N`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::date::JalaliDate;

/// The embedded files, in the order they are loaded: (file name, contents).
pub const SOURCES: [(&str, &str); 4] = [
    ("1401.toml", include_str!("../../../regulations/1401.toml")),
    ("1396.toml", include_str!("../../../regulations/1396.toml")),
    ("1392.toml", include_str!("../../../regulations/1392.toml")),
    (
        "1404-ranking.toml",
        include_str!("../../../regulations/1404-ranking.toml"),
    ),
];

/// The seed files the law was typed from (`../shared/seeds/`).
pub const SEED_FILES: [&str; 5] = [
    "000_ab60742e2d3aa30b.txt",
    "001_1d87f5cafa7a44ed.txt",
    "002_f8e9e6b21074cba2.txt",
    "003_a251ef4a3275e5cf.txt",
    "004_9c81c44033cd4d9d.txt",
];

/// A regulation file that cannot be used. Raised when loading; the tests load every file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegulationError {
    #[error("{file}: not valid TOML for a regulation: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: id {id} appears twice")]
    DuplicateId { file: String, id: String },
    #[error("{file}: id {id} is malformed: {why}")]
    BadId {
        file: String,
        id: String,
        why: String,
    },
    #[error("{file}: {id}: grade {grade} is outside 1–{max}")]
    GradeOutOfRange {
        file: String,
        id: String,
        grade: i64,
        max: u8,
    },
    #[error("{file}: {id} refers to {target}, which is not in the regulations")]
    MissingReference {
        file: String,
        id: String,
        target: String,
    },
    #[error("{file}: {id}: {field} is empty")]
    Empty {
        file: String,
        id: String,
        field: &'static str,
    },
    #[error("{file}: {id}: {why}")]
    Invalid {
        file: String,
        id: String,
        why: String,
    },
}

/// A regulation's identity and the dates it was in force.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegulationMeta {
    pub id: String,
    pub kind: String,
    pub title_fa: String,
    pub title_en: String,
    /// Notification number, empty when the source gives none.
    pub number: String,
    pub approved_on: JalaliDate,
    pub approved_by_fa: String,
    pub in_force_from: JalaliDate,
    #[serde(default)]
    pub in_force_until: Option<JalaliDate>,
    /// Highest penalty grade of the code (7 for 1401, 6 for 1396/1392); none for the ranking.
    #[serde(default)]
    pub grades: Option<u8>,
    #[serde(default)]
    pub replaces: Option<String>,
    #[serde(default)]
    pub replaced_by: Option<String>,
    pub source: String,
    #[serde(default)]
    pub also_in: Option<String>,
    #[serde(default)]
    pub note_fa: Option<String>,
}

/// Which violations are measured in days (contract: `absence`, `closure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measured {
    Absence,
    Closure,
}

impl Measured {
    pub fn key(self) -> &'static str {
        match self {
            Measured::Absence => "absence",
            Measured::Closure => "closure",
        }
    }
}

/// A clause (بند) or numbered item (ردیف) of an article.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub id: String,
    /// The label as printed: «الف», «ب», «۲», «درجه یک».
    pub label_fa: String,
    #[serde(default)]
    pub grade: Option<u8>,
    /// Where the board chooses the grade (older codes' violations): the allowed range.
    #[serde(default)]
    pub grade_range: Option<[u8; 2]>,
    pub title_fa: String,
    pub text_fa: String,
    #[serde(default)]
    pub measured: Option<Measured>,
    #[serde(default)]
    pub days_min: Option<u32>,
    /// Absent for the open-ended clause ("more than …").
    #[serde(default)]
    pub days_max: Option<u32>,
    // Ranking instruction (1404) index 7.
    #[serde(default)]
    pub full_score: Option<u32>,
    #[serde(default)]
    pub deduction: Option<u32>,
    #[serde(default)]
    pub rank_levels_down_max: Option<u32>,
    #[serde(default)]
    pub disciplinary_grades: Option<[u8; 2]>,
    /// Grades of crimes (Islamic Penal Code Art 19, 1–8) a ranking clause counts.
    #[serde(default)]
    pub crime_grades: Option<[u8; 2]>,
    /// The clause counts intentional crimes only.
    #[serde(default)]
    pub intentional_only: bool,
    // A grade of the code's list of penalties (1401 Art 29, 1396 Art 35, 1392 Art 23).
    /// What the penalty is.
    #[serde(default)]
    pub penalty: Option<PenaltyKind>,
    /// A suspension's term in months, `[least, most]`.
    #[serde(default)]
    pub term_months: Option<[u32; 2]>,
    /// The least term is excluded («بیش از یک سال»).
    #[serde(default)]
    pub term_above_min: bool,
    /// What a suspension suspends: the management of the office or the licence.
    #[serde(default)]
    pub suspends: Option<Suspends>,
}

/// What a penalty is, in the order of severity the contract fixes (Revision 2): oral notice <
/// written warning < reprimand on file < reprimand published < suspension < revocation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyKind {
    OralNotice,
    WrittenWarning,
    ReprimandOnFile,
    ReprimandPublished,
    Suspension,
    Revocation,
}

impl PenaltyKind {
    pub fn title_fa(self) -> &'static str {
        match self {
            PenaltyKind::OralNotice => "تذکر شفاهی",
            PenaltyKind::WrittenWarning => "اخطار کتبی",
            PenaltyKind::ReprimandOnFile => "توبیخ کتبی با درج در پرونده",
            PenaltyKind::ReprimandPublished => "توبیخ با درج در پایگاه مرکز",
            PenaltyKind::Suspension => "تعلیق",
            PenaltyKind::Revocation => "لغو دائم پروانه",
        }
    }
}

/// What a suspension suspends: 1401 Art 29 suspends the manager from managing the office;
/// 1396 Art 35 and 1392 Art 23 suspend the licence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Suspends {
    Management,
    Licence,
}

/// One grade's penalty under one code, as the code words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Penalty {
    /// The code (`"1396"`).
    pub regulation: String,
    pub grade: u8,
    pub kind: PenaltyKind,
    /// A suspension's term in months, `[least, most]`.
    pub term_months: Option<[u32; 2]>,
    /// The least term is excluded («بیش از یک سال»).
    pub term_above_min: bool,
    pub suspends: Option<Suspends>,
    /// The clause that words it (`1396:35:6`).
    pub clause: String,
    /// The code's own words (`لغو دایم پروانه`).
    pub title_fa: String,
}

impl Penalty {
    /// Severity for comparison (contract Revision 2): the kind, then the longest term.
    pub fn severity(&self) -> (PenaltyKind, u32) {
        (self.kind, self.term_months.map_or(0, |t| t[1]))
    }

    /// The least whole number of months the term allows (13 for «بیش از یک سال»).
    pub fn least_months(&self) -> Option<u32> {
        self.term_months
            .map(|[lo, _]| if self.term_above_min { lo + 1 } else { lo })
    }
}

/// A note (تبصره) of an article.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub label_fa: String,
    pub text_fa: String,
}

/// An article (ماده) with its full corrected text and its parts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    pub number: u32,
    pub title_fa: String,
    /// The grade every clause of a catalogue article carries (Arts 34–40).
    #[serde(default)]
    pub grade: Option<u8>,
    /// The grades the board chooses from (Art 41: 2–4; older catalogues: 1–6).
    #[serde(default)]
    pub grade_range: Option<[u8; 2]>,
    /// Other articles this one cites (validated to exist).
    #[serde(default)]
    pub refs: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub note_en: Option<String>,
    pub text_fa: String,
    #[serde(default)]
    pub clause: Vec<Clause>,
    #[serde(default)]
    pub note: Vec<Note>,
}

/// One code (or instruction) as loaded from its file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    pub regulation: RegulationMeta,
    #[serde(default)]
    pub article: Vec<Article>,
}

impl Regulation {
    pub fn id(&self) -> &str {
        &self.regulation.id
    }

    /// Whether this code was in force on `date`.
    pub fn in_force_on(&self, date: JalaliDate) -> bool {
        date >= self.regulation.in_force_from
            && self
                .regulation
                .in_force_until
                .is_none_or(|until| date <= until)
    }
}

/// What an id names.
#[derive(Debug, Clone, Copy)]
pub enum Provision<'a> {
    Article(&'a Article),
    Clause(&'a Article, &'a Clause),
    Note(&'a Article, &'a Note),
}

impl<'a> Provision<'a> {
    /// The corrected Persian text of what the id names.
    pub fn text_fa(&self) -> &'a str {
        match self {
            Provision::Article(a) => &a.text_fa,
            Provision::Clause(_, c) => &c.text_fa,
            Provision::Note(_, n) => &n.text_fa,
        }
    }

    /// The article the provision belongs to.
    pub fn article(&self) -> &'a Article {
        match self {
            Provision::Article(a) | Provision::Clause(a, _) | Provision::Note(a, _) => a,
        }
    }
}

/// Where an id points: (regulation index, article index, part), the part being `None` for
/// the article itself, `Some(Ok(i))` for clause i, `Some(Err(i))` for note i.
type Location = (usize, usize, Option<Result<usize, usize>>);

/// A measured clause's days: (from, to or open-ended, clause id).
type DaysRange<'a> = (u32, Option<u32>, &'a str);

/// The articles of each code that list the violations a board may charge (DOMAIN.md): the
/// 1401 code's Arts 34–41, the 1396 regulation's Art 37, the 1392 instruction's Art 25.
pub const CATALOGUE_ARTICLES: [(&str, std::ops::RangeInclusive<u32>); 3] =
    [("1401", 34..=41), ("1396", 37..=37), ("1392", 25..=25)];

/// Every regulation, validated, with an index by id.
#[derive(Debug)]
pub struct Library {
    regulations: Vec<Regulation>,
    index: BTreeMap<String, Location>,
}

static LIBRARY: OnceLock<Result<Library, RegulationError>> = OnceLock::new();

/// The embedded regulations, loaded and validated once.
pub fn library() -> Result<&'static Library, RegulationError> {
    LIBRARY
        .get_or_init(|| Library::load(&SOURCES))
        .as_ref()
        .map_err(Clone::clone)
}

fn check_id_shape(file: &str, id: &str, version: &str) -> Result<(), RegulationError> {
    let bad = |why: &str| RegulationError::BadId {
        file: file.to_string(),
        id: id.to_string(),
        why: why.to_string(),
    };
    let parts: Vec<&str> = id.split(':').collect();
    if parts.len() < 2 || parts.len() > 4 {
        return Err(bad("expected VERSION:ARTICLE[:CLAUSE]"));
    }
    if parts[0] != version {
        return Err(bad("its version is not the file's"));
    }
    if parts[1].is_empty() || !parts[1].bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad("the article is not a number"));
    }
    for p in &parts[2..] {
        let ok = !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            return Err(bad("a clause must be a Latin letter, a number or note[-N]"));
        }
    }
    Ok(())
}

impl Library {
    /// Parses and validates regulation files: (file name, TOML text).
    pub fn load(sources: &[(&str, &str)]) -> Result<Library, RegulationError> {
        let mut regulations = Vec::new();
        for (file, text) in sources {
            let reg: Regulation = toml::from_str(text).map_err(|e| RegulationError::Parse {
                file: file.to_string(),
                message: e.to_string().replace('\n', " "),
            })?;
            regulations.push(reg);
        }
        let mut lib = Library {
            regulations,
            index: BTreeMap::new(),
        };
        lib.validate(sources)?;
        Ok(lib)
    }

    fn validate(&mut self, sources: &[(&str, &str)]) -> Result<(), RegulationError> {
        let mut index = BTreeMap::new();
        let mut versions = BTreeSet::new();
        for (ri, reg) in self.regulations.iter().enumerate() {
            let file = sources.get(ri).map(|s| s.0).unwrap_or("?").to_string();
            let meta = &reg.regulation;
            let version = meta.id.as_str();
            let invalid = |id: &str, why: String| RegulationError::Invalid {
                file: file.clone(),
                id: id.to_string(),
                why,
            };
            if !versions.insert(version.to_string()) {
                return Err(RegulationError::DuplicateId {
                    file: file.clone(),
                    id: version.to_string(),
                });
            }
            for (field, value) in [
                ("title_fa", &meta.title_fa),
                ("title_en", &meta.title_en),
                ("approved_by_fa", &meta.approved_by_fa),
            ] {
                if value.trim().is_empty() {
                    return Err(RegulationError::Empty {
                        file: file.clone(),
                        id: version.to_string(),
                        field,
                    });
                }
            }
            if !SEED_FILES.contains(&meta.source.as_str()) {
                return Err(invalid(version, format!("unknown source {}", meta.source)));
            }
            if let Some(until) = meta.in_force_until
                && until < meta.in_force_from
            {
                return Err(invalid(
                    version,
                    "in force until before in force from".into(),
                ));
            }
            let max_grade = meta.grades.unwrap_or(7);
            let grade_ok = |id: &str, g: u8| -> Result<(), RegulationError> {
                if g == 0 || g > max_grade {
                    Err(RegulationError::GradeOutOfRange {
                        file: file.clone(),
                        id: id.to_string(),
                        grade: g.into(),
                        max: max_grade,
                    })
                } else {
                    Ok(())
                }
            };
            let range_ok = |id: &str, r: [u8; 2]| -> Result<(), RegulationError> {
                grade_ok(id, r[0])?;
                grade_ok(id, r[1])?;
                if r[0] > r[1] {
                    return Err(invalid(id, "grade_range is reversed".into()));
                }
                Ok(())
            };
            let nonempty = |id: &str, field: &'static str, v: &str| {
                if v.trim().is_empty() {
                    Err(RegulationError::Empty {
                        file: file.clone(),
                        id: id.to_string(),
                        field,
                    })
                } else {
                    Ok(())
                }
            };
            for (ai, art) in reg.article.iter().enumerate() {
                check_id_shape(&file, &art.id, version)?;
                if art.id != format!("{version}:{}", art.number) {
                    return Err(invalid(&art.id, "id does not match its number".into()));
                }
                nonempty(&art.id, "title_fa", &art.title_fa)?;
                nonempty(&art.id, "text_fa", &art.text_fa)?;
                if !SEED_FILES.contains(&art.source.as_str()) {
                    return Err(invalid(&art.id, format!("unknown source {}", art.source)));
                }
                if let Some(g) = art.grade {
                    grade_ok(&art.id, g)?;
                }
                if let Some(r) = art.grade_range {
                    range_ok(&art.id, r)?;
                }
                if index.insert(art.id.clone(), (ri, ai, None)).is_some() {
                    return Err(RegulationError::DuplicateId {
                        file: file.clone(),
                        id: art.id.clone(),
                    });
                }
                let prefix = format!("{}:", art.id);
                for (ci, cl) in art.clause.iter().enumerate() {
                    check_id_shape(&file, &cl.id, version)?;
                    if !cl.id.starts_with(&prefix) {
                        return Err(invalid(&cl.id, format!("is not inside {}", art.id)));
                    }
                    nonempty(&cl.id, "title_fa", &cl.title_fa)?;
                    nonempty(&cl.id, "text_fa", &cl.text_fa)?;
                    nonempty(&cl.id, "label_fa", &cl.label_fa)?;
                    if let Some(g) = cl.grade {
                        grade_ok(&cl.id, g)?;
                        if art.grade.is_some_and(|ag| ag != g) {
                            return Err(invalid(&cl.id, "grade differs from its article's".into()));
                        }
                    }
                    if let Some(r) = cl.grade_range {
                        range_ok(&cl.id, r)?;
                    }
                    if let Some(r) = cl.disciplinary_grades {
                        range_ok(&cl.id, r)?;
                    }
                    if let Some([lo, hi]) = cl.crime_grades
                        && !(1 <= lo && lo <= hi && hi <= 8)
                    {
                        return Err(invalid(&cl.id, "crime_grades must be within 1–8".into()));
                    }
                    match (cl.measured, cl.days_min, cl.days_max) {
                        (None, None, None) => {}
                        (Some(_), Some(lo), hi) if lo >= 1 && hi.is_none_or(|h| h >= lo) => {}
                        _ => {
                            return Err(invalid(
                                &cl.id,
                                "measured needs days_min ≥ 1 ≤ days_max".into(),
                            ));
                        }
                    }
                    if index
                        .insert(cl.id.clone(), (ri, ai, Some(Ok(ci))))
                        .is_some()
                    {
                        return Err(RegulationError::DuplicateId {
                            file: file.clone(),
                            id: cl.id.clone(),
                        });
                    }
                }
                for (ni, note) in art.note.iter().enumerate() {
                    check_id_shape(&file, &note.id, version)?;
                    if !note.id.starts_with(&prefix) || !note.id[prefix.len()..].starts_with("note")
                    {
                        return Err(invalid(&note.id, format!("is not a note of {}", art.id)));
                    }
                    nonempty(&note.id, "text_fa", &note.text_fa)?;
                    if index
                        .insert(note.id.clone(), (ri, ai, Some(Err(ni))))
                        .is_some()
                    {
                        return Err(RegulationError::DuplicateId {
                            file: file.clone(),
                            id: note.id.clone(),
                        });
                    }
                }
            }
            // Measured clauses of one kind must tile 1..∞ days without gap or overlap.
            let mut by_kind: BTreeMap<Measured, Vec<DaysRange>> = BTreeMap::new();
            for art in &reg.article {
                for cl in &art.clause {
                    if let (Some(k), Some(lo)) = (cl.measured, cl.days_min) {
                        by_kind
                            .entry(k)
                            .or_default()
                            .push((lo, cl.days_max, &cl.id));
                    }
                }
            }
            for (kind, mut ranges) in by_kind {
                ranges.sort();
                let mut next = 1u32;
                let mut open = false;
                for (lo, hi, id) in &ranges {
                    if open || *lo != next {
                        return Err(invalid(id, format!("{} days do not follow on", kind.key())));
                    }
                    match hi {
                        Some(h) => next = h.saturating_add(1),
                        None => open = true,
                    }
                }
                if !open {
                    return Err(invalid(
                        version,
                        format!("{} has no open-ended clause", kind.key()),
                    ));
                }
            }
        }
        // Every grade of a code has its penalty as data, once (Revision 2 compares them).
        for (ri, reg) in self.regulations.iter().enumerate() {
            let Some(top) = reg.regulation.grades else {
                continue;
            };
            let version = &reg.regulation.id;
            let invalid = |id: &str, why: String| RegulationError::Invalid {
                file: sources.get(ri).map(|s| s.0).unwrap_or("?").to_string(),
                id: id.to_string(),
                why,
            };
            for g in 1..=top {
                let found: Vec<&Clause> = reg
                    .article
                    .iter()
                    .flat_map(|a| &a.clause)
                    .filter(|c| c.penalty.is_some() && c.grade == Some(g))
                    .collect();
                let [c] = found.as_slice() else {
                    return Err(invalid(
                        version,
                        format!("grade {g} needs exactly one clause with its penalty"),
                    ));
                };
                let suspension = c.penalty == Some(PenaltyKind::Suspension);
                let ok = match (suspension, c.term_months, c.suspends) {
                    (true, Some([lo, hi]), Some(_)) => lo <= hi && hi > 0,
                    (false, None, None) => !c.term_above_min,
                    _ => false,
                };
                if !ok {
                    return Err(invalid(
                        &c.id,
                        "a suspension needs term_months and suspends; no other penalty has them"
                            .into(),
                    ));
                }
            }
        }
        // References.
        for (ri, reg) in self.regulations.iter().enumerate() {
            let file = sources.get(ri).map(|s| s.0).unwrap_or("?");
            for art in &reg.article {
                for target in &art.refs {
                    if !index.contains_key(target) {
                        return Err(RegulationError::MissingReference {
                            file: file.to_string(),
                            id: art.id.clone(),
                            target: target.clone(),
                        });
                    }
                }
            }
            for other in [&reg.regulation.replaces, &reg.regulation.replaced_by]
                .into_iter()
                .flatten()
            {
                if !versions.contains(other) {
                    return Err(RegulationError::MissingReference {
                        file: file.to_string(),
                        id: reg.regulation.id.clone(),
                        target: other.clone(),
                    });
                }
            }
        }
        self.index = index;
        Ok(())
    }

    /// Every regulation, in load order.
    pub fn regulations(&self) -> &[Regulation] {
        &self.regulations
    }

    /// The regulation with this version id (`"1401"`).
    pub fn regulation(&self, version: &str) -> Option<&Regulation> {
        self.regulations.iter().find(|r| r.regulation.id == version)
    }

    /// What an id names: an article, a clause or a note.
    pub fn get(&self, id: &str) -> Option<Provision<'_>> {
        let (ri, ai, part) = *self.index.get(id)?;
        let art = self.regulations.get(ri)?.article.get(ai)?;
        Some(match part {
            None => Provision::Article(art),
            Some(Ok(ci)) => Provision::Clause(art, art.clause.get(ci)?),
            Some(Err(ni)) => Provision::Note(art, art.note.get(ni)?),
        })
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        match self.get(id)? {
            Provision::Article(a) => Some(a),
            _ => None,
        }
    }

    /// The clause with this id, with its article.
    pub fn clause(&self, id: &str) -> Option<(&Article, &Clause)> {
        match self.get(id)? {
            Provision::Clause(a, c) => Some((a, c)),
            _ => None,
        }
    }

    /// Every id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }

    /// The disciplinary code in force on `date` (the ranking instruction is not a code).
    pub fn code_in_force_on(&self, date: JalaliDate) -> Option<&Regulation> {
        self.regulations
            .iter()
            .filter(|r| r.regulation.grades.is_some())
            .find(|r| r.in_force_on(date))
    }

    /// The conditions of a manager that Art 45 revokes the licence for lacking: the clauses of
    /// 1401 Arts 9 (the manager's conditions), 10 (the licence's) and 11 (who may not run an
    /// office), as `(article, clause)` in order.
    pub fn qualifications(&self) -> Vec<(&Article, &Clause)> {
        ["1401:9", "1401:10", "1401:11"]
            .iter()
            .filter_map(|id| self.article(id))
            .flat_map(|a| a.clause.iter().map(move |c| (a, c)))
            .collect()
    }

    /// The penalty of `grade` under the code `version`, as the code's list of penalties words it
    /// (1401 Art 29, 1396 Art 35, 1392 Art 23).
    pub fn penalty(&self, version: &str, grade: u8) -> Option<Penalty> {
        let reg = self.regulation(version)?;
        reg.article.iter().find_map(|a| {
            a.clause
                .iter()
                .find(|c| c.grade == Some(grade) && c.penalty.is_some())
                .and_then(|c| {
                    Some(Penalty {
                        regulation: version.to_string(),
                        grade,
                        kind: c.penalty?,
                        term_months: c.term_months,
                        term_above_min: c.term_above_min,
                        suspends: c.suspends,
                        clause: c.id.clone(),
                        title_fa: c.title_fa.clone(),
                    })
                })
        })
    }

    /// The clause of `version` measured in days of `kind` that covers `days`.
    pub fn measured_clause(
        &self,
        version: &str,
        kind: Measured,
        days: u32,
    ) -> Option<(&Article, &Clause)> {
        let reg = self.regulation(version)?;
        reg.article.iter().find_map(|a| {
            a.clause
                .iter()
                .find(|c| {
                    c.measured == Some(kind)
                        && c.days_min.is_some_and(|lo| days >= lo)
                        && c.days_max.is_none_or(|hi| days <= hi)
                })
                .map(|c| (a, c))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lib() -> &'static Library {
        library().expect("the embedded regulations load")
    }

    #[test]
    fn embedded_regulations_load_and_validate() {
        let lib = lib();
        assert_eq!(lib.regulations().len(), 4);
        for v in ["1401", "1396", "1392", "1404"] {
            assert!(lib.regulation(v).is_some(), "{v}");
        }
        assert_eq!(
            lib.regulation("1401").unwrap().regulation.number,
            "100/31400/9000"
        );
    }

    #[test]
    fn catalogue_has_every_clause_of_arts_34_to_40() {
        let lib = lib();
        let counts = [
            (34, 4),
            (35, 4),
            (36, 7),
            (37, 11),
            (38, 12),
            (39, 6),
            (40, 7),
        ];
        for (art, n) in counts {
            let a = lib.article(&format!("1401:{art}")).unwrap();
            assert_eq!(a.clause.len(), n, "Art {art}");
            assert_eq!(a.grade, Some((art - 33) as u8));
            for c in &a.clause {
                assert_eq!(c.grade, a.grade, "{}", c.id);
            }
        }
        let (_, c) = lib.clause("1401:38:g").unwrap();
        assert_eq!(
            c.title_fa,
            "غیبت مدیر دفتر بیش از سه روز تا ده روز بدون عذر موجه"
        );
        assert_eq!(lib.clause("1401:37:f").unwrap().1.label_fa, "ج");
        assert_eq!(lib.article("1401:41").unwrap().grade_range, Some([2, 4]));
        assert_eq!(lib.clause("1396:37:2").unwrap().1.grade_range, Some([1, 6]));
        assert_eq!(
            lib.clause("1392:25:12").unwrap().1.grade_range,
            Some([1, 6])
        );
        assert!(lib.article("1401:46").unwrap().text_fa.contains("اساسنامه"));
    }

    #[test]
    fn measured_days_pick_the_clause() {
        let lib = lib();
        let pick = |k, d| lib.measured_clause("1401", k, d).unwrap().1.id.clone();
        assert_eq!(pick(Measured::Absence, 1), "1401:37:f");
        assert_eq!(pick(Measured::Absence, 3), "1401:37:f");
        assert_eq!(pick(Measured::Absence, 4), "1401:38:g");
        assert_eq!(pick(Measured::Absence, 10), "1401:38:g");
        assert_eq!(pick(Measured::Absence, 11), "1401:39:b");
        assert_eq!(pick(Measured::Absence, 30), "1401:39:b");
        assert_eq!(pick(Measured::Absence, 31), "1401:40:e");
        assert_eq!(pick(Measured::Closure, 1), "1401:38:i");
        assert_eq!(pick(Measured::Closure, 2), "1401:39:a");
        assert_eq!(pick(Measured::Closure, 3), "1401:39:a");
        assert_eq!(pick(Measured::Closure, 4), "1401:40:c");
        assert!(lib.measured_clause("1396", Measured::Absence, 4).is_none());
    }

    #[test]
    fn codes_in_force_by_date() {
        let lib = lib();
        let on = |s: &str| {
            lib.code_in_force_on(JalaliDate::parse(s).unwrap())
                .map(|r| r.id().to_string())
        };
        assert_eq!(on("1401/05/23").as_deref(), Some("1401"));
        assert_eq!(on("1401/05/22").as_deref(), Some("1396"));
        assert_eq!(on("1396/12/26").as_deref(), Some("1396"));
        assert_eq!(on("1396/12/25").as_deref(), Some("1392"));
        assert_eq!(on("1392/02/26").as_deref(), Some("1392"));
        assert_eq!(on("1392/02/25"), None);
    }

    #[test]
    fn texts_have_their_zero_width_non_joiners() {
        // Forms that lost their ZWNJ in seed 000 (and spaced forms in 001–003).
        let broken = [
            "آییننامه",
            "آیین نامه",
            " میشود",
            " میگردد",
            "نمیتواند",
            " می شود",
            "هیأتهای",
            "مجازاتهای",
            "محکومعلیه",
            "علیالبدل",
            "بـه",
            "ـ",
        ];
        for reg in lib().regulations() {
            for art in &reg.article {
                let texts = std::iter::once(&art.text_fa)
                    .chain(art.clause.iter().map(|c| &c.text_fa))
                    .chain(art.note.iter().map(|n| &n.text_fa));
                for t in texts {
                    for b in broken {
                        assert!(!t.contains(b), "{}: «{b}» in «{t}»", art.id);
                    }
                }
            }
        }
        assert!(
            lib()
                .article("1401:31")
                .unwrap()
                .text_fa
                .contains("می‌تواند")
        );
    }

    fn with_file(name: &str, edit: impl Fn(&str) -> String) -> Result<Library, RegulationError> {
        let mut sources: Vec<(&str, String)> =
            SOURCES.iter().map(|(f, t)| (*f, t.to_string())).collect();
        for s in sources.iter_mut() {
            if s.0 == name {
                s.1 = edit(&s.1);
            }
        }
        let refs: Vec<(&str, &str)> = sources.iter().map(|(f, t)| (*f, t.as_str())).collect();
        Library::load(&refs)
    }

    #[test]
    fn validation_rejects_duplicate_ids() {
        let e = with_file("1401.toml", |t| {
            t.replacen("id = \"1401:34:b\"", "id = \"1401:34:a\"", 1)
        })
        .unwrap_err();
        assert!(matches!(e, RegulationError::DuplicateId { .. }), "{e}");
    }

    #[test]
    fn validation_rejects_grades_out_of_range() {
        let e = with_file("1396.toml", |t| t.replacen("grade = 6", "grade = 7", 1)).unwrap_err();
        assert!(
            matches!(e, RegulationError::GradeOutOfRange { max: 6, .. }),
            "{e}"
        );
        let e = with_file("1401.toml", |t| t.replacen("grade = 7", "grade = 8", 1)).unwrap_err();
        assert!(
            matches!(e, RegulationError::GradeOutOfRange { max: 7, .. }),
            "{e}"
        );
    }

    #[test]
    fn validation_rejects_missing_references_and_empty_text() {
        let e = with_file("1401.toml", |t| {
            t.replacen("refs = [\"1401:44\"]", "refs = [\"1401:99\"]", 1)
        })
        .unwrap_err();
        assert!(matches!(e, RegulationError::MissingReference { .. }), "{e}");
        let e = with_file("1401.toml", |t| {
            let start = t.find("id = \"1401:43\"").unwrap();
            let text = t[start..].find("text_fa = \"").unwrap() + start + "text_fa = \"".len();
            let end = t[text..].find('"').unwrap() + text;
            format!("{}{}", &t[..text], &t[end..])
        })
        .unwrap_err();
        assert!(
            matches!(
                e,
                RegulationError::Empty {
                    field: "text_fa",
                    ..
                }
            ),
            "{e}"
        );
    }

    #[test]
    fn validation_rejects_gaps_in_measured_days() {
        let e = with_file("1401.toml", |t| {
            t.replacen("days_min = 4", "days_min = 5", 1)
        })
        .unwrap_err();
        assert!(matches!(e, RegulationError::Invalid { .. }), "{e}");
    }
}
