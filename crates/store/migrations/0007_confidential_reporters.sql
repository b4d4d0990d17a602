-- Art 20: a reporter's identity is confidential by default. It is kept apart from the
-- complaint, in `reporters`, read only through the store's one call that records who read
-- it (`reporter_reads`); the audit log keeps a keyed hash (HMAC-SHA256 with the
-- installation's secret) of each of its fields, never the fields. And the restores made of
-- this database, a forced one above all, are on record in its audit log (`restores`).
-- Append-only: never edit this file once shipped; add 0008 and onward.

CREATE TABLE reporters (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaints(id),
    name         TEXT,
    contact      TEXT
) STRICT;

-- The identities on record move here; the complaint keeps only whether it is confidential.
-- (Rows the audit log wrote before this migration keep what they recorded: the log is
-- append-only and chained.)
INSERT INTO reporters (complaint_id, name, contact)
    SELECT id, reporter_name, reporter_contact FROM complaints
    WHERE reporter_name IS NOT NULL OR reporter_contact IS NOT NULL;
UPDATE complaints SET reporter_name = NULL, reporter_contact = NULL
    WHERE reporter_name IS NOT NULL OR reporter_contact IS NOT NULL;

-- The old columns stay empty: nothing writes an identity into the complaint again.
CREATE TRIGGER complaints_reporter_apart_insert BEFORE INSERT ON complaints
WHEN NEW.reporter_name IS NOT NULL OR NEW.reporter_contact IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'heyat:reporter_apart');
END;
CREATE TRIGGER complaints_reporter_apart_update BEFORE UPDATE ON complaints
WHEN NEW.reporter_name IS NOT NULL OR NEW.reporter_contact IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'heyat:reporter_apart');
END;

-- Each time someone had a reporter's identity shown: who (also the audit row's actor), whose
-- (the complaint), when. Never the identity itself.
CREATE TABLE reporter_reads (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints(id),
    read_by      TEXT NOT NULL,
    read_at      TEXT NOT NULL
) STRICT;
CREATE INDEX reporter_reads_by_complaint ON reporter_reads(complaint_id);

-- A backup put back in place of the database: written into the restored database right
-- after the swap, with the heads of both audit chains ("id:hash") and whether the check
-- that the backup is an earlier state of the database was overridden.
CREATE TABLE restores (
    id            INTEGER PRIMARY KEY,
    restored_at   TEXT NOT NULL,
    forced        INTEGER NOT NULL CHECK (forced IN (0, 1)),
    backup_file   TEXT NOT NULL,
    backup_head   TEXT,
    replaced_head TEXT,
    note          TEXT NOT NULL DEFAULT ''
) STRICT;
