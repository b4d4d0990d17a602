//! Accounts: who may sign in, in which role, for which board; one-time enrolment codes; the
//! lockout after wrong passwords; and each person's signing key, sealed under their password
//! ([`crate::keys`]).
//!
//! - The first start creates the administrator with a password chosen then
//!   ([`Store::create_administrator`]); nothing else works until one exists.
//! - An administrator creates an account for a secretary, a member or a Kanoon reviewer and
//!   hands over a one-time enrolment code ([`Store::create_account`]); the person redeems it,
//!   choosing a username and password, and a key pair is made for them ([`Store::enrol`]).
//! - [`MAX_TRIES`] wrong passwords in a row lock the account until an administrator unlocks
//!   it: counted in the same transaction as the try and audited, with no clock involved, so
//!   moving the clock does not reset it.
//! - The audit log records accounts without their secrets: the password hash, the enrolment
//!   code's hash and the sealed key never leave their tables.

use crate::audit::{AuditChain, now};
use crate::keys::{self, SealedKey};
use crate::{Store, StoreError};
use heyat_core::proceedings::{Caller, Role};
use serde::Serialize;
use sqlx::AnyConnection;

/// Wrong passwords in a row that lock an account.
pub const MAX_TRIES: i64 = 5;
/// Hours an enrolment code stays valid.
pub const ENROLMENT_HOURS: i64 = 72;

/// An account as the administrator's list shows it (no secrets).
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    /// `None` until the person enrols and chooses one.
    pub username: Option<String>,
    pub name: String,
    pub role: Role,
    pub board_id: Option<i64>,
    pub board_name: Option<String>,
    pub member_id: Option<i64>,
    #[sqlx(try_from = "crate::Flag")]
    pub active: bool,
    #[sqlx(try_from = "crate::Flag")]
    pub enrolled: bool,
    #[sqlx(try_from = "crate::Flag")]
    pub locked: bool,
    pub enrolment_expires_at: Option<String>,
}

/// A one-time enrolment code, shown once to the administrator who issued it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Enrolment {
    pub account_id: i64,
    pub name: String,
    /// `XXXX-XXXX-XXXX`, from an alphabet without look-alikes.
    pub code: String,
    /// UTC moment, ISO.
    pub expires_at: String,
}

/// A public key the board's signatures and checkpoints are checked against.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct PublicKeyRecord {
    pub public_key: String,
    pub fingerprint: String,
    /// `member`, `person` or `installation`.
    pub purpose: String,
    pub name: String,
    pub member_id: Option<i64>,
    pub board_id: Option<i64>,
    pub board_name: Option<String>,
    pub created_at: String,
    pub retired_at: Option<String>,
}

const PENDING: &str = "pending:";
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

fn new_code() -> String {
    let bytes = keys::random_bytes::<12>();
    let chars: Vec<u8> = bytes
        .iter()
        .map(|b| CODE_ALPHABET[(*b as usize) % CODE_ALPHABET.len()])
        .collect();
    chars
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed: Latin, upper case, without dashes or spaces.
fn normal_code(code: &str) -> String {
    heyat_core::to_latin_digits(code)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn code_hash(code: &str) -> String {
    keys::sha256_hex(format!("heyat/enrolment/v1\n{}", normal_code(code)).as_bytes())
}

/// A password as given: Persian digits read as Latin ones; at least [`keys::MIN_PASSWORD_CHARS`].
fn checked_password(field: &'static str, password: &str) -> Result<String, StoreError> {
    let password = heyat_core::to_latin_digits(password);
    if password.chars().count() < keys::MIN_PASSWORD_CHARS {
        return Err(StoreError::invalid(
            field,
            "گذرواژه باید دست‌کم ۸ نویسه باشد؛ گذرواژهٔ بلندتری برگزینید",
        ));
    }
    Ok(password)
}

fn checked_username(username: &str) -> Result<String, StoreError> {
    let u = heyat_core::to_latin_digits(username.trim()).to_lowercase();
    let ok = (3..=32).contains(&u.len())
        && u.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    if !ok {
        return Err(StoreError::invalid(
            "نام کاربری",
            "نام کاربری باید ۳ تا ۳۲ نویسهٔ لاتین کوچک، رقم یا . _ - باشد",
        ));
    }
    Ok(u)
}

fn wrong() -> StoreError {
    StoreError::invalid("ورود", "نام کاربری یا گذرواژه نادرست است")
}

/// The account's row as the audit log keeps it: everything but its secrets.
async fn account_snapshot(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<serde_json::Value>, StoreError> {
    let sql = match crate::Backend::of(conn) {
        crate::Backend::Sqlite => {
            "SELECT json_object('id', id, 'username', username, 'full_name', full_name, 'role', role,
                'board_id', board_id, 'member_id', member_id, 'active', active,
                'failed_tries', failed_tries, 'enrolment_expires_at', enrolment_expires_at,
                'enrolled', password_hash IS NOT NULL, 'last_sign_in_at', last_sign_in_at)
             FROM users WHERE id = $1"
        }
        crate::Backend::Postgres => {
            "SELECT CAST(json_build_object('id', id, 'username', username, 'full_name', full_name,
                'role', role, 'board_id', board_id, 'member_id', member_id, 'active', active,
                'failed_tries', failed_tries, 'enrolment_expires_at', enrolment_expires_at,
                'enrolled', CASE WHEN password_hash IS NOT NULL THEN 1 ELSE 0 END,
                'last_sign_in_at', last_sign_in_at) AS TEXT)
             FROM users WHERE id = $1"
        }
    };
    let row: Option<(String,)> = sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.and_then(|(j,)| serde_json::from_str(&j).ok()))
}

