-- Each board member signs a ruling with a PIN of their own (Art 27: the members sign).
-- Only a salted, iterated SHA-256 of the PIN is kept; the audit log records that a PIN
-- was set, never its hash. Append-only: never edit this file once shipped.
CREATE TABLE member_pins (
    member_id INTEGER PRIMARY KEY REFERENCES members(id),
    salt      TEXT NOT NULL,
    pin_hash  TEXT NOT NULL CHECK (length(pin_hash) = 64),
    set_at    TEXT NOT NULL
) STRICT;

-- Sessions the secretary schedules before they are held (DOMAIN.md, step 3).
CREATE TABLE scheduled_sessions (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    board_id     INTEGER NOT NULL REFERENCES boards(id),
    scheduled_on TEXT NOT NULL,
    -- HH:MM, or empty when only the day is set.
    at_time      TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX scheduled_sessions_by_day ON scheduled_sessions(scheduled_on);
CREATE INDEX scheduled_sessions_by_case ON scheduled_sessions(case_id);

-- A case before the appeal board names the first-instance case it reviews (Art 33), so
-- the first-instance file goes with it.
ALTER TABLE cases ADD COLUMN appeal_of_case_id INTEGER REFERENCES cases(id);
CREATE INDEX cases_by_appeal_of ON cases(appeal_of_case_id);

-- A case's history is read from the audit log by the ids its rows carry; without these
-- indexes every read scans the whole log.
CREATE INDEX audit_by_row ON audit_log(table_name, row_id);
CREATE INDEX audit_by_case_id ON audit_log(json_extract(coalesce(after, before), '$.case_id'));
CREATE INDEX audit_by_session_id ON audit_log(json_extract(coalesce(after, before), '$.session_id'));
CREATE INDEX audit_by_ruling_id ON audit_log(json_extract(coalesce(after, before), '$.ruling_id'));

-- Wrong PINs, so that a PIN cannot be guessed by trying them all: after five wrong tries in
-- fifteen minutes the member's PIN is refused until the quarter-hour has passed.
CREATE TABLE pin_failures (
    member_id INTEGER NOT NULL REFERENCES members(id),
    at        TEXT NOT NULL
) STRICT;
CREATE INDEX pin_failures_by_member ON pin_failures(member_id, at);
