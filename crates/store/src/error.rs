use std::path::PathBuf;

/// What can go wrong in the store. Each variant has a stable [`StoreError::code`] for the UI
/// and a Persian message for people that says what to fix.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("پوشهٔ داده‌ها ({path}) ساخته نشد: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("خطای پایگاه داده: {0}")]
    Database(sqlx::Error),
    #[error("به‌روزرسانی ساختار پایگاه داده انجام نشد: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("مقدار «{value}» در پایگاه داده برای {what} معتبر نیست")]
    Corrupt { what: &'static str, value: String },
    /// Input that cannot be saved; nothing was changed.
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error("{what} با شناسهٔ {id} پیدا نشد")]
    NotFound { what: &'static str, id: i64 },
    #[error("{what} تکراری است و از پیش ثبت شده؛ مقدار دیگری بدهید")]
    Duplicate { what: &'static str },
    #[error(
        "رأی امضاشده و اتهام‌های پرونده‌اش تغییرپذیر نیستند؛ برای اصلاح، از راه تجدیدنظر یا رأی تازه اقدام کنید"
    )]
    SignedRuling,
    #[error("دفتر وقایع (audit) فقط افزودنی است و ردیف‌های آن ویرایش یا حذف نمی‌شوند")]
    AuditAppendOnly,
    #[error(transparent)]
    Transition(#[from] heyat_core::TransitionError),
    #[error(transparent)]
    Composition(#[from] heyat_core::board::CompositionError),
    #[error("مدرک پذیرفته نشد: {0}")]
    Evidence(String),
    #[error("پروندهٔ «{path}» خوانده یا نوشته نشد: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("پشتیبان‌گیری یا بازگردانی انجام نشد: {0}")]
    Backup(String),
    /// A step of the proceedings the rules do not allow (who may appeal, when, …).
    #[error(transparent)]
    Proceeding(#[from] heyat_core::proceedings::ProceedingError),
    /// The rules engine could not read the case as recorded.
    #[error("موتور قواعد: {field}: {message}")]
    Engine { field: String, message: String },
    /// The computer's clock reads earlier than the last change on record: an action dated
    /// by it would go back in time. Nothing was saved.
    #[error(
        "ساعت این رایانه از زمان آخرین تغییر ثبت‌شده ({last}) عقب‌تر است؛ تاریخ و ساعت رایانه را درست کنید و دوباره بکوشید. چیزی ذخیره نشد"
    )]
    ClockBehind { last: String },
    /// Another program (the app) holds the data folder; a restore must wait.
    #[error(
        "برنامهٔ هیأتی که هم‌اکنون باز است پوشهٔ داده‌ها ({path}) را در دست دارد؛ آن برنامه را ببندید و دوباره بکوشید. چیزی تغییر نکرد"
    )]
    Locked { path: PathBuf },
    /// A restore that would replace the database's history with another one.
    #[error("{0}")]
    RewritesHistory(String),
    /// The PostgreSQL server did not answer (down, unreachable, or refusing this login).
    /// Nothing was saved; what the person typed stays on the screen to be sent again.
    #[error(
        "کارساز پایگاه داده{server} در دسترس نیست ({detail})؛ {outcome} ارتباط شبکه و روشن بودن کارساز را بررسی کنید و دوباره بکوشید"
    )]
    Unreachable {
        server: String,
        detail: String,
        /// What became of the action: nothing saved, or — when the connection broke while
        /// the commit was on its way — not known.
        outcome: &'static str,
    },
    /// An Excel file that could not be written or read as a workbook.
    #[error("پروندهٔ اکسل: {0}")]
    Spreadsheet(String),
}

