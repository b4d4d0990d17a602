//! A case file that travels (issue 15): the store's part of a case package — signing the
//! manifest with this installation's key as one audited action, and keeping each package
//! received, once. What goes into a package and how it is checked is `heyat-documents`'
//! (`package`), which sees the renderer and the sealed rulings' checks.

use crate::checkpoint::ensure_installation_key;
use crate::{Store, StoreError, keys};
use heyat_core::proceedings::Caller;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The format a package's manifest names.
pub const PACKAGE_FORMAT: &str = "heyat/case-package/v1";

/// The folder in the data folder each package received is kept in, whole.
pub const RECEIVED_DIR: &str = "received";

/// What a package's signature covers: the SHA-256 of its manifest (which lists every other
/// file of the package with its own SHA-256).
pub fn package_message(manifest_sha256: &str) -> Vec<u8> {
    format!("{PACKAGE_FORMAT}\n{manifest_sha256}").into_bytes()
}

/// The sending installation's signature of a package's manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageSignature {
    pub public_key: String,
    pub fingerprint: String,
    pub signature: String,
}

impl PackageSignature {
    /// Whether the signature is this key's over the manifest whose hash is `manifest_sha256`,
    /// and the fingerprint is the key's.
    pub fn holds(&self, manifest_sha256: &str) -> bool {
        keys::fingerprint(&self.public_key) == self.fingerprint
            && keys::verify_signature(
                &self.public_key,
                &package_message(manifest_sha256),
                &self.signature,
            )
    }
}

/// What an export sends, as its register keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sending {
    pub case_id: i64,
    pub manifest_sha256: String,
    pub rulings: i64,
    pub evidence: i64,
}

/// A package received, as [`ReceivedPackage`] reads it.
const RECEIVED: &str =
    "SELECT id, manifest_sha256, case_number, origin_board, fingerprint, trusted_by,
        exported_at, received_at, rulings, evidence, bytes,
        (SELECT c.id FROM cases c WHERE c.received_package_id = p.id) AS opened_case_id
    FROM received_packages p";

/// A package received and kept.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ReceivedPackage {
    pub id: i64,
    pub manifest_sha256: String,
    pub case_number: String,
    pub origin_board: String,
    pub fingerprint: String,
    /// `known`, `keys-file` or `fingerprint`: how the sender's key was trusted.
    pub trusted_by: String,
    pub exported_at: String,
    pub received_at: String,
    pub rulings: i64,
    pub evidence: i64,
    pub bytes: i64,
    /// The appeal case opened here from it, if any.
    pub opened_case_id: Option<i64>,
}

/// A verified package to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct Receiving {
    pub manifest_sha256: String,
    pub case_number: String,
    pub origin_board: String,
    pub fingerprint: String,
    pub trusted_by: &'static str,
    pub exported_at: String,
    pub rulings: i64,
    pub evidence: i64,
}

/// A package sent, as the register lists it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct SentPackage {
    pub id: i64,
    pub case_id: i64,
    pub manifest_sha256: String,
    pub sent_at: String,
    pub rulings: i64,
    pub evidence: i64,
}

