-- Checks crates/store/pg-roles.sql on a database where it was applied: as `heyat_app`, what
-- the app writes is allowed and the record cannot be rewritten, by grant (SQLSTATE 42501)
-- before any trigger is reached. One transaction, rolled back.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
\o /dev/null
BEGIN;
CREATE FUNCTION pg_temp.denied(stmt TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE stmt;
    EXCEPTION WHEN insufficient_privilege THEN
        RETURN;
    END;
    RAISE EXCEPTION 'roles: «%» was allowed to heyat_app', stmt;
END;
$$;
SET ROLE heyat_app;
SELECT pg_temp.denied(s) FROM unnest(ARRAY[
    'UPDATE audit_log SET actor = ''x''',
    'DELETE FROM audit_log',
    'TRUNCATE audit_log',
    'UPDATE ruling_seals SET pdf_sha256 = ''x''',
    'DELETE FROM ruling_seals',
    'DELETE FROM audit_checkpoints',
    'UPDATE reporter_reads SET read_at = ''x''',
    'DELETE FROM reporter_reads',
    'UPDATE received_packages SET origin_board = ''x''',
    'DELETE FROM sent_packages',
    'DELETE FROM rulings',
    'DELETE FROM cases',
    'TRUNCATE cases CASCADE',
    'CREATE TABLE intruder (x int)',
    'DROP TABLE holidays',
    'ALTER TABLE rulings DISABLE TRIGGER ALL'
]) AS s;
-- What the proceedings write is allowed.
INSERT INTO holidays (day, title) VALUES ('2099-01-01', 'آزمایش نقش برنامه');
UPDATE holidays SET title = 'آزمایش' WHERE day = '2099-01-01';
DELETE FROM holidays WHERE day = '2099-01-01';
SELECT count(*) FROM cases;
RESET ROLE;
ROLLBACK;
\o
\echo pg-roles: heyat_app writes the proceedings and cannot rewrite the record
