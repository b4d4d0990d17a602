-- The app's own account on a PostgreSQL server (issue 15): it may read everything and write
-- what the proceedings write, and nothing more. The owner of the database (who applied
-- crates/store/migrations-pg/) keeps the schema and runs the migrations; the app connects as
-- `heyat_app`, so that even a compromised app cannot rewrite the record:
--
--   - the audit log, the seals of signed rulings, the audit checkpoints, the readings of a
--     reporter's identity, the registers of packages sent and received and the bytes of
--     evidence files are append-only by grant (no UPDATE, DELETE or TRUNCATE), beside the
--     triggers that refuse the same where there are triggers;
--   - a signed ruling's row may be updated only where the triggers allow (finality dates),
--     and never its content: the triggers of migration 0002 refuse it for every role;
--   - no table may be created, altered or dropped, and nothing truncated.
--
-- Run once per database, as its owner, after the migrations; the role is made first by an
-- administrator of the server:
--
--   CREATE ROLE heyat_app LOGIN PASSWORD '…';          -- as a superuser or CREATEROLE
--   psql "postgres://OWNER@HOST/heyat" -v ON_ERROR_STOP=1 -f crates/store/pg-roles.sql
--
-- Run it again after each new migration (a new table gets no grant until then).

-- psql prints nothing for the grants below.
\set QUIET on

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM heyat_app;
GRANT USAGE ON SCHEMA public TO heyat_app;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO heyat_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO heyat_app;

-- What the store changes in place (every `UPDATE` and upsert of crates/store/src, and the
-- marks its triggers keep).
GRANT UPDATE ON
    account_keys, attendance, boards, case_limits, case_limits_stale, case_qualifications,
    cases, charges, complaints, holidays, managers, meta, penalty_executions, rulings,
    sessions, summonses, suspension_orders, users, votes
TO heyat_app;

-- What the store removes (a seat given up, a holiday withdrawn, a charge of a draft case,
-- the signatures of a draft redrafted, and derived rows: the search index, kept limits).
GRANT DELETE ON
    board_seats, case_limits, case_limits_stale, case_qualifications, case_search, charges,
    holidays, ruling_signoffs
TO heyat_app;
