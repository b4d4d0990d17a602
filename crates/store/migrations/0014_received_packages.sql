-- Issue 15: a case file that travels. Append-only: never edit this file once shipped.
--
-- A board that shares no server with another receives a case as one package (the case file,
-- its sealed rulings and evidence, signed by the sending installation's key). Each package
-- received is kept whole in the data folder (`received/MANIFEST-SHA256.heyat`) and listed here, once:
-- the same package received twice is refused by the UNIQUE hash. A row records what the
-- receiving secretary saw verified; it is never changed.
CREATE TABLE received_packages (
    id           INTEGER PRIMARY KEY,
    manifest_sha256 TEXT NOT NULL UNIQUE CHECK (length(manifest_sha256) = 64),
    case_number  TEXT NOT NULL,
    origin_board TEXT NOT NULL,
    -- The sending installation's key: its fingerprint, and how it was trusted: `known` (a
    -- key this database already holds), `keys-file` (a keys file the sender gave) or
    -- `fingerprint` (compared with the sender by the receiving secretary).
    fingerprint  TEXT NOT NULL,
    trusted_by   TEXT NOT NULL CHECK (trusted_by IN ('known', 'keys-file', 'fingerprint')),
    exported_at  TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    rulings      INTEGER NOT NULL CHECK (rulings >= 0),
    evidence     INTEGER NOT NULL CHECK (evidence >= 0),
    bytes        INTEGER NOT NULL CHECK (bytes > 0)
) STRICT;

CREATE TRIGGER received_packages_no_update BEFORE UPDATE ON received_packages
BEGIN
    SELECT RAISE(ABORT, 'heyat:received_package_immutable');
END;

-- The packages this board sent: which case, when, the hash of the manifest its installation
-- key signed (the receiving board lists the same hash). Written by the export, audited.
CREATE TABLE sent_packages (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases(id),
    manifest_sha256 TEXT NOT NULL UNIQUE CHECK (length(manifest_sha256) = 64),
    sent_at         TEXT NOT NULL,
    rulings         INTEGER NOT NULL CHECK (rulings >= 0),
    evidence        INTEGER NOT NULL CHECK (evidence >= 0)
) STRICT;

CREATE INDEX sent_packages_by_case ON sent_packages(case_id);

-- The appeal case the receiving board opened from a package received: one case per package.
ALTER TABLE cases ADD COLUMN received_package_id INTEGER REFERENCES received_packages(id);
CREATE UNIQUE INDEX cases_by_received_package ON cases(received_package_id)
    WHERE received_package_id IS NOT NULL;
