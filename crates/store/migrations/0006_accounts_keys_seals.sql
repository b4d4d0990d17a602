-- Who acts, and rulings anyone can verify (issue 11): accounts with Argon2id passwords and
-- one-time enrolment codes, each person's Ed25519 keys (the secret sealed under a key
-- derived from their password), members' signatures over what a ruling prints, the sealed
-- ruling as printed, and signed checkpoints of the audit chain's head.
-- Append-only: never edit this file once shipped.

-- `users` (migration 0002) becomes the accounts: the board a person works for (NULL for an
-- administrator), the password as an Argon2id PHC string, wrong tries counted (five lock
-- the account until an administrator unlocks it: no clock involved), and the SHA-256 of a
-- one-time enrolment code with the moment it expires. A username is chosen at enrolment;
-- until then it is `pending:<id>`.
ALTER TABLE users ADD COLUMN board_id INTEGER REFERENCES boards(id);
ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN failed_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN enrolment_hash TEXT;
ALTER TABLE users ADD COLUMN enrolment_expires_at TEXT;
ALTER TABLE users ADD COLUMN created_at TEXT;
ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;
CREATE UNIQUE INDEX users_by_enrolment ON users(enrolment_hash) WHERE enrolment_hash IS NOT NULL;

-- Each person's signing keys. A new password after a lost one makes a new key; the old
-- public key stays (retired) so that what it signed can still be verified. The secret is
-- ChaCha20-Poly1305 under Argon2id(password, salt); the administrator's installation key is
-- kept outside the database (data folder's keys/) and only its public half is here.
CREATE TABLE account_keys (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER REFERENCES users(id),
    -- 'member' (signs rulings), 'person' (any other account), 'installation' (checkpoints)
    purpose     TEXT NOT NULL CHECK (purpose IN ('member', 'person', 'installation')),
    public_key  TEXT NOT NULL UNIQUE CHECK (length(public_key) = 64),
    fingerprint TEXT NOT NULL,
    salt        BLOB,
    nonce       BLOB,
    sealed      BLOB,
    created_at  TEXT NOT NULL,
    retired_at  TEXT
) STRICT;
CREATE INDEX account_keys_by_user ON account_keys(user_id);

-- What each member signed: the SHA-256 of the ruling's canonical content and of its
-- unsigned PDF, with the key and the Ed25519 signature.
ALTER TABLE ruling_signoffs ADD COLUMN key_id INTEGER REFERENCES account_keys(id);
ALTER TABLE ruling_signoffs ADD COLUMN content_sha256 TEXT;
ALTER TABLE ruling_signoffs ADD COLUMN body_sha256 TEXT;
ALTER TABLE ruling_signoffs ADD COLUMN signature TEXT;

-- The ruling's content as printed (the typst input, canonical JSON), kept with the draft so
-- that every member signs the same bytes, and a signed ruling can be printed again.
ALTER TABLE rulings ADD COLUMN content_json TEXT;

DROP TRIGGER rulings_signed_immutable;
CREATE TRIGGER rulings_signed_immutable BEFORE UPDATE ON rulings
WHEN OLD.status IN ('signed', 'final')
 AND NOT (OLD.status = 'signed' AND NEW.status = 'final'
          AND NEW.case_id IS OLD.case_id AND NEW.session_id IS OLD.session_id
          AND NEW.stage IS OLD.stage AND NEW.outcome IS OLD.outcome AND NEW.grade IS OLD.grade
          AND NEW.text IS OLD.text AND NEW.suggestion IS OLD.suggestion
          AND NEW.drafted_on IS OLD.drafted_on AND NEW.signed_on IS OLD.signed_on
          AND NEW.content_hash IS OLD.content_hash
          AND NEW.content_json IS OLD.content_json
          AND NEW.suspension_months IS OLD.suspension_months
          AND NEW.suspension_years IS OLD.suspension_years)
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling');
END;

-- The sealed ruling: the typst input with every signature and the audit anchor (JSON, as
-- attached to the PDF), and the final PDF itself with its SHA-256. Never changed.
CREATE TABLE ruling_seals (
    ruling_id  INTEGER PRIMARY KEY REFERENCES rulings(id),
    sealed     TEXT NOT NULL,
    pdf        BLOB NOT NULL,
    pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
    sealed_at  TEXT NOT NULL
) STRICT;
CREATE TRIGGER ruling_seals_fixed BEFORE UPDATE ON ruling_seals
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling');
END;
CREATE TRIGGER ruling_seals_kept BEFORE DELETE ON ruling_seals
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling');
END;

-- Signed checkpoints of the audit chain's head: at each locked ruling and on demand.
CREATE TABLE audit_checkpoints (
    id        INTEGER PRIMARY KEY,
    seq       INTEGER NOT NULL,
    head      TEXT NOT NULL CHECK (length(head) = 64),
    at        TEXT NOT NULL,
    key_id    INTEGER NOT NULL REFERENCES account_keys(id),
    signature TEXT NOT NULL CHECK (length(signature) = 128),
    reason    TEXT NOT NULL
) STRICT;

-- The old PIN hashes (iterated SHA-256) are no longer trusted: signing needs a key.
DELETE FROM pin_failures;
DELETE FROM member_pins;
