-- The bytes of evidence files by their SHA-256, so that a file attached on one machine opens
-- on every machine of the server (mirror of migrations/0015). `heyat_app` gets SELECT and
-- INSERT only (crates/store/pg-roles.sql): a file kept here is never changed or removed.
CREATE TABLE evidence_blobs (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    bytes  BYTEA NOT NULL
);
