//! Checkpoints of the audit chain: the chain's head (row number and hash) signed with this
//! installation's Ed25519 key — at each locked ruling and whenever the administrator asks.
//! Each checkpoint is kept in the database and appended to `anchors.log` in the data folder,
//! and a sealed ruling prints the one taken when it locked; so a chain later cut short or
//! rewritten (even with the database's own checkpoints removed) no longer matches a head
//! signed before ([`Store::verify_audit`]).
//!
//! The installation key's secret is kept outside the database, in `keys/installation.key`
//! (owner-only); only its public half is in `account_keys`, exported with the board's keys.

use crate::accounts::store_key;
use crate::audit::{AuditChain, now};
use crate::keys;
use crate::{Store, StoreError};
use ed25519_dalek::SigningKey;
use heyat_core::proceedings::Caller;
use serde::Serialize;
use sqlx::AnyConnection;
use std::io::Write;
use std::path::Path;

/// The file in the data folder each checkpoint is appended to.
pub const ANCHORS_FILE: &str = "anchors.log";

/// A signed checkpoint of the audit chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkpoint {
    pub seq: i64,
    pub head: String,
    pub at: String,
    pub fingerprint: String,
    pub public_key: String,
    pub signature: String,
    pub reason: String,
}

impl Checkpoint {
    fn line(&self) -> String {
        format!(
            "{} {} {} {} {} {}\n",
            self.seq, self.head, self.at, self.public_key, self.signature, self.reason
        )
    }
}

/// A checkpoint as `verify_audit` checks it.
pub(crate) struct Anchor {
    pub seq: i64,
    pub head: String,
    pub at: String,
    pub source: &'static str,
    pub signed_right: bool,
}

/// This installation's key, registered in `account_keys` if it is not yet.
pub(crate) async fn ensure_installation_key(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    data_dir: &Path,
) -> Result<(i64, SigningKey), StoreError> {
    let seed = crate::secrets::installation_secret(data_dir, "installation")?;
    let key = SigningKey::from_bytes(&seed);
    let public_key = hex::encode(key.verifying_key().to_bytes());
    let known: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM account_keys WHERE public_key = $1 AND purpose = 'installation'",
    )
    .bind(&public_key)
    .fetch_optional(&mut *conn)
    .await?;
    let id = match known {
        Some((id,)) => id,
        None => store_key(conn, audit, None, "installation", None, &public_key).await?,
    };
    Ok((id, key))
}

/// Signs the chain's head as it stands in `audit` and records the checkpoint; the caller
/// appends it to `anchors.log` once the action committed ([`append_anchor`]).
pub(crate) async fn checkpoint(
    conn: &mut AnyConnection,
    audit: &mut AuditChain,
    data_dir: &Path,
    reason: &str,
) -> Result<Checkpoint, StoreError> {
    let (key_id, key) = ensure_installation_key(conn, audit, data_dir).await?;
    let (seq, head) = audit.head();
    let head = head.to_owned();
    let signature = keys::sign(&key, &keys::checkpoint_message(seq, &head));
    let public_key = hex::encode(key.verifying_key().to_bytes());
    let at = now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO audit_checkpoints (seq, head, at, key_id, signature, reason)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(seq)
    .bind(&head)
    .bind(&at)
    .bind(key_id)
    .bind(&signature)
    .bind(reason)
    .fetch_one(&mut *conn)
    .await?;
    audit.inserted(conn, "audit_checkpoints", id).await?;
    Ok(Checkpoint {
        seq,
        head,
        at,
        fingerprint: keys::fingerprint(&public_key),
        public_key,
        signature,
        reason: reason.to_owned(),
    })
}

/// Appends a committed checkpoint to `anchors.log`.
pub(crate) fn append_anchor(data_dir: &Path, c: &Checkpoint) -> Result<(), StoreError> {
    let path = data_dir.join(ANCHORS_FILE);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
    file.write_all(c.line().as_bytes())
        .and_then(|_| file.sync_all())
        .map_err(|source| StoreError::Io { path, source })
}

/// Every checkpoint known: the database's and `anchors.log`'s, each with whether its
/// signature verifies under an installation key this database knows (or the file's own).
pub(crate) async fn anchors(
    conn: &mut AnyConnection,
    data_dir: &Path,
    with_file: bool,
) -> Result<Vec<Anchor>, StoreError> {
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT c.seq, c.head, c.at, k.public_key, c.signature FROM audit_checkpoints c
         JOIN account_keys k ON k.id = c.key_id ORDER BY c.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let installation: Vec<(String,)> =
        sqlx::query_as("SELECT public_key FROM account_keys WHERE purpose = 'installation'")
            .fetch_all(&mut *conn)
            .await?;
    let mut out: Vec<Anchor> = rows
        .into_iter()
        .map(|(seq, head, at, key, sig)| Anchor {
            signed_right: keys::verify_signature(&key, &keys::checkpoint_message(seq, &head), &sig),
            seq,
            head,
            at,
            source: "پایگاه داده",
        })
        .collect();
    if let Some(text) = with_file
        .then(|| std::fs::read_to_string(data_dir.join(ANCHORS_FILE)).ok())
        .flatten()
    {
        for line in text.lines() {
            let parts: Vec<&str> = line.splitn(6, ' ').collect();
            let [seq, head, at, key, sig, ..] = parts.as_slice() else {
                continue;
            };
            let Ok(seq) = seq.parse::<i64>() else {
                continue;
            };
            let known_key = installation.iter().any(|(k,)| k == key);
            out.push(Anchor {
                signed_right: known_key
                    && keys::verify_signature(key, &keys::checkpoint_message(seq, head), sig),
                seq,
                head: (*head).to_owned(),
                at: (*at).to_owned(),
                source: ANCHORS_FILE,
            });
        }
    }
    Ok(out)
}

impl Store {
    /// A checkpoint of the audit chain now, by the administrator's request.
    pub async fn checkpoint_audit(&self, caller: &Caller) -> Result<Checkpoint, StoreError> {
        let mut w = self.begin(&caller.actor()).await?;
        let c = checkpoint(&mut w.tx, &mut w.audit, self.data_dir(), "on-demand").await?;
        w.commit().await?;
        append_anchor(self.data_dir(), &c)?;
        Ok(c)
    }

    /// The latest checkpoint, if any.
    pub async fn last_checkpoint(&self) -> Result<Option<(i64, String, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT seq, head, at FROM audit_checkpoints ORDER BY id DESC LIMIT 1")
                .fetch_optional(self.pool())
                .await?,
        )
    }
}