/// Runs `query` on the account and audits it without secrets.
async fn update_account(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    id: i64,
    query: sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
) -> Result<(), StoreError> {
    let before = account_snapshot(conn, id).await?;
    query.execute(&mut *conn).await?;
    let after = account_snapshot(conn, id).await?;
    audit
        .record(conn, "update", "users", id, before.as_ref(), after.as_ref())
        .await
}

/// Stores a new key for the account (retiring its earlier ones) and audits its public half.
pub(crate) async fn store_key(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    user_id: Option<i64>,
    purpose: &str,
    sealed: Option<&SealedKey>,
    public_key: &str,
) -> Result<i64, StoreError> {
    let at = now();
    if let Some(user) = user_id {
        let old: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM account_keys WHERE user_id = $1 AND retired_at IS NULL")
                .bind(user)
                .fetch_all(&mut *conn)
                .await?;
        for (id,) in old {
            sqlx::query("UPDATE account_keys SET retired_at = $1 WHERE id = $2")
                .bind(&at)
                .bind(id)
                .execute(&mut *conn)
                .await?;
            let after = serde_json::json!({ "id": id, "retired_at": at });
            audit
                .record(conn, "update", "account_keys", id, None, Some(&after))
                .await?;
        }
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO account_keys (user_id, purpose, public_key, fingerprint, salt, nonce, sealed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(user_id)
    .bind(purpose)
    .bind(public_key)
    .bind(keys::fingerprint(public_key))
    .bind(sealed.map(|s| s.salt.clone()))
    .bind(sealed.map(|s| s.nonce.clone()))
    .bind(sealed.map(|s| s.sealed.clone()))
    .bind(&at)
    .fetch_one(&mut *conn)
    .await?;
    let after = serde_json::json!({
        "id": id, "user_id": user_id, "purpose": purpose, "public_key": public_key,
        "fingerprint": keys::fingerprint(public_key), "created_at": at,
    });
    audit
        .record(conn, "insert", "account_keys", id, None, Some(&after))
        .await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct AccountAuth {
    id: i64,
    username: String,
    full_name: String,
    role: Role,
    board_id: Option<i64>,
    member_id: Option<i64>,
    #[sqlx(try_from = "crate::Flag")]
    active: bool,
    password_hash: Option<String>,
    failed_tries: i64,
}

impl AccountAuth {
    fn caller(&self) -> Caller {
        Caller {
            account_id: self.id,
            username: self.username.clone(),
            name: self.full_name.clone(),
            role: self.role,
            board_id: self.board_id,
            member_id: self.member_id,
        }
    }
}

const AUTH_COLUMNS: &str =
    "id, username, full_name, role, board_id, member_id, active, password_hash, failed_tries";

/// The signing key of an account, sealed.
#[derive(sqlx::FromRow)]
pub(crate) struct KeyRow {
    pub id: i64,
    pub public_key: String,
    pub salt: Option<Vec<u8>>,
    pub nonce: Option<Vec<u8>>,
    pub sealed: Option<Vec<u8>>,
}

impl KeyRow {
    pub(crate) fn sealed(&self) -> Option<SealedKey> {
        Some(SealedKey {
            public_key: self.public_key.clone(),
            salt: self.salt.clone()?,
            nonce: self.nonce.clone()?,
            sealed: self.sealed.clone()?,
        })
    }
}

pub(crate) async fn current_key(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Option<KeyRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, public_key, salt, nonce, sealed FROM account_keys
         WHERE user_id = $1 AND retired_at IS NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Checks `password` for `account_id` inside the action `w`, counting a wrong try there:
/// the caller must commit `w` on a wrong try too (what [`Store::checked_password`] does).
pub(crate) enum Try {
    Right,
    Wrong(StoreError),
}

pub(crate) async fn try_password(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    account_id: i64,
    password: &str,
) -> Result<Try, StoreError> {
    let sql = format!("SELECT {AUTH_COLUMNS} FROM users WHERE id = $1");
    let row: Option<AccountAuth> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(account_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else {
        return Ok(Try::Wrong(wrong()));
    };
    check_row(conn, audit, &row, password).await
}

async fn check_row(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    row: &AccountAuth,
    password: &str,
) -> Result<Try, StoreError> {
    if !row.active {
        return Ok(Try::Wrong(StoreError::invalid(
            "ورود",
            "این حساب غیرفعال شده است؛ با مدیر سامانه تماس بگیرید",
        )));
    }
    if row.failed_tries >= MAX_TRIES {
        return Ok(Try::Wrong(StoreError::invalid(
            "ورود",
            "این حساب پس از پنج گذرواژهٔ نادرست پیاپی قفل شده است؛ مدیر سامانه باید آن را بگشاید",
        )));
    }
    let Some(phc) = row.password_hash.as_deref() else {
        keys::waste_a_check(password);
        return Ok(Try::Wrong(wrong()));
    };
    let password = heyat_core::to_latin_digits(password);
    if keys::password_matches(phc, &password) {
        return Ok(Try::Right);
    }
    let tries = row.failed_tries + 1;
    update_account(
        conn,
        audit,
        row.id,
        sqlx::query("UPDATE users SET failed_tries = $1 WHERE id = $2")
            .bind(tries)
            .bind(row.id),
    )
    .await?;
    let left = MAX_TRIES - tries;
    Ok(Try::Wrong(StoreError::invalid(
        "گذرواژه",
        if left > 0 {
            format!(
                "گذرواژه نادرست است؛ چیزی ثبت نشد. {} بار دیگر می‌توانید بکوشید و پس از آن حساب قفل می‌شود",
                heyat_core::to_persian_digits(&left.to_string())
            )
        } else {
            "گذرواژه نادرست است و حساب پس از پنج بار نادرست قفل شد؛ مدیر سامانه باید آن را بگشاید"
                .to_owned()
        },
    )))
}

impl Store {
    /// Whether the app still needs its first administrator (first start).
    pub async fn needs_setup(&self) -> Result<bool, StoreError> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT count(*) FROM users WHERE role = 'admin' AND password_hash IS NOT NULL",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(n == 0)
    }

    /// Creates the first administrator, with the password chosen now; refused once one exists.
    pub async fn create_administrator(
        &self,
        username: &str,
        name: &str,
        password: &str,
    ) -> Result<Caller, StoreError> {
        let username = checked_username(username)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::invalid("نام", "نام و نام خانوادگی را بنویسید"));
        }
        let password = checked_password("گذرواژه", password)?;
        if !self.needs_setup().await? {
            return Err(StoreError::invalid(
                "مدیر سامانه",
                "مدیر سامانه پیش‌تر تعیین شده است؛ با حساب او وارد شوید",
            ));
        }
        let phc = keys::hash_password(&password);
        let (key, sealed) = keys::new_sealed_key(&password);
        drop(key);
        let mut w = self.begin(&format!("{name} ({username})")).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (username, full_name, role, password_hash, created_at)
             VALUES ($1, $2, 'admin', $3, $4) RETURNING id",
        )
        .bind(&username)
        .bind(name.to_owned())
        .bind(&phc)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?;
        let after = account_snapshot(&mut w.tx, id).await?;
        w.audit
            .record(&mut w.tx, "insert", "users", id, None, after.as_ref())
            .await?;
        store_key(
            &mut w.tx,
            &mut w.audit,
            Some(id),
            "person",
            Some(&sealed),
            &sealed.public_key,
        )
        .await?;
        crate::checkpoint::ensure_installation_key(&mut w.tx, &mut w.audit, self.data_dir())
            .await?;
        w.commit().await?;
        Ok(Caller {
            account_id: id,
            username,
            name: name.to_owned(),
            role: Role::Admin,
            board_id: None,
            member_id: None,
        })
    }

    /// Signs a person in: the right password answers who they are; a wrong one is counted
    /// (and audited) at once, and the [`MAX_TRIES`]th locks the account.
    pub async fn sign_in(&self, username: &str, password: &str) -> Result<Caller, StoreError> {
        let username = heyat_core::to_latin_digits(username.trim()).to_lowercase();
        let mut w = self.begin(&format!("ورود ({username})")).await?;
        let sql = format!("SELECT {AUTH_COLUMNS} FROM users WHERE username = $1");
        let row: Option<AccountAuth> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(&username)
            .fetch_optional(&mut *w.tx)
            .await?;
        let Some(row) = row.filter(|r| !r.username.starts_with(PENDING)) else {
            keys::waste_a_check(password);
            return Err(wrong());
        };
        match check_row(&mut w.tx, &mut w.audit, &row, password).await? {
            Try::Wrong(e) => {
                w.commit().await?;
                Err(e)
            }
            Try::Right => {
                update_account(
                    &mut w.tx,
                    &mut w.audit,
                    row.id,
                    sqlx::query(
                        "UPDATE users SET failed_tries = 0, last_sign_in_at = $1 WHERE id = $2",
                    )
                    .bind(now())
                    .bind(row.id),
                )
                .await?;
                w.commit().await?;
                Ok(row.caller())
            }
        }
    }

    /// The account as it is now (a role or board may have changed since sign-in); `None`
    /// when it is gone or deactivated.
    pub async fn caller(&self, account_id: i64) -> Result<Option<Caller>, StoreError> {
        let sql = format!("SELECT {AUTH_COLUMNS} FROM users WHERE id = $1");
        let row: Option<AccountAuth> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(account_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row
            .filter(|r| r.active && r.failed_tries < MAX_TRIES && r.password_hash.is_some())
            .map(|r| r.caller()))
    }

    /// Creates an account for a secretary, a member or a Kanoon reviewer of `board_id`, and
    /// answers its one-time enrolment code.
    pub async fn create_account(
        &self,
        role: Role,
        name: &str,
        board_id: i64,
        member_id: Option<i64>,
        actor: &str,
    ) -> Result<Enrolment, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::invalid("نام", "نام و نام خانوادگی را بنویسید"));
        }
        if role == Role::Admin {
            return Err(StoreError::invalid(
                "نقش",
                "مدیر سامانه تنها در نخستین راه‌اندازی تعیین می‌شود",
            ));
        }
        if (role == Role::Member) != member_id.is_some() {
            return Err(StoreError::invalid(
                "عضو",
                "حساب عضو هیأت باید به یکی از اعضای نشسته در هیأت پیوند داشته باشد، و حساب‌های دیگر به هیچ عضوی",
            ));
        }
        let mut w = self.begin(actor).await?;
        crate::write::exists(&mut w.tx, "boards", "هیأت", board_id).await?;
        if let Some(m) = member_id {
            let seated: Option<(i64,)> =
                sqlx::query_as("SELECT 1 FROM board_seats WHERE board_id = $1 AND member_id = $2")
                    .bind(board_id)
                    .bind(m)
                    .fetch_optional(&mut *w.tx)
                    .await?;
            if seated.is_none() {
                return Err(StoreError::invalid(
                    "عضو",
                    "این عضو در این هیأت جایگاهی ندارد؛ نخست او را در «ترکیب هیأت» بنشانید",
                ));
            }
            let has: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM users WHERE member_id = $1 AND active = 1")
                    .bind(m)
                    .fetch_optional(&mut *w.tx)
                    .await?;
            if has.is_some() {
                return Err(StoreError::invalid(
                    "عضو",
                    "این عضو حساب دارد؛ برای گذرواژهٔ فراموش‌شده، کد ثبت‌نام تازه بدهید",
                ));
            }
        }
        let code = new_code();
        let expires = (chrono::Utc::now() + chrono::Duration::hours(ENROLMENT_HOURS))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let (next,): (i64,) = sqlx::query_as("SELECT coalesce(max(id), 0) + 1 FROM users")
            .fetch_one(&mut *w.tx)
            .await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (username, full_name, role, board_id, member_id, enrolment_hash, enrolment_expires_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(format!("{PENDING}{next}"))
        .bind(name.to_owned())
        .bind(role)
        .bind(board_id)
        .bind(member_id)
        .bind(code_hash(&code))
        .bind(&expires)
        .bind(now())
        .fetch_one(&mut *w.tx)
        .await?;
        let after = account_snapshot(&mut w.tx, id).await?;
        w.audit
            .record(&mut w.tx, "insert", "users", id, None, after.as_ref())
            .await?;
        w.commit().await?;
        Ok(Enrolment {
            account_id: id,
            name: name.to_owned(),
            code,
            expires_at: expires,
        })
    }

    /// A new enrolment code for an account (a forgotten password, an expired code); the
    /// account is unlocked, and its password stops working until the person enrols again.
    pub async fn reissue_enrolment(
        &self,
        account_id: i64,
        actor: &str,
    ) -> Result<Enrolment, StoreError> {
        let mut w = self.begin(actor).await?;
        let row: Option<(String, Role)> =
            sqlx::query_as("SELECT full_name, role FROM users WHERE id = $1")
                .bind(account_id)
                .fetch_optional(&mut *w.tx)
                .await?;
        let (name, role) = row.ok_or(StoreError::NotFound {
            what: "حساب",
            id: account_id,
        })?;
        if role == Role::Admin {
            return Err(StoreError::invalid(
                "حساب",
                "گذرواژهٔ مدیر سامانه با کد ثبت‌نام بازنشانی نمی‌شود",
            ));
        }
        let code = new_code();
        let expires = (chrono::Utc::now() + chrono::Duration::hours(ENROLMENT_HOURS))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        update_account(
            &mut w.tx,
            &mut w.audit,
            account_id,
            sqlx::query(
                "UPDATE users SET enrolment_hash = $1, enrolment_expires_at = $2, password_hash = NULL,
                        failed_tries = 0, active = 1 WHERE id = $3",
            )
            .bind(code_hash(&code))
            .bind(&expires)
            .bind(account_id),
        )
        .await?;
        w.commit().await?;
        Ok(Enrolment {
            account_id,
            name,
            code,
            expires_at: expires,
        })
    }

    /// Redeems an enrolment code: the person chooses a username and password, a key pair is
    /// made for them, and they are signed in.
    pub async fn enrol(
        &self,
        code: &str,
        username: &str,
        password: &str,
    ) -> Result<Caller, StoreError> {
        let username = checked_username(username)?;
        let password = checked_password("گذرواژه", password)?;
        let hash = code_hash(code);
        let row: Option<(i64, String, Option<String>, Role)> = sqlx::query_as(
            "SELECT id, full_name, enrolment_expires_at, role FROM users WHERE enrolment_hash = $1 AND active = 1",
        )
        .bind(&hash)
        .fetch_optional(self.pool())
        .await?;
        let Some((id, name, expires, role)) = row else {
            return Err(StoreError::invalid(
                "کد ثبت‌نام",
                "این کد ثبت‌نام شناخته نشد یا پیش‌تر به کار رفته است؛ کد را از مدیر سامانه بگیرید",
            ));
        };
        if expires.as_deref().is_none_or(|e| e < now().as_str()) {
            return Err(StoreError::invalid(
                "کد ثبت‌نام",
                "مهلت این کد ثبت‌نام گذشته است؛ از مدیر سامانه کد تازه بخواهید",
            ));
        }
        let phc = keys::hash_password(&password);
        let (_key, sealed) = keys::new_sealed_key(&password);
        let actor = format!("{name} ({username})");
        let mut w = self.begin(&actor).await?;
        let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1")
            .bind(&username)
            .fetch_optional(&mut *w.tx)
            .await?;
        if taken.is_some() {
            return Err(StoreError::invalid(
                "نام کاربری",
                "این نام کاربری را دیگری دارد؛ نام دیگری برگزینید",
            ));
        }
        update_account(
            &mut w.tx,
            &mut w.audit,
            id,
            sqlx::query(
                "UPDATE users SET username = $1, password_hash = $2, enrolment_hash = NULL,
                        enrolment_expires_at = NULL, failed_tries = 0, last_sign_in_at = $3
                 WHERE id = $4 AND enrolment_hash = $5",
            )
            .bind(&username)
            .bind(&phc)
            .bind(now())
            .bind(id)
            .bind(&hash),
        )
        .await?;
        let purpose = if role == Role::Member {
            "member"
        } else {
            "person"
        };
        store_key(
            &mut w.tx,
            &mut w.audit,
            Some(id),
            purpose,
            Some(&sealed),
            &sealed.public_key,
        )
        .await?;
        w.commit().await?;
        Ok(self.caller(id).await?.expect("just enrolled"))
    }

    /// Changes the caller's own password: the current one is checked (a wrong one counts), the
    /// signing key is sealed again under the new one.
    pub async fn change_password(
        &self,
        caller: &Caller,
        current: &str,
        password: &str,
    ) -> Result<(), StoreError> {
        let password = checked_password("گذرواژهٔ تازه", password)?;
        let mut w = self.begin(&caller.actor()).await?;
        if let Try::Wrong(e) =
            try_password(&mut w.tx, &mut w.audit, caller.account_id, current).await?
        {
            w.commit().await?;
            return Err(e);
        }
        let current = heyat_core::to_latin_digits(current);
        if let Some(k) = current_key(&mut w.tx, caller.account_id).await?
            && let Some(key) = k.sealed().and_then(|s| keys::unseal(&s, &current))
        {
            let sealed = keys::seal(&key, &password);
            sqlx::query("UPDATE account_keys SET salt = $1, nonce = $2, sealed = $3 WHERE id = $4")
                .bind(&sealed.salt)
                .bind(&sealed.nonce)
                .bind(&sealed.sealed)
                .bind(k.id)
                .execute(&mut *w.tx)
                .await?;
        }
        update_account(
            &mut w.tx,
            &mut w.audit,
            caller.account_id,
            sqlx::query("UPDATE users SET password_hash = $1, failed_tries = 0 WHERE id = $2")
                .bind(keys::hash_password(&password))
                .bind(caller.account_id),
        )
        .await?;
        w.commit().await?;
        Ok(())
    }

    /// Unlocks an account locked by wrong passwords.
    pub async fn unlock_account(&self, account_id: i64, actor: &str) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        crate::write::exists(&mut w.tx, "users", "حساب", account_id).await?;
        update_account(
            &mut w.tx,
            &mut w.audit,
            account_id,
            sqlx::query("UPDATE users SET failed_tries = 0 WHERE id = $1").bind(account_id),
        )
        .await?;
        w.commit().await
    }

    /// Deactivates an account: it can no longer sign in; its signatures stay valid.
    pub async fn deactivate_account(&self, account_id: i64, actor: &str) -> Result<(), StoreError> {
        let mut w = self.begin(actor).await?;
        let role: Option<(Role,)> = sqlx::query_as("SELECT role FROM users WHERE id = $1")
            .bind(account_id)
            .fetch_optional(&mut *w.tx)
            .await?;
        let (role,) = role.ok_or(StoreError::NotFound {
            what: "حساب",
            id: account_id,
        })?;
        if role == Role::Admin {
            return Err(StoreError::invalid(
                "حساب",
                "حساب مدیر سامانه غیرفعال نمی‌شود؛ بی او کسی حساب‌ها را اداره نمی‌کند",
            ));
        }
        update_account(
            &mut w.tx,
            &mut w.audit,
            account_id,
            sqlx::query("UPDATE users SET active = 0, enrolment_hash = NULL WHERE id = $1")
                .bind(account_id),
        )
        .await?;
        w.commit().await
    }

    /// Every account, for the administrator's list.
    pub async fn accounts(&self) -> Result<Vec<AccountRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT u.id, CASE WHEN u.username LIKE 'pending:%' THEN NULL ELSE u.username END AS username,
                    u.full_name AS name, u.role, u.board_id, b.name AS board_name, u.member_id,
                    u.active = 1 AS active, u.password_hash IS NOT NULL AS enrolled,
                    u.failed_tries >= $1 AS locked,
                    CASE WHEN u.enrolment_hash IS NULL THEN NULL ELSE u.enrolment_expires_at END AS enrolment_expires_at
             FROM users u LEFT JOIN boards b ON b.id = u.board_id ORDER BY u.id",
        )
        .bind(MAX_TRIES)
        .fetch_all(self.pool())
        .await?)
    }

    /// Every public key the app has known — members', other people's and the installation's,
    /// retired ones included — with whose it is: what `heyat verify` trusts, and what is
    /// exported for the Center, the Kanoon or an appeal board.
    pub async fn public_keys(&self) -> Result<Vec<PublicKeyRecord>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT k.public_key, k.fingerprint, k.purpose,
                    coalesce(u.full_name, 'کلید این نصب (نقطه‌های وارسی)') AS name, u.member_id,
                    coalesce(u.board_id, (SELECT s.board_id FROM board_seats s WHERE s.member_id = u.member_id LIMIT 1)) AS board_id,
                    b.name AS board_name, k.created_at, k.retired_at
             FROM account_keys k LEFT JOIN users u ON u.id = k.user_id
             LEFT JOIN boards b ON b.id = coalesce(u.board_id, (SELECT s.board_id FROM board_seats s WHERE s.member_id = u.member_id LIMIT 1))
             ORDER BY k.id",
        )
        .fetch_all(self.pool())
        .await?)
    }

    /// The board whose file `case_id` is, and the boards linked to it by an appeal (the
    /// appeal board reads the first-instance file it reviews; the first-instance board reads
    /// the appeal of its ruling): what a command checks the caller's board against.
    pub async fn case_boards(&self, case_id: i64) -> Result<(i64, Vec<i64>), StoreError> {
        let (board,): (i64,) = sqlx::query_as("SELECT board_id FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound {
                what: "پرونده",
                id: case_id,
            })?;
        let reviewing: Vec<(i64,)> = sqlx::query_as(
            "SELECT board_id FROM cases WHERE appeal_of_case_id = $1
             UNION SELECT f.board_id FROM cases a JOIN cases f ON f.id = a.appeal_of_case_id WHERE a.id = $2",
        )
        .bind(case_id)
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        Ok((board, reviewing.into_iter().map(|r| r.0).collect()))
    }

    /// The board of the case `session_id` was held in, and who chaired it.
    pub async fn session_board_and_chair(
        &self,
        session_id: i64,
    ) -> Result<(i64, Option<i64>), StoreError> {
        sqlx::query_as(
            // No chair elected: the judge who sat in the first judge's seat presides, as the
            // ruling prints it.
            "SELECT c.board_id, coalesce(s.chair_member_id,
                    (SELECT a.member_id FROM attendance a WHERE a.session_id = s.id AND a.seat = 'judge_1'))
             FROM sessions s JOIN cases c ON c.id = s.case_id WHERE s.id = $1",
        )
        .bind(session_id)
        .fetch_optional(self.pool())
        .await?
        .ok_or(StoreError::NotFound {
            what: "جلسه",
            id: session_id,
        })
    }

    /// The latest session held in `case_id`, if any.
    pub async fn last_session_of(&self, case_id: i64) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM sessions WHERE case_id = $1 ORDER BY held_on DESC, id DESC LIMIT 1",
        )
        .bind(case_id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|r| r.0))
    }

    /// The case an evidence file belongs to.
    pub async fn evidence_case(&self, evidence_id: i64) -> Result<i64, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT case_id FROM evidence WHERE id = $1")
            .bind(evidence_id)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| r.0).ok_or(StoreError::NotFound {
            what: "مستند",
            id: evidence_id,
        })
    }
}