/// What an unreachable server's message says of an action that never reached the commit.
const NOTHING_SAVED: &str = "چیزی ذخیره نشد و آنچه نوشته‌اید از دست نرفته است.";

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if matches!(
            e,
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed
        ) {
            return StoreError::unreachable("", e);
        }
        if let sqlx::Error::Database(db) = &e {
            // The server going away: a connection failure (class 08), or the server shutting
            // down, crashed or still starting (57P01–57P03).
            let code = db.code().unwrap_or_default();
            if code.starts_with("08") || matches!(&*code, "57P01" | "57P02" | "57P03") {
                return StoreError::unreachable("", e);
            }
            // PostgreSQL names the constraint; SQLite names the columns.
            let what = match db.constraint() {
                Some("offices_code_key") => "کد دفتر",
                Some("managers_national_id_key") => "کد ملی مدیر",
                Some("cases_board_id_year_seq_key") => "شمارهٔ پرونده",
                Some("votes_session_id_question_member_id_key") => "رأی این عضو به این پرسش",
                Some("board_seats_board_id_member_id_key") => "این عضو در این هیأت",
                Some("users_username_key") => "نام کاربری",
                _ => "",
            };
            if !what.is_empty() {
                return StoreError::Duplicate { what };
            }
            let message = db.message();
            if message.contains("heyat:signed_ruling") {
                return StoreError::SignedRuling;
            }
            if message.contains("heyat:audit_append_only") {
                return StoreError::AuditAppendOnly;
            }
            if let Some(rest) = message.strip_prefix("UNIQUE constraint failed: ") {
                let what = match rest {
                    "offices.code" => "کد دفتر",
                    "managers.national_id" => "کد ملی مدیر",
                    "cases.board_id, cases.year, cases.seq" => "شمارهٔ پرونده",
                    "votes.session_id, votes.question, votes.member_id" => {
                        "رأی این عضو به این پرسش"
                    }
                    "board_seats.board_id, board_seats.member_id" => "این عضو در این هیأت",
                    "users.username" => "نام کاربری",
                    _ => "",
                };
                if !what.is_empty() {
                    return StoreError::Duplicate { what };
                }
            }
        }
        StoreError::Database(e)
    }
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::DataDir { .. } => "data_dir",
            StoreError::Database(_) => "database",
            StoreError::Migrate(_) => "migrate",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::Invalid { .. } => "invalid",
            StoreError::NotFound { .. } => "not_found",
            StoreError::Duplicate { .. } => "duplicate",
            StoreError::SignedRuling => "signed_ruling",
            StoreError::AuditAppendOnly => "audit_append_only",
            StoreError::Transition(_) => "transition",
            StoreError::Composition(_) => "composition",
            StoreError::Evidence(_) => "evidence",
            StoreError::Io { .. } => "io",
            StoreError::Backup(_) => "backup",
            StoreError::Proceeding(_) => "refused",
            StoreError::Engine { .. } => "engine",
            StoreError::ClockBehind { .. } => "clock",
            StoreError::Locked { .. } => "locked",
            StoreError::RewritesHistory(_) => "refused",
            StoreError::Spreadsheet(_) => "spreadsheet",
            StoreError::Unreachable { .. } => "unreachable",
        }
    }

    /// The server at `server` (a URL without its password; empty when not known here) did
    /// not answer.
    pub(crate) fn unreachable(server: &str, e: sqlx::Error) -> StoreError {
        let detail = match &e {
            sqlx::Error::PoolTimedOut => "پاسخی در زمان مقرر نیامد".to_owned(),
            sqlx::Error::PoolClosed => "اتصال بسته شده است".to_owned(),
            sqlx::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                "اتصال پذیرفته نشد".to_owned()
            }
            sqlx::Error::Io(_) => "ارتباط با کارساز قطع شد".to_owned(),
            sqlx::Error::Tls(_) => {
                "ارتباط امن (TLS) برقرار نشد؛ گواهی کارساز با گواهی داده‌شده (sslrootcert) نمی‌خواند"
                    .to_owned()
            }
            sqlx::Error::Database(db) if db.code().is_some_and(|c| c.starts_with("57P")) => {
                "کارساز در حال خاموش یا روشن شدن است".to_owned()
            }
            sqlx::Error::Database(_) => "ارتباط با کارساز قطع شد".to_owned(),
            other => other.to_string(),
        };
        StoreError::Unreachable {
            server: if server.is_empty() {
                String::new()
            } else {
                format!(" «{server}»")
            },
            detail,
            outcome: NOTHING_SAVED,
        }
    }

    /// The same for a commit whose answer never came: the server may have saved the action
    /// before the connection broke, so the person is told to look before doing it again.
    pub(crate) fn commit_unanswered(e: sqlx::Error) -> StoreError {
        match StoreError::from(e) {
            StoreError::Unreachable { server, detail, .. } => StoreError::Unreachable {
                server,
                detail,
                outcome: "پاسخ ثبت نرسید و شاید ذخیره شده باشد؛ پیش از تکرار، پرونده یا فهرست را دوباره باز کنید و ببینید.",
            },
            other => other,
        }
    }

    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> StoreError {
        StoreError::Invalid {
            field,
            message: message.into(),
        }
    }
}
