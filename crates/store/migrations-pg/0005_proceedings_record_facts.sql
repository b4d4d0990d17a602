-- PostgreSQL mirror of migrations/0005_proceedings_record_facts.sql (the SQLite migration of
-- the same name; types as told in 0001). Append-only: never edit this file once shipped.
--
-- What the engine needs from the case file and the manager's record (Arts 30, 31, 43), and
-- votes kept by the kind of question they answer.

-- A ruling keeps the terms it imposed: the months of a suspension from management (grades
-- 5 and 6, Art 29) and the years of a suspended prosecution (Art 31), and the day it became
-- final (Art 33), which starts nothing by itself but dates the manager's record.
ALTER TABLE rulings ADD COLUMN suspension_months BIGINT
    CHECK (suspension_months IS NULL OR suspension_months BETWEEN 1 AND 36);
ALTER TABLE rulings ADD COLUMN suspension_years BIGINT
    CHECK (suspension_years IS NULL OR suspension_years BETWEEN 1 AND 2);
ALTER TABLE rulings ADD COLUMN final_on TEXT;

-- The signed ruling stays as signed; its only change is the move to final, which sets the
-- day it became final and nothing else (replaces the trigger of migration 0002).
DROP TRIGGER rulings_signed_immutable ON rulings;
CREATE TRIGGER rulings_signed_immutable BEFORE UPDATE ON rulings
FOR EACH ROW
WHEN (OLD.status IN ('signed', 'final')
 AND NOT (OLD.status = 'signed' AND NEW.status = 'final'
          AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id
          AND NEW.session_id IS NOT DISTINCT FROM OLD.session_id
          AND NEW.stage IS NOT DISTINCT FROM OLD.stage
          AND NEW.outcome IS NOT DISTINCT FROM OLD.outcome
          AND NEW.grade IS NOT DISTINCT FROM OLD.grade
          AND NEW.text IS NOT DISTINCT FROM OLD.text
          AND NEW.suggestion IS NOT DISTINCT FROM OLD.suggestion
          AND NEW.drafted_on IS NOT DISTINCT FROM OLD.drafted_on
          AND NEW.signed_on IS NOT DISTINCT FROM OLD.signed_on
          AND NEW.content_hash IS NOT DISTINCT FROM OLD.content_hash
          AND NEW.suspension_months IS NOT DISTINCT FROM OLD.suspension_months
          AND NEW.suspension_years IS NOT DISTINCT FROM OLD.suspension_years))
EXECUTE FUNCTION heyat_refuse('heyat:signed_ruling');

-- The day a final penalty was carried out: it starts Art 43's two years. Kept apart from
-- the ruling, which never changes once signed. Keyed by the ruling's id.
CREATE TABLE penalty_executions (
    ruling_id      BIGINT PRIMARY KEY REFERENCES rulings(id),
    carried_out_on TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT ''
);

-- Facts about the manager that bar prosecution (Art 30): death, permanent separation from
-- managing the office; recorded on the day they became known to the board.
ALTER TABLE managers ADD COLUMN deceased_on TEXT;
ALTER TABLE managers ADD COLUMN separated_on TEXT;

-- A complaint withdrawn by the complainant (1396 Art 38 note 2; 1392 Art 26 note 2).
ALTER TABLE complaints ADD COLUMN withdrawn_on TEXT;

-- A vote answers a question of a kind (guilt on one charge, the grade, mitigation,
-- suspension), not recognised by its words. (SQLite's LIKE ignores the case of ASCII letters
-- only; these patterns have none, so PostgreSQL's LIKE matches the same rows.)
ALTER TABLE votes ADD COLUMN kind TEXT
    CHECK (kind IS NULL OR kind IN ('guilt', 'grade', 'mitigation', 'suspension'));
ALTER TABLE votes ADD COLUMN charge_id BIGINT REFERENCES charges(id);
UPDATE votes SET kind = CASE
    WHEN question LIKE 'آیا تخلف%' THEN 'guilt'
    WHEN question LIKE 'درجهٔ مجازات%' THEN 'grade'
    WHEN question LIKE 'آیا مجازات%' THEN 'mitigation'
    WHEN question LIKE 'آیا تعقیب%' THEN 'suspension'
END;