impl Store {
    /// Signs a package's manifest with this installation's key and registers the sending,
    /// as one action by `caller` (the audit log names who sent which case, and the hash).
    pub async fn sign_case_package(
        &self,
        caller: &Caller,
        sending: &Sending,
    ) -> Result<PackageSignature, StoreError> {
        if !crate::evidence::sha256_is_valid(&sending.manifest_sha256) {
            return Err(StoreError::Invalid {
                field: "چکیدهٔ فهرست بسته",
                message: "باید ۶۴ نویسهٔ شانزده‌شانزدهی باشد".into(),
            });
        }
        let mut w = self.begin(&caller.actor()).await?;
        let (_, key) = ensure_installation_key(&mut w.tx, &mut w.audit, self.data_dir()).await?;
        let public_key = hex::encode(key.verifying_key().to_bytes());
        let signature = keys::sign(&key, &package_message(&sending.manifest_sha256));
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO sent_packages (case_id, manifest_sha256, sent_at, rulings, evidence)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(sending.case_id)
        .bind(&sending.manifest_sha256)
        .bind(crate::audit::moment((self.clock)()))
        .bind(sending.rulings)
        .bind(sending.evidence)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "sent_packages", id).await?;
        w.commit().await?;
        Ok(PackageSignature {
            fingerprint: keys::fingerprint(&public_key),
            public_key,
            signature,
        })
    }

    /// The packages sent of `case_id`, the latest first.
    pub async fn sent_packages(&self, case_id: i64) -> Result<Vec<SentPackage>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, case_id, manifest_sha256, sent_at, rulings, evidence
             FROM sent_packages WHERE case_id = $1 ORDER BY id DESC",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Whether `public_key` is an installation key this database holds (its own, or one
    /// registered here): a package is signed by an installation, never by a person's key.
    pub async fn knows_installation_key(&self, public_key: &str) -> Result<bool, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM account_keys WHERE public_key = $1 AND purpose = 'installation' LIMIT 1",
        )
        .bind(public_key)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.is_some())
    }

    /// Where a package received is kept.
    pub fn received_path(&self, manifest_sha256: &str) -> PathBuf {
        self.data_dir()
            .join(RECEIVED_DIR)
            .join(format!("{manifest_sha256}.heyat"))
    }

    /// Keeps a verified package: its bytes under `received/` and its row, as one action by
    /// `caller`. The same package received again is refused, and the first kept as it was.
    pub async fn receive_package(
        &self,
        caller: &Caller,
        receiving: &Receiving,
        bytes: &[u8],
    ) -> Result<ReceivedPackage, StoreError> {
        if !crate::evidence::sha256_is_valid(&receiving.manifest_sha256) {
            return Err(StoreError::Invalid {
                field: "چکیدهٔ فهرست بسته",
                message: "باید ۶۴ نویسهٔ شانزده‌شانزدهی باشد".into(),
            });
        }
        let earlier: Option<(String,)> =
            sqlx::query_as("SELECT received_at FROM received_packages WHERE manifest_sha256 = $1")
                .bind(&receiving.manifest_sha256)
                .fetch_optional(self.pool())
                .await?;
        if let Some((at,)) = earlier {
            return Err(StoreError::Invalid {
                field: "بستهٔ پرونده",
                message: format!(
                    "این بسته پیش‌تر، در {}، دریافت شده است و دوباره ثبت نشد",
                    heyat_core::date::JalaliDate::parse_iso(at.get(..10).unwrap_or(&at))
                        .map(|d| d.format_fa())
                        .unwrap_or(at)
                ),
            });
        }
        let path = self.received_path(&receiving.manifest_sha256);
        let dir = path.parent().unwrap_or(self.data_dir()).to_path_buf();
        let io = |source| StoreError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        // Written to a temporary name and renamed once synced: a package half-written is
        // never taken for one received.
        let partial = dir.join(format!("{}.partial", receiving.manifest_sha256));
        std::fs::write(&partial, bytes)
            .and_then(|_| std::fs::File::open(&partial)?.sync_all())
            .and_then(|_| std::fs::rename(&partial, &path))
            .map_err(io)?;
        let mut w = self.begin(&caller.actor()).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO received_packages (manifest_sha256, case_number, origin_board, fingerprint,
                 trusted_by, exported_at, received_at, rulings, evidence, bytes)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(&receiving.manifest_sha256)
        .bind(&receiving.case_number)
        .bind(&receiving.origin_board)
        .bind(&receiving.fingerprint)
        .bind(receiving.trusted_by)
        .bind(&receiving.exported_at)
        .bind(crate::audit::moment((self.clock)()))
        .bind(receiving.rulings)
        .bind(receiving.evidence)
        .bind(bytes.len() as i64)
        .fetch_one(&mut *w.tx)
        .await?;
        w.audit.inserted(&mut w.tx, "received_packages", id).await?;
        w.commit().await?;
        self.received_package(id).await
    }

    /// The packages received, the latest first.
    pub async fn received_packages(&self) -> Result<Vec<ReceivedPackage>, StoreError> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{RECEIVED} ORDER BY id DESC")))
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// One package received.
    pub async fn received_package(&self, id: i64) -> Result<ReceivedPackage, StoreError> {
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{RECEIVED} WHERE id = $1")))
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound {
                what: "بستهٔ دریافتی",
                id,
            })
    }
}

/// The office and manager of a case as a package carries them (`parties.json`): what the
/// receiving board needs to find them, or enter them, in its own database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parties {
    pub office: crate::NewOffice,
    pub manager: crate::NewManager,
}

/// The appeal case to open from a package received.
#[derive(Debug, Clone, PartialEq)]
pub struct FromPackage {
    pub received_id: i64,
    /// The receiving appeal board.
    pub board_id: i64,
    /// ISO (`YYYY-MM-DD`).
    pub registered_on: String,
    pub parties: Parties,
    pub subject: String,
    pub charges: Vec<crate::NewCharge>,
}

