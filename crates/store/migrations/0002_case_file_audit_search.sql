-- The rest of a board's work: complaints, evidence, sessions and votes, rulings with their
-- sign-offs, notifications and appeals, holidays, users; the audit log's hash chain; the
-- Persian full-text index; and triggers that keep a signed ruling and its charges unchanged.
-- Dates are ISO `YYYY-MM-DD`; moments are ISO `YYYY-MM-DDTHH:MM:SSZ` (UTC).
-- Append-only: never edit this file once shipped; add 0003 and onward.

-- A board's chair is elected from among its judges (Art 26); NULL until elected.
ALTER TABLE boards ADD COLUMN chair_member_id INTEGER REFERENCES members(id);

-- A complaint or violation report (Art 21), with the reporter's identity confidential by
-- default (Art 20) and the Kanoon representative's optional review (practice, not a rule).
CREATE TABLE complaints (
    id                   INTEGER PRIMARY KEY,
    kind                 TEXT NOT NULL CHECK (kind IN ('complaint', 'violation_report')),
    -- client, inspection, services_deputy, kanoon, other_authority
    source               TEXT NOT NULL CHECK (source IN ('client', 'inspection', 'services_deputy',
                                                         'kanoon', 'other_authority')),
    received_on          TEXT NOT NULL,
    office_id            INTEGER REFERENCES offices(id),
    reporter_name        TEXT,
    reporter_contact     TEXT,
    reporter_confidential INTEGER NOT NULL DEFAULT 1 CHECK (reporter_confidential IN (0, 1)),
    summary              TEXT NOT NULL,
    review_notes         TEXT,
    forwarded_on         TEXT,
    case_id              INTEGER REFERENCES cases(id)
) STRICT;

CREATE INDEX complaints_by_case ON complaints(case_id);

-- Files attached to a case, stored content-addressed under the data folder
-- (`evidence/ab/cdef…`, the SHA-256 of the bytes); the database keeps only the reference.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    media_type  TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    added_at    TEXT NOT NULL,
    UNIQUE (case_id, sha256)
) STRICT;

-- A session of a board on a case (Arts 27–28).
CREATE TABLE sessions (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases(id),
    board_id  INTEGER NOT NULL REFERENCES boards(id),
    held_on   TEXT NOT NULL,
    chair_member_id INTEGER REFERENCES members(id),
    minutes   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX sessions_by_case ON sessions(case_id);

-- Attendance by seat: who sat in each of the three seats, and whether an alternate replaced
-- an absent or recused holder (Art 28: a session needs every seat filled).
CREATE TABLE attendance (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seat       TEXT NOT NULL CHECK (seat IN ('judge_1', 'judge_2', 'representative')),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    -- present: the holder sat; absent / recused: the holder did not, `member_id` is the alternate.
    holder_was TEXT NOT NULL DEFAULT 'present' CHECK (holder_was IN ('present', 'absent', 'recused')),
    PRIMARY KEY (session_id, seat),
    UNIQUE (session_id, member_id)
) STRICT;

-- One vote per member per question of a session; a minority member may write a dissent.
CREATE TABLE votes (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    question   TEXT NOT NULL,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    choice     TEXT NOT NULL,
    dissent    TEXT,
    UNIQUE (session_id, question, member_id)
) STRICT;

-- A ruling (Art 27): drafted, then signed by the members, then final. The engine's
-- suggestion and trace are kept as JSON beside the board's text; `content_hash` is the
-- SHA-256 of the signed content.
CREATE TABLE rulings (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    session_id   INTEGER REFERENCES sessions(id),
    stage        TEXT NOT NULL DEFAULT 'first_instance' CHECK (stage IN ('first_instance', 'appeal')),
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'final')),
    outcome      TEXT CHECK (outcome IS NULL OR outcome IN ('conviction', 'acquittal', 'mixed',
                        'suspended_prosecution', 'barred', 'confirmed', 'reversed', 'modified')),
    grade        INTEGER CHECK (grade IS NULL OR grade BETWEEN 1 AND 7),
    text         TEXT NOT NULL DEFAULT '',
    suggestion   TEXT,
    drafted_on   TEXT NOT NULL,
    signed_on    TEXT,
    content_hash TEXT
) STRICT;

CREATE INDEX rulings_by_case ON rulings(case_id);

-- Each member's sign-off of a ruling.
CREATE TABLE ruling_signoffs (
    ruling_id INTEGER NOT NULL REFERENCES rulings(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    signed_at TEXT NOT NULL,
    PRIMARY KEY (ruling_id, member_id)
) STRICT;

-- Service of a ruling; starts the 20-day appeal period (Art 33).
CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    ruling_id   INTEGER NOT NULL REFERENCES rulings(id),
    recipient   TEXT NOT NULL CHECK (recipient IN ('manager', 'center_head', 'complainant')),
    method      TEXT NOT NULL CHECK (method IN ('electronic', 'in_person', 'post')),
    notified_on TEXT NOT NULL
) STRICT;

