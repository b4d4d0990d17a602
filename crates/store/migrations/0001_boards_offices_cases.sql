-- Heyat's first schema: the boards and who sits on them, the offices and their managers,
-- and the cases with their charges. Dates are ISO `YYYY-MM-DD` text; people see Solar Hijri.
-- Migrations are append-only: never edit this file once it has shipped; add a new one.

-- Key/value facts about this database (e.g. when demo data was loaded).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- A disciplinary board (Arts 23–25): first instance or appeal, with its seat and term.
CREATE TABLE boards (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('first_instance', 'appeal')),
    name        TEXT NOT NULL,
    province    TEXT NOT NULL,
    term_start  TEXT NOT NULL,
    term_end    TEXT NOT NULL,
    CHECK (term_start <= term_end)
) STRICT;

-- People who may sit on a board: judges (with their judicial grade, Art 24 needs >= 9 on
-- appeal), Kanoon representatives (Art 23: not on the Kanoon's board of directors) and
-- Center representatives.
CREATE TABLE members (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('judge', 'kanoon_rep', 'center_rep')),
    first_name          TEXT NOT NULL,
    last_name           TEXT NOT NULL,
    judicial_grade      INTEGER CHECK (judicial_grade IS NULL OR judicial_grade BETWEEN 1 AND 11),
    on_kanoon_directors INTEGER NOT NULL DEFAULT 0 CHECK (on_kanoon_directors IN (0, 1))
) STRICT;

-- Who holds which seat of a board (Arts 23–25): two judges, a representative, and one
-- alternate of each kind.
CREATE TABLE board_seats (
    board_id  INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    seat      TEXT NOT NULL CHECK (seat IN ('judge_1', 'judge_2', 'representative',
                                            'alternate_judge', 'alternate_representative')),
    member_id INTEGER NOT NULL REFERENCES members(id),
    PRIMARY KEY (board_id, seat),
    UNIQUE (board_id, member_id)
) STRICT;

-- A judicial e-services office (دفتر خدمات الکترونیک قضایی).
CREATE TABLE offices (
    id                 INTEGER PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    city               TEXT NOT NULL,
    province           TEXT NOT NULL,
    licence_issued_on  TEXT,
    licence_expires_on TEXT
) STRICT;

-- The licence holder who answers for the office (Art 29, note).
CREATE TABLE managers (
    id          INTEGER PRIMARY KEY,
    national_id TEXT NOT NULL UNIQUE CHECK (length(national_id) = 10),
    first_name  TEXT NOT NULL,
    last_name   TEXT NOT NULL,
    office_id   INTEGER REFERENCES offices(id)
) STRICT;

-- A case before a board. Its number is unique per board and Solar Hijri year.
CREATE TABLE cases (
    id            INTEGER PRIMARY KEY,
    board_id      INTEGER NOT NULL REFERENCES boards(id),
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    office_id     INTEGER NOT NULL REFERENCES offices(id),
    manager_id    INTEGER NOT NULL REFERENCES managers(id),
    status        TEXT NOT NULL CHECK (status IN ('registered', 'in_review', 'scheduled', 'heard',
                      'decided', 'notified', 'final', 'appealed', 'appeal_decided')),
    registered_on TEXT NOT NULL,
    subject       TEXT NOT NULL,
    UNIQUE (board_id, year, seq)
) STRICT;

CREATE INDEX cases_by_status ON cases(status);
CREATE INDEX cases_by_office ON cases(office_id);

-- A violation alleged in a case: a catalogue clause id (e.g. `1401:37:f`) or a measured
-- kind (`absence`, `closure`) with its days.
CREATE TABLE charges (
    id                      INTEGER PRIMARY KEY,
    case_id                 INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    violation               TEXT NOT NULL,
    committed_on            TEXT NOT NULL,
    days                    INTEGER CHECK (days IS NULL OR days >= 1),
    facts                   TEXT NOT NULL DEFAULT '',
    last_prosecution_act_on TEXT
) STRICT;

CREATE INDEX charges_by_case ON charges(case_id);
