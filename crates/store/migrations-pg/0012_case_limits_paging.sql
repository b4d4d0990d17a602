-- PostgreSQL mirror of migrations/0012_case_limits_paging.sql (the SQLite migration of the
-- same name; types as told in 0001). Append-only: never edit this file once shipped.
--
-- Issue 14: a province's size.
--
-- 1. The case list is read a page at a time, newest first, under any filter: indexes that
--    give that order without sorting the whole table.
CREATE INDEX cases_by_registered ON cases(registered_on, id);
CREATE INDEX cases_by_status_registered ON cases(status, registered_on, id);
CREATE INDEX cases_by_board_registered ON cases(board_id, registered_on, id);

-- 2. What the engine decided about each case's limits, kept instead of recomputed for every
--    case at each opening of the desk: the earliest limitation of prosecution (Art 30) of a
--    case not yet ruled on, the last day to appeal a served ruling (Art 33), and the first
--    day that ruling is final when no one appeals in time. Derived data only: the store
--    recomputes a case's row whenever it is marked stale, and every fact the limits are
--    computed from marks it (the triggers below, in the same transaction as the change).
--    Keyed by the case's id.
CREATE TABLE case_limits (
    case_id       BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    limitation_on TEXT,
    appeal_until  TEXT,
    final_from    TEXT
);

CREATE INDEX case_limits_by_limitation ON case_limits(limitation_on) WHERE limitation_on IS NOT NULL;
CREATE INDEX case_limits_by_appeal ON case_limits(appeal_until) WHERE appeal_until IS NOT NULL;
CREATE INDEX case_limits_by_final ON case_limits(final_from) WHERE final_from IS NOT NULL;

-- A case whose limits must be recomputed; `marks` counts the changes, so that a recomputation
-- that raced with a change does not clear the mark the change left. (No foreign key, as in
-- SQLite.)
CREATE TABLE case_limits_stale (
    case_id BIGINT PRIMARY KEY,
    marks   BIGINT NOT NULL DEFAULT 1
);

-- Every case on file is recomputed once.
INSERT INTO case_limits_stale (case_id) SELECT id FROM cases;

-- SQLite's row triggers `AFTER … BEGIN INSERT INTO case_limits_stale … ON CONFLICT (case_id)
-- DO UPDATE SET marks = marks + 1; END` become AFTER row triggers of the same names calling
-- these functions, which do the same write. (PostgreSQL runs AFTER row triggers at the end of
-- the statement rather than after each row; both are in the change's transaction, which is
-- all the store relies on.) No SELECT here yields a case twice, so the upsert never meets
-- the same row twice in one statement.

-- A case itself, inserted or updated: its id.
CREATE FUNCTION heyat_case_limits_mark_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.id)
        ON CONFLICT (case_id) DO UPDATE SET marks = case_limits_stale.marks + 1;
    RETURN NULL;
END;
$$;

-- A row naming its case (charges, rulings, qualifications, suspension orders, complaints):
-- the new row's case, or on delete the old row's.
CREATE FUNCTION heyat_case_limits_mark_case_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO case_limits_stale (case_id) VALUES (OLD.case_id)
            ON CONFLICT (case_id) DO UPDATE SET marks = case_limits_stale.marks + 1;
    ELSE
        INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
            ON CONFLICT (case_id) DO UPDATE SET marks = case_limits_stale.marks + 1;
    END IF;
    RETURN NULL;
END;
$$;

-- A row naming a ruling (notifications, appeals): the ruling's case, if the ruling exists.
CREATE FUNCTION heyat_case_limits_mark_ruling_id() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ruling BIGINT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        ruling := OLD.ruling_id;
    ELSE
        ruling := NEW.ruling_id;
    END IF;
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM rulings WHERE id = ruling
        ON CONFLICT (case_id) DO UPDATE SET marks = case_limits_stale.marks + 1;
    RETURN NULL;
END;
$$;

-- A manager updated: every case against them.
CREATE FUNCTION heyat_case_limits_mark_manager() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT id FROM cases WHERE manager_id = NEW.id
        ON CONFLICT (case_id) DO UPDATE SET marks = case_limits_stale.marks + 1;
    RETURN NULL;
END;
$$;

-- Holidays move the appeal deadlines (Art 33; CPC Art 445): every case with one is recomputed.
CREATE FUNCTION heyat_case_limits_mark_holiday() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM case_limits
        WHERE appeal_until IS NOT NULL OR final_from IS NOT NULL
        ON CONFLICT (case_id) DO UPDATE SET marks = case_limits_stale.marks + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER case_limits_case_in AFTER INSERT ON cases
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case();
CREATE TRIGGER case_limits_case_up AFTER UPDATE ON cases
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case();
CREATE TRIGGER case_limits_charge_in AFTER INSERT ON charges
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_charge_up AFTER UPDATE ON charges
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_charge_out AFTER DELETE ON charges
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_ruling_in AFTER INSERT ON rulings
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_ruling_up AFTER UPDATE ON rulings
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_notice_in AFTER INSERT ON notifications
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_ruling_id();
CREATE TRIGGER case_limits_notice_up AFTER UPDATE ON notifications
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_ruling_id();
CREATE TRIGGER case_limits_notice_out AFTER DELETE ON notifications
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_ruling_id();
CREATE TRIGGER case_limits_appeal_in AFTER INSERT ON appeals
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_ruling_id();
CREATE TRIGGER case_limits_appeal_up AFTER UPDATE ON appeals
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_ruling_id();
CREATE TRIGGER case_limits_appeal_out AFTER DELETE ON appeals
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_ruling_id();
CREATE TRIGGER case_limits_manager_up AFTER UPDATE ON managers
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_manager();
CREATE TRIGGER case_limits_qualification_in AFTER INSERT ON case_qualifications
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_qualification_out AFTER DELETE ON case_qualifications
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_suspension_in AFTER INSERT ON suspension_orders
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_suspension_up AFTER UPDATE ON suspension_orders
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_case_id();
CREATE TRIGGER case_limits_complaint_up AFTER UPDATE ON complaints
    FOR EACH ROW WHEN (NEW.case_id IS NOT NULL)
    EXECUTE FUNCTION heyat_case_limits_mark_case_id();
-- Holidays: once per row written, as SQLite's row triggers do.
CREATE TRIGGER case_limits_holiday_in AFTER INSERT ON holidays
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_holiday();
CREATE TRIGGER case_limits_holiday_up AFTER UPDATE ON holidays
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_holiday();
CREATE TRIGGER case_limits_holiday_out AFTER DELETE ON holidays
    FOR EACH ROW EXECUTE FUNCTION heyat_case_limits_mark_holiday();
