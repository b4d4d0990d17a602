//! A reporter's identity (Art 20: confidential by default), kept apart from the complaint in
//! `reporters`. It is written with the complaint, and the audit row for it holds a keyed
//! hash of each field (HMAC-SHA256 with the installation's secret `confidential`), never the
//! field: the log shows that an identity was recorded, and can tell whether two were the
//! same, without saying whose. It is read by one call, [`Store::reporter_of`], which records
//! who read whose identity. The search index never holds it.

use crate::act::Act;
use crate::secrets::installation_secret;
use crate::write::exists;
use crate::{Store, StoreError};
use hmac::{Hmac, Mac};
use serde::Serialize;
use serde_json::json;
use sha2::Sha256;

/// The installation secret keying the hashes of confidential fields.
const SECRET: &str = "confidential";

/// A reporter's identity, as [`Store::reporter_of`] reveals it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reporter {
    pub complaint_id: i64,
    pub name: Option<String>,
    pub contact: Option<String>,
    /// Art 20: confidential unless the reporter agreed to be named.
    pub confidential: bool,
}

/// The key of the confidential fields' hashes for the store's data folder.
pub(crate) fn confidential_key(store: &Store) -> Result<[u8; 32], StoreError> {
    installation_secret(store.data_dir(), SECRET)
}

/// HMAC-SHA256 of `value` under `key`, hex; `None` for no value.
fn keyed_hash(key: &[u8; 32], value: Option<&str>) -> serde_json::Value {
    match value {
        None => serde_json::Value::Null,
        Some(v) => {
            let mut mac =
                <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes a key of any size");
            mac.update(v.as_bytes());
            format!("hmac-sha256:{}", hex::encode(mac.finalize().into_bytes())).into()
        }
    }
}

/// Keeps the identity of complaint `complaint_id`'s reporter, if any was given; the audit
/// row holds the fields' keyed hashes only.
pub(crate) async fn insert_reporter(
    w: &mut Act,
    key: &[u8; 32],
    complaint_id: i64,
    name: Option<&str>,
    contact: Option<&str>,
) -> Result<(), StoreError> {
    let clean = |t: Option<&str>| {
        t.map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let (name, contact) = (clean(name), clean(contact));
    if name.is_none() && contact.is_none() {
        return Ok(());
    }
    sqlx::query("INSERT INTO reporters (complaint_id, name, contact) VALUES ($1, $2, $3)")
        .bind(complaint_id)
        .bind(&name)
        .bind(&contact)
        .execute(&mut *w.tx)
        .await?;
    let after = json!({
        "complaint_id": complaint_id,
        "name": keyed_hash(key, name.as_deref()),
        "contact": keyed_hash(key, contact.as_deref()),
    });
    w.audit
        .record(
            &mut w.tx,
            "insert",
            "reporters",
            complaint_id,
            None,
            Some(&after),
        )
        .await
}

impl Store {
    /// The identity of complaint `complaint_id`'s reporter, shown to `actor` on purpose: the
    /// read is recorded (who read whose identity, when; never the identity) in the same
    /// action, so no identity is shown without its trace in the audit log.
    pub async fn reporter_of(
        &self,
        complaint_id: i64,
        actor: &str,
    ) -> Result<Reporter, StoreError> {
        let mut w = self.begin(actor).await?;
        exists(&mut w.tx, "complaints", "شکایت یا گزارش", complaint_id).await?;
        let row: (i64, Option<String>, Option<String>) = sqlx::query_as(
            "SELECT c.reporter_confidential, r.name, r.contact
             FROM complaints c LEFT JOIN reporters r ON r.complaint_id = c.id WHERE c.id = $1",
        )
        .bind(complaint_id)
        .fetch_one(&mut *w.tx)
        .await?;
        let read_at = w.audit.at().to_owned();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO reporter_reads (complaint_id, read_by, read_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(complaint_id)
        .bind(actor)
        .bind(&read_at)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "reporter_reads", id).await?;
        w.commit().await?;
        Ok(Reporter {
            complaint_id,
            name: row.1,
            contact: row.2,
            confidential: row.0 != 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyed_hash_depends_on_the_key_and_hides_the_value() {
        let a = keyed_hash(&[1; 32], Some("مریم کاظمی"));
        let b = keyed_hash(&[2; 32], Some("مریم کاظمی"));
        assert_ne!(a, b);
        assert_eq!(a, keyed_hash(&[1; 32], Some("مریم کاظمی")));
        let text = a.as_str().unwrap();
        assert!(text.starts_with("hmac-sha256:"));
        assert_eq!(text.len(), "hmac-sha256:".len() + 64);
        assert!(!text.contains("مریم"));
        assert_eq!(keyed_hash(&[1; 32], None), serde_json::Value::Null);
    }
}
