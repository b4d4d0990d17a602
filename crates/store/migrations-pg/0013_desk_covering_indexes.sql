-- PostgreSQL mirror of migrations/0013_desk_covering_indexes.sql (the SQLite migration of the
-- same name). Append-only: never edit this file once shipped.
--
-- The desk's card of suspended prosecutions (Art 31) reads, for each suspended case, every
-- final conviction of the same manager and the latest day its violations were committed.
-- At 100 000 cases that is tens of thousands of lookups; these indexes answer each one from
-- the index alone, without reading the case, ruling or charge row.
CREATE INDEX cases_by_manager_appeal ON cases(manager_id, appeal_of_case_id);
CREATE INDEX rulings_convictions_by_case ON rulings(case_id, status, outcome, grade, final_on);
CREATE INDEX charges_committed_by_case ON charges(case_id, committed_on);
