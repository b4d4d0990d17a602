-- What the engine needs from the case file and the manager's record (Arts 30, 31, 43), and
-- votes kept by the kind of question they answer. Append-only: never edit this file once
-- shipped.

-- A ruling keeps the terms it imposed: the months of a suspension from management (grades
-- 5 and 6, Art 29) and the years of a suspended prosecution (Art 31), and the day it became
-- final (Art 33), which starts nothing by itself but dates the manager's record.
ALTER TABLE rulings ADD COLUMN suspension_months INTEGER
    CHECK (suspension_months IS NULL OR suspension_months BETWEEN 1 AND 36);
ALTER TABLE rulings ADD COLUMN suspension_years INTEGER
    CHECK (suspension_years IS NULL OR suspension_years BETWEEN 1 AND 2);
ALTER TABLE rulings ADD COLUMN final_on TEXT;

-- The signed ruling stays as signed; its only change is the move to final, which sets the
-- day it became final and nothing else (replaces the trigger of migration 0002).
DROP TRIGGER rulings_signed_immutable;
CREATE TRIGGER rulings_signed_immutable BEFORE UPDATE ON rulings
WHEN OLD.status IN ('signed', 'final')
 AND NOT (OLD.status = 'signed' AND NEW.status = 'final'
          AND NEW.case_id IS OLD.case_id AND NEW.session_id IS OLD.session_id
          AND NEW.stage IS OLD.stage AND NEW.outcome IS OLD.outcome AND NEW.grade IS OLD.grade
          AND NEW.text IS OLD.text AND NEW.suggestion IS OLD.suggestion
          AND NEW.drafted_on IS OLD.drafted_on AND NEW.signed_on IS OLD.signed_on
          AND NEW.content_hash IS OLD.content_hash
          AND NEW.suspension_months IS OLD.suspension_months
          AND NEW.suspension_years IS OLD.suspension_years)
BEGIN
    SELECT RAISE(ABORT, 'heyat:signed_ruling');
END;

-- The day a final penalty was carried out: it starts Art 43's two years. Kept apart from
-- the ruling, which never changes once signed.
CREATE TABLE penalty_executions (
    ruling_id      INTEGER PRIMARY KEY REFERENCES rulings(id),
    carried_out_on TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT ''
) STRICT;

-- Facts about the manager that bar prosecution (Art 30): death, permanent separation from
-- managing the office; recorded on the day they became known to the board.
ALTER TABLE managers ADD COLUMN deceased_on TEXT;
ALTER TABLE managers ADD COLUMN separated_on TEXT;

-- A complaint withdrawn by the complainant (1396 Art 38 note 2; 1392 Art 26 note 2).
ALTER TABLE complaints ADD COLUMN withdrawn_on TEXT;

-- A vote answers a question of a kind (guilt on one charge, the grade, mitigation,
-- suspension), not recognised by its words.
ALTER TABLE votes ADD COLUMN kind TEXT
    CHECK (kind IS NULL OR kind IN ('guilt', 'grade', 'mitigation', 'suspension'));
ALTER TABLE votes ADD COLUMN charge_id INTEGER REFERENCES charges(id);
UPDATE votes SET kind = CASE
    WHEN question LIKE 'آیا تخلف%' THEN 'guilt'
    WHEN question LIKE 'درجهٔ مجازات%' THEN 'grade'
    WHEN question LIKE 'آیا مجازات%' THEN 'mitigation'
    WHEN question LIKE 'آیا تعقیب%' THEN 'suspension'
END;

