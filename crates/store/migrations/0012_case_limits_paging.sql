-- Issue 14: a province's size. Append-only: never edit this file once shipped; add 0013 on.
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
CREATE TABLE case_limits (
    case_id       INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    limitation_on TEXT,
    appeal_until  TEXT,
    final_from    TEXT
) STRICT;

CREATE INDEX case_limits_by_limitation ON case_limits(limitation_on) WHERE limitation_on IS NOT NULL;
CREATE INDEX case_limits_by_appeal ON case_limits(appeal_until) WHERE appeal_until IS NOT NULL;
CREATE INDEX case_limits_by_final ON case_limits(final_from) WHERE final_from IS NOT NULL;

-- A case whose limits must be recomputed; `marks` counts the changes, so that a recomputation
-- that raced with a change does not clear the mark the change left.
CREATE TABLE case_limits_stale (
    case_id INTEGER PRIMARY KEY,
    marks   INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Every case on file is recomputed once.
INSERT INTO case_limits_stale (case_id) SELECT id FROM cases;

CREATE TRIGGER case_limits_case_in AFTER INSERT ON cases BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_case_up AFTER UPDATE ON cases BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_charge_in AFTER INSERT ON charges BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_charge_up AFTER UPDATE ON charges BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_charge_out AFTER DELETE ON charges BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (OLD.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_ruling_in AFTER INSERT ON rulings BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_ruling_up AFTER UPDATE ON rulings BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_notice_in AFTER INSERT ON notifications BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM rulings WHERE id = NEW.ruling_id
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_notice_up AFTER UPDATE ON notifications BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM rulings WHERE id = NEW.ruling_id
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_notice_out AFTER DELETE ON notifications BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM rulings WHERE id = OLD.ruling_id
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_appeal_in AFTER INSERT ON appeals BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM rulings WHERE id = NEW.ruling_id
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_appeal_up AFTER UPDATE ON appeals BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM rulings WHERE id = NEW.ruling_id
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_appeal_out AFTER DELETE ON appeals BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM rulings WHERE id = OLD.ruling_id
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_manager_up AFTER UPDATE ON managers BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT id FROM cases WHERE manager_id = NEW.id
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_qualification_in AFTER INSERT ON case_qualifications BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_qualification_out AFTER DELETE ON case_qualifications BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (OLD.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_suspension_in AFTER INSERT ON suspension_orders BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_suspension_up AFTER UPDATE ON suspension_orders BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_complaint_up AFTER UPDATE ON complaints WHEN NEW.case_id IS NOT NULL BEGIN
    INSERT INTO case_limits_stale (case_id) VALUES (NEW.case_id)
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
-- Holidays move the appeal deadlines (Art 33; CPC Art 445): every case with one is recomputed.
CREATE TRIGGER case_limits_holiday_in AFTER INSERT ON holidays BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM case_limits
        WHERE appeal_until IS NOT NULL OR final_from IS NOT NULL
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_holiday_up AFTER UPDATE ON holidays BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM case_limits
        WHERE appeal_until IS NOT NULL OR final_from IS NOT NULL
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
CREATE TRIGGER case_limits_holiday_out AFTER DELETE ON holidays BEGIN
    INSERT INTO case_limits_stale (case_id) SELECT case_id FROM case_limits
        WHERE appeal_until IS NOT NULL OR final_from IS NOT NULL
        ON CONFLICT (case_id) DO UPDATE SET marks = marks + 1;
END;