-- An appeal (Art 33): by the manager or the head of the Center, in time or late.
CREATE TABLE appeals (
    id         INTEGER PRIMARY KEY,
    ruling_id  INTEGER NOT NULL REFERENCES rulings(id),
    appellant  TEXT NOT NULL CHECK (appellant IN ('manager', 'center_head')),
    filed_on   TEXT NOT NULL,
    in_time    INTEGER NOT NULL CHECK (in_time IN (0, 1)),
    grounds    TEXT NOT NULL DEFAULT ''
) STRICT;

-- Days the offices are closed besides Fridays (CPC Art 444), kept by the secretary.
CREATE TABLE holidays (
    day   TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL
) STRICT;

-- People who use the app, and their roles (used from a later issue on).
CREATE TABLE users (
    id        INTEGER PRIMARY KEY,
    username  TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('secretary', 'member', 'kanoon_reviewer', 'admin')),
    member_id INTEGER REFERENCES members(id),
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- The audit log: every change the store makes appends who, when, what (before and after as
-- JSON). Each row's `hash` is SHA-256 over the previous row's hash and this row's fields, so
-- editing or deleting any row breaks the chain (`heyat audit verify`). The rows are written
-- by the store in the same transaction as the change.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    before     TEXT,
    after      TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE
) STRICT;

-- The log is append-only for the app; these triggers stop honest mistakes (a determined
-- editor of the file can drop them, which is what the hash chain is for).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'heyat:audit_append_only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'heyat:audit_append_only');
END;

-- A signed ruling is kept as signed: only its move from signed to final is allowed, with
-- nothing else changed. The store checks the same in Rust and says so in Persian; the
-- trigger's message is a code the store maps to that message.
CREATE TRIGGER rulings_signed_immutable BEFORE UPDATE ON rulings
WHEN OLD.status IN ('signed', 'final')
 AND NOT (OLD.status = 'signed' AND NEW.status = 'final'
          AND NEW.case_id IS OLD.case_id AND NEW.session_id IS OLD.session_id
          AND NEW.stage IS OLD.stage AND NEW.outcome IS OLD.outcome AND NEW.grade IS OLD.grade
          AND NEW.text IS OLD.text AND NEW.suggestion IS OLD.suggestion
          AND NEW.drafted_on IS OLD.drafted_on AND NEW.signed_on IS OLD.signed_on
          AND NEW.content_hash IS OLD.content_hash)
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling');
END;
CREATE TRIGGER rulings_signed_undeletable BEFORE DELETE ON rulings
WHEN OLD.status IN ('signed', 'final')
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling');
END;
CREATE TRIGGER signoffs_of_signed_ruling_fixed BEFORE DELETE ON ruling_signoffs
WHEN (SELECT status FROM rulings WHERE id = OLD.ruling_id) IN ('signed', 'final')
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling');
END;

-- The charges of a case whose first-instance ruling is signed are what was ruled on.
CREATE TRIGGER charges_fixed_by_signed_ruling_insert BEFORE INSERT ON charges
WHEN EXISTS (SELECT 1 FROM rulings r WHERE r.case_id = NEW.case_id AND r.status IN ('signed', 'final'))
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling_charges');
END;
CREATE TRIGGER charges_fixed_by_signed_ruling_update BEFORE UPDATE ON charges
WHEN EXISTS (SELECT 1 FROM rulings r WHERE r.case_id IN (OLD.case_id, NEW.case_id) AND r.status IN ('signed', 'final'))
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling_charges');
END;
CREATE TRIGGER charges_fixed_by_signed_ruling_delete BEFORE DELETE ON charges
WHEN EXISTS (SELECT 1 FROM rulings r WHERE r.case_id = OLD.case_id AND r.status IN ('signed', 'final'))
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling_charges');
END;

-- Persian full-text search over cases. The store writes each case's row with text already
-- folded (ي/ك→ی/ک, no ZWNJ, tatweel or diacritics, ASCII digits: heyat_core::fold_persian),
-- and folds queries the same way; rowid is the case id.
CREATE VIRTUAL TABLE case_search USING fts5(
    number,      -- `1403 0012 12`: year, padded and plain sequence
    office,      -- code, name, city, province
    manager,     -- names and national id
    facts,       -- subject and every charge's facts and clause
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Cases are looked up by manager (recidivism, the manager's record).
CREATE INDEX cases_by_manager ON cases(manager_id);