impl Store {
    /// The office and manager of `case_id`, as a package carries them.
    pub async fn parties_of_case(&self, case_id: i64) -> Result<Parties, StoreError> {
        type Row = (
            String,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
            String,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT o.code, o.name, o.city, o.province, o.licence_issued_on, o.licence_expires_on,
                    m.national_id, m.first_name, m.last_name
             FROM cases c JOIN offices o ON o.id = c.office_id JOIN managers m ON m.id = c.manager_id
             WHERE c.id = $1",
        )
        .bind(case_id)
        .fetch_optional(self.pool())
        .await?;
        let (code, name, city, province, issued, expires, national_id, first_name, last_name) = row
            .ok_or(StoreError::NotFound {
                what: "پرونده",
                id: case_id,
            })?;
        Ok(Parties {
            office: crate::NewOffice {
                code,
                name,
                city,
                province,
                licence_issued_on: issued,
                licence_expires_on: expires,
            },
            manager: crate::NewManager {
                national_id,
                first_name,
                last_name,
                office_id: None,
            },
        })
    }

    /// Opens, at the appeal board, the appeal case of a package received, as one action by
    /// `caller`: the office found by its code and the manager by national id (each entered
    /// from the package when this database has not got it), the charges as the first-instance
    /// board framed them, the case linked to the package. One case per package.
    pub async fn open_case_from_package(
        &self,
        caller: &Caller,
        input: &FromPackage,
    ) -> Result<crate::CaseRef, StoreError> {
        use crate::write::{
            checked_manager, checked_office, insert_case, insert_manager, insert_office, update_row,
        };
        let mut w = self.begin(&caller.actor()).await?;
        let kind: Option<(String,)> = sqlx::query_as("SELECT kind FROM boards WHERE id = $1")
            .bind(input.board_id)
            .fetch_optional(&mut *w.tx)
            .await?;
        if kind.as_ref().map(|k| k.0.as_str()) != Some("appeal") {
            return Err(StoreError::invalid(
                "هیأت تجدیدنظر",
                "پروندهٔ واصله را تنها هیأت تجدیدنظر می‌گشاید (ماده ۲۴)؛ با حساب دبیر هیأت تجدیدنظر وارد شوید",
            ));
        }
        crate::write::exists(
            &mut w.tx,
            "received_packages",
            "بستهٔ دریافتی",
            input.received_id,
        )
        .await?;
        let opened: Option<(i64, i64)> =
            sqlx::query_as("SELECT year, seq FROM cases WHERE received_package_id = $1")
                .bind(input.received_id)
                .fetch_optional(&mut *w.tx)
                .await?;
        if let Some((year, seq)) = opened {
            return Err(StoreError::invalid(
                "بستهٔ دریافتی",
                format!(
                    "پروندهٔ تجدیدنظر این بسته پیش‌تر با شمارهٔ {} گشوده شده است",
                    heyat_core::to_persian_digits(&crate::case_number(year, seq))
                ),
            ));
        }
        // Found as this database has them (whatever its entry checks were then); entered,
        // and checked, only when it has not.
        let code = heyat_core::to_latin_digits(input.parties.office.code.trim());
        let known: Option<(i64,)> = sqlx::query_as("SELECT id FROM offices WHERE code = $1")
            .bind(&code)
            .fetch_optional(&mut *w.tx)
            .await?;
        let office_id = match known {
            Some((id,)) => id,
            None => insert_office(&mut w, &checked_office(&input.parties.office)?).await?,
        };
        let national_id = heyat_core::to_latin_digits(input.parties.manager.national_id.trim());
        let known: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM managers WHERE national_id = $1")
                .bind(&national_id)
                .fetch_optional(&mut *w.tx)
                .await?;
        let manager_id = match known {
            Some((id,)) => id,
            None => {
                let manager = checked_manager(&crate::NewManager {
                    office_id: Some(office_id),
                    ..input.parties.manager.clone()
                })?;
                insert_manager(&mut w, &manager).await?
            }
        };
        let made = insert_case(
            &mut w.tx,
            &mut w.audit,
            &crate::NewCase {
                board_id: input.board_id,
                office_id,
                manager_id: Some(manager_id),
                registered_on: input.registered_on.clone(),
                subject: input.subject.clone(),
                charges: input.charges.clone(),
            },
            heyat_core::CaseStatus::Registered,
        )
        .await?;
        update_row(
            &mut w.tx,
            &mut w.audit,
            "cases",
            made.id,
            sqlx::query("UPDATE cases SET received_package_id = $1 WHERE id = $2")
                .bind(input.received_id)
                .bind(made.id),
        )
        .await?;
        w.commit().await?;
        Ok(made)
    }
}
