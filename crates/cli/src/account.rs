//! Signing in from the command line: `--user NAME`, with the password from `HEYAT_PASSWORD`
//! or, when that is not set, one line of standard input. Commands that change the record
//! then name the person in the audit log (`caller.actor()`) and are checked against their
//! role, as the app checks them.

use crate::Failure;
use crate::db::store_failure;
use heyat_core::proceedings::{AccessError, Caller};
use heyat_store::Store;
use std::io::{BufRead, IsTerminal, Write};

/// The environment variable a script passes the password in.
pub const PASSWORD_VAR: &str = "HEYAT_PASSWORD";

/// Who is signing in, with the password they gave.
pub struct Login {
    pub username: String,
    pub password: String,
}

impl Login {
    /// The login asked for with `--user`, if any; the password is read now.
    pub fn optional(user: Option<&str>) -> Result<Option<Login>, Failure> {
        let Some(username) = user.map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        Ok(Some(Login {
            username: username.to_owned(),
            password: password()?,
        }))
    }

    /// The login a command cannot do without (`what` names it in the message).
    pub fn required(user: Option<&str>, what: &str) -> Result<Login, Failure> {
        Login::optional(user)?.ok_or_else(|| {
            Failure::input(format!(
                "{what} با حساب کاربری انجام می‌شود: --user USERNAME را بدهید (گذرواژه از {PASSWORD_VAR} یا یک سطر ورودی استاندارد)"
            ))
        })
    }

    /// Signs in: the caller, or the store's refusal (a wrong password is counted).
    pub async fn sign_in(&self, store: &Store) -> Result<Caller, Failure> {
        store
            .sign_in(&self.username, &self.password)
            .await
            .map_err(store_failure)
    }
}

/// The password: `HEYAT_PASSWORD`, else one line of standard input.
fn password() -> Result<String, Failure> {
    if let Some(p) = std::env::var(PASSWORD_VAR).ok().filter(|p| !p.is_empty()) {
        return Ok(p);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("گذرواژه: ");
        let _ = std::io::stderr().flush();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::input(format!("گذرواژه از ورودی استاندارد خوانده نشد: {e}")))?;
    let p = line.trim_end_matches(['\r', '\n']);
    if p.is_empty() {
        return Err(Failure::input(format!(
            "گذرواژه داده نشده: آن را در {PASSWORD_VAR} یا یک سطر در ورودی استاندارد بدهید"
        )));
    }
    Ok(p.to_owned())
}

/// An act the caller's role or board does not allow: refused (exit 2).
pub fn refused(e: AccessError) -> Failure {
    Failure::input(e.to_string())
}
