-- no-transaction
-- Issue 12, the second reading: the qualifications a manager lost (Art 45, the conditions of
-- Arts 9–11) and the orders of suspended prosecution (Art 31) with their own case status.
-- Append-only: never edit this file once shipped; add 0010 and onward.
--
-- A case's status gains `suspended` (تعلیق تعقیب). SQLite cannot change a CHECK in place, so
-- `cases` is rebuilt the documented way (https://sqlite.org/lang_altertable.html, "other
-- kinds of table schema changes"): foreign keys off outside the transaction (so that dropping
-- the old table neither cascades to charges nor fails the tables that refer to it), the new
-- table made, filled, renamed over the old one and its indexes made again, the keys checked,
-- then on again. This is why this file runs outside sqlx's transaction, in its own.

PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

CREATE TABLE cases_rebuilt (
    id            INTEGER PRIMARY KEY,
    board_id      INTEGER NOT NULL REFERENCES boards(id),
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    office_id     INTEGER NOT NULL REFERENCES offices(id),
    manager_id    INTEGER NOT NULL REFERENCES managers(id),
    status        TEXT NOT NULL CHECK (status IN ('registered', 'in_review', 'scheduled', 'heard',
                      'decided', 'notified', 'final', 'appealed', 'appeal_decided', 'suspended')),
    registered_on TEXT NOT NULL,
    subject       TEXT NOT NULL,
    appeal_of_case_id INTEGER REFERENCES cases(id),
    UNIQUE (board_id, year, seq)
) STRICT;

INSERT INTO cases_rebuilt (id, board_id, year, seq, office_id, manager_id, status,
                           registered_on, subject, appeal_of_case_id)
    SELECT id, board_id, year, seq, office_id, manager_id, status, registered_on, subject,
           appeal_of_case_id
    FROM cases;

DROP TABLE cases;
ALTER TABLE cases_rebuilt RENAME TO cases;

CREATE INDEX cases_by_status ON cases(status);
CREATE INDEX cases_by_office ON cases(office_id);
CREATE INDEX cases_by_manager ON cases(manager_id);
CREATE INDEX cases_by_appeal_of ON cases(appeal_of_case_id);

-- Art 45: a condition of Arts 9–11 of the 1401 regulation (a clause id such as `1401:9:d`,
-- or an article without clauses) the first-instance board found the manager lost or never
-- had, the day it was found, and the note or reference to the evidence showing it. A case
-- with conditions on record may be heard with no charge (Art 45 stands alone).
CREATE TABLE case_qualifications (
    case_id   INTEGER NOT NULL REFERENCES cases(id),
    condition TEXT NOT NULL CHECK (condition = '1401:9' OR condition = '1401:10'
                                   OR condition = '1401:11' OR condition GLOB '1401:9:*'
                                   OR condition GLOB '1401:10:*' OR condition GLOB '1401:11:*'),
    found_on  TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, condition)
) STRICT;

-- What a signed ruling ruled on stays as it was: like the charges (migration 0002), the
-- conditions of a case whose first-instance ruling is signed no longer change.
CREATE TRIGGER qualifications_fixed_by_signed_ruling_insert BEFORE INSERT ON case_qualifications
WHEN EXISTS (SELECT 1 FROM rulings r WHERE r.case_id = NEW.case_id AND r.status IN ('signed', 'final'))
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling_charges');
END;
CREATE TRIGGER qualifications_fixed_by_signed_ruling_update BEFORE UPDATE ON case_qualifications
WHEN EXISTS (SELECT 1 FROM rulings r WHERE r.case_id IN (OLD.case_id, NEW.case_id) AND r.status IN ('signed', 'final'))
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling_charges');
END;
CREATE TRIGGER qualifications_fixed_by_signed_ruling_delete BEFORE DELETE ON case_qualifications
WHEN EXISTS (SELECT 1 FROM rulings r WHERE r.case_id = OLD.case_id AND r.status IN ('signed', 'final'))
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling_charges');
END;

-- Art 31: the order a final ruling of suspended prosecution made: from the ruling's date for
-- one or two years, to the same month and day that many Solar Hijri years later. Revoked by
-- the board when the manager is finally convicted of a violation committed within the period
-- (`revoked_by_ruling_id`, that conviction; the case goes back to be heard), or closed once
-- the period ended with none (the case is final).
CREATE TABLE suspension_orders (
    id                   INTEGER PRIMARY KEY,
    case_id              INTEGER NOT NULL REFERENCES cases(id),
    ruling_id            INTEGER NOT NULL UNIQUE REFERENCES rulings(id),
    ordered_on           TEXT NOT NULL,
    years                INTEGER NOT NULL CHECK (years BETWEEN 1 AND 2),
    ends_on              TEXT NOT NULL CHECK (ends_on > ordered_on),
    revoked_on           TEXT,
    revoked_by_ruling_id INTEGER REFERENCES rulings(id),
    closed_on            TEXT,
    CHECK ((revoked_on IS NULL) = (revoked_by_ruling_id IS NULL)),
    CHECK (revoked_on IS NULL OR closed_on IS NULL)
) STRICT;

CREATE INDEX suspension_orders_by_case ON suspension_orders(case_id);

PRAGMA foreign_key_check;

COMMIT;

PRAGMA foreign_keys = ON;
