-- Issue 13: a day's docket. A sitting (نشست) of one board on one day hears several cases in
-- order; attendance is taken once for the sitting and carried to each case's session, the
-- chair is elected once (Arts 25, 26, 28 of the 1401 regulation). Each case keeps its own
-- session (its attendance, votes and minutes as before), which names its sitting and its
-- place on the docket. Append-only: never edit this file once shipped; add 0011 and onward.

CREATE TABLE sittings (
    id              INTEGER PRIMARY KEY,
    board_id        INTEGER NOT NULL REFERENCES boards(id),
    -- ISO date of the sitting.
    held_on         TEXT NOT NULL,
    -- The chair elected for the sitting among the sitting judges (Art 26).
    chair_member_id INTEGER NOT NULL REFERENCES members(id),
    -- Who opened it (the signed-in actor, as the audit log names them) and when (UTC).
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL
) STRICT;

CREATE INDEX sittings_by_day ON sittings(held_on);

-- Who was in the room, by roster seat, taken once for the sitting: the three holders or the
-- alternates replacing them, and an alternate present who may replace a member recusing on
-- one case (Arts 25, 28).
CREATE TABLE sitting_presence (
    sitting_id INTEGER NOT NULL REFERENCES sittings(id),
    seat       TEXT NOT NULL CHECK (seat IN ('judge_1', 'judge_2', 'representative',
                                             'alternate_judge', 'alternate_representative')),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    PRIMARY KEY (sitting_id, seat)
) STRICT;

-- A session held in a sitting names it and its place on the docket (1, 2, …); a single
-- session held on its own has neither.
ALTER TABLE sessions ADD COLUMN sitting_id INTEGER REFERENCES sittings(id);
ALTER TABLE sessions ADD COLUMN docket_order INTEGER;
CREATE UNIQUE INDEX sessions_by_sitting ON sessions(sitting_id, docket_order)
    WHERE sitting_id IS NOT NULL;
