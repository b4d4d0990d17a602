-- Issue 13: the summons (اخطاریه) — the notice to the office manager of the charges against
-- him and of the session, its service, and the written defence received.
-- Append-only: never edit this file once shipped; add 0012 and onward.
--
-- The 1401 regulation sets no procedure for it; the rules are heyat-core's
-- `proceedings::summons` (ten days to defend from service, counted by CPC Arts 444–445; the
-- session after them; a late defence kept and marked late).
CREATE TABLE summonses (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases(id),
    issued_on           TEXT NOT NULL,
    -- The session the manager is summoned to: its day, its time (HH:MM), where it sits, and
    -- the scheduled session it is (made by the same action when none was set for that day).
    session_on          TEXT NOT NULL CHECK (session_on > issued_on),
    at_time             TEXT NOT NULL,
    place               TEXT NOT NULL,
    scheduled_session_id INTEGER REFERENCES scheduled_sessions(id),
    -- The charges as the case held them when the summons was issued, frozen (JSON list of
    -- {violation, committed_on, days, facts}): what the manager was told, whatever is
    -- framed later; every print of the summons reads these.
    charges             TEXT NOT NULL CHECK (json_valid(charges) AND json_array_length(charges) > 0),
    served_on           TEXT,
    method              TEXT CHECK (method IS NULL OR method IN ('electronic', 'in_person', 'post')),
    -- The last day to defend, computed from the service (with the holidays of that day).
    defence_due         TEXT,
    defence_received_on TEXT,
    defence_late        INTEGER CHECK (defence_late IS NULL OR defence_late IN (0, 1)),
    defence_note        TEXT NOT NULL DEFAULT '',
    CHECK ((served_on IS NULL) = (method IS NULL) AND (served_on IS NULL) = (defence_due IS NULL)),
    CHECK (served_on IS NULL OR served_on >= issued_on),
    CHECK (defence_received_on IS NULL OR (served_on IS NOT NULL AND defence_received_on >= served_on)),
    CHECK ((defence_received_on IS NULL) = (defence_late IS NULL)),
    UNIQUE (case_id, session_on)
) STRICT;

CREATE INDEX summonses_by_case ON summonses(case_id);
