-- Smoke test of the PostgreSQL schema (migrations-pg/0001…0012 applied, in order): a board,
-- its members and seats, an office, its manager, a case with a charge, a session, a ruling
-- drafted, signed off, signed and sealed; then what the triggers must refuse (with the exact
-- `heyat:…` message the store maps to its Persian errors) and what they must allow, the
-- marks on case_limits_stale, the JSON CHECK of summonses, the search table's tsvector and
-- the audit log's expression indexes. Each check is a DO block that raises when the schema
-- does not behave, so a missing or wrong trigger fails the script. Everything runs in one
-- transaction that is rolled back: the database is left as it was.
--
--   scripts/pg start
--   psql "$(scripts/pg url)" -X -v ON_ERROR_STOP=1 -f crates/store/tests/pg-smoke.sql
--
-- (on a database where the migrations were applied, e.g. by the store or with
-- `psql -v ON_ERROR_STOP=1 -1 -f` on each file of crates/store/migrations-pg in order).

\set ON_ERROR_STOP 1
SET client_min_messages = warning;
BEGIN;

-- Runs `stmt` and passes only if it fails with the message (or SQLSTATE, or LIKE pattern
-- ending in %) `expected`; raises if it succeeds or fails otherwise.
CREATE FUNCTION pg_temp.expect_refusal(stmt TEXT, expected TEXT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE stmt;
    EXCEPTION WHEN OTHERS THEN
        IF SQLERRM = expected OR SQLSTATE = expected
           OR (expected LIKE '%\%' AND SQLERRM LIKE expected) THEN
            RETURN;
        END IF;
        RAISE EXCEPTION 'smoke: «%» failed with «%» (%), expected «%»', stmt, SQLERRM, SQLSTATE, expected;
    END;
    RAISE EXCEPTION 'smoke: «%» was not refused (expected «%»)', stmt, expected;
END;
$$;

-- Raises `what` unless `ok`.
CREATE FUNCTION pg_temp.check(ok BOOLEAN, what TEXT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ok IS NOT TRUE THEN
        RAISE EXCEPTION 'smoke: %', what;
    END IF;
END;
$$;

-- The case file. Ids are explicit where later rows name them; the other tables take theirs
-- from the identity. (An explicit id does not move the identity's sequence: a table must not
-- be given both, or the next generated id collides.)
INSERT INTO boards (id, kind, name, province, term_start, term_end)
    VALUES (1, 'first_instance', 'هیأت بدوی تهران', 'تهران', '2024-01-01', '2026-12-31');
INSERT INTO members (id, kind, first_name, last_name, judicial_grade) VALUES
    (1, 'judge', 'علی', 'احمدی', 9),
    (2, 'judge', 'رضا', 'محمدی', 10);
INSERT INTO members (id, kind, first_name, last_name, manages_office)
    VALUES (3, 'kanoon_rep', 'مریم', 'کریمی', '27');
INSERT INTO board_seats (board_id, seat, member_id) VALUES
    (1, 'judge_1', 1), (1, 'judge_2', 2),
    (1, 'representative', (SELECT id FROM members WHERE last_name = 'کریمی'));
UPDATE boards SET chair_member_id = 1 WHERE id = 1;
INSERT INTO offices (id, code, name, city, province) VALUES (1, '27', 'دفتر ۲۷', 'تهران', 'تهران');
INSERT INTO managers (id, national_id, first_name, last_name, office_id)
    VALUES (1, '0012345678', 'حسن', 'قاسمی', 1);
INSERT INTO cases (id, board_id, year, seq, office_id, manager_id, status, registered_on, subject)
    VALUES (1, 1, 1403, 12, 1, 1, 'registered', '2024-05-01', 'غیبت مدیر');
INSERT INTO charges (case_id, violation, committed_on, days) VALUES (1, 'absence', '2024-04-01', 3);
INSERT INTO sessions (id, case_id, board_id, held_on, chair_member_id) VALUES (1, 1, 1, '2024-06-01', 1);
INSERT INTO attendance (session_id, seat, member_id) VALUES
    (1, 'judge_1', 1), (1, 'judge_2', 2),
    (1, 'representative', (SELECT id FROM members WHERE last_name = 'کریمی'));
INSERT INTO votes (session_id, question, member_id, choice, kind, charge_id)
    VALUES (1, 'آیا تخلف محرز است؟', 1, 'yes', 'guilt', (SELECT id FROM charges WHERE case_id = 1));
INSERT INTO rulings (id, case_id, session_id, outcome, grade, text, drafted_on, content_json)
    VALUES (1, 1, 1, 'conviction', 2, 'متن رأی', '2024-06-01', '{"case_id":1}');
INSERT INTO ruling_signoffs (ruling_id, member_id, signed_at) VALUES
    (1, 1, '2024-06-01T10:00:00Z'), (1, 2, '2024-06-01T10:01:00Z');

-- A draft is the board's to change, and its charges too: nothing refuses them yet.
UPDATE rulings SET text = 'متن رأی، ویراسته' WHERE id = 1;
UPDATE charges SET days = 4 WHERE case_id = 1;
INSERT INTO case_qualifications (case_id, condition, found_on) VALUES (1, '1401:9:d', '2024-06-01');

-- The rows addressed by SQLite's implicit rowid have one here, and it is returned.
DO $$
DECLARE r BIGINT;
BEGIN
    INSERT INTO holidays (day, title) VALUES ('2024-06-05', 'تعطیل')
        ON CONFLICT (day) DO UPDATE SET title = excluded.title RETURNING rowid INTO r;
    PERFORM pg_temp.check(r IS NOT NULL, 'holidays RETURNING rowid');
    PERFORM pg_temp.check((SELECT count(*) FROM ruling_signoffs WHERE rowid IS NULL) = 0,
                          'ruling_signoffs.rowid filled');
END $$;

-- Signed as the store signs: draft → signed with its day and hash, then sealed.
UPDATE rulings SET status = 'signed', signed_on = '2024-06-02', content_hash = repeat('a', 64)
    WHERE id = 1;
INSERT INTO ruling_seals (ruling_id, sealed, pdf, pdf_sha256, sealed_at)
    VALUES (1, '{"ruling":1}', '\x255044462d', repeat('b', 64), '2024-06-02T09:00:00Z');

-- An UPDATE of the signed ruling's text is refused by the server.
DO $$
BEGIN
    BEGIN
        UPDATE rulings SET text = 'دست‌برده' WHERE id = 1;
    EXCEPTION WHEN raise_exception THEN
        IF SQLERRM <> 'heyat:signed_ruling' THEN
            RAISE EXCEPTION 'smoke: signed ruling update refused with «%»', SQLERRM;
        END IF;
        RETURN;
    END;
    RAISE EXCEPTION 'smoke: UPDATE of a signed ruling''s text was not refused';
END $$;

-- An UPDATE of its seal is refused.
DO $$
BEGIN
    BEGIN
        UPDATE ruling_seals SET sealed = '{}' WHERE ruling_id = 1;
    EXCEPTION WHEN raise_exception THEN
        IF SQLERRM <> 'heyat:signed_ruling' THEN
            RAISE EXCEPTION 'smoke: seal update refused with «%»', SQLERRM;
        END IF;
        RETURN;
    END;
    RAISE EXCEPTION 'smoke: UPDATE of a seal was not refused';
END $$;

-- A DELETE of its seal is refused.
DO $$
BEGIN
    BEGIN
        DELETE FROM ruling_seals WHERE ruling_id = 1;
    EXCEPTION WHEN raise_exception THEN
        IF SQLERRM <> 'heyat:signed_ruling' THEN
            RAISE EXCEPTION 'smoke: seal delete refused with «%»', SQLERRM;
        END IF;
        RETURN;
    END;
    RAISE EXCEPTION 'smoke: DELETE of a seal was not refused';
END $$;

-- The rest of what a signed ruling fixes, with the same exact messages.
DO $$
BEGIN
    PERFORM pg_temp.expect_refusal('UPDATE rulings SET grade = 3 WHERE id = 1', 'heyat:signed_ruling');
    PERFORM pg_temp.expect_refusal('UPDATE rulings SET content_json = ''{}'' WHERE id = 1', 'heyat:signed_ruling');
    PERFORM pg_temp.expect_refusal('UPDATE rulings SET suspension_months = 2 WHERE id = 1', 'heyat:signed_ruling');
    PERFORM pg_temp.expect_refusal('UPDATE rulings SET status = ''draft'' WHERE id = 1', 'heyat:signed_ruling');
    PERFORM pg_temp.expect_refusal('UPDATE rulings SET status = ''final'', text = ''x'' WHERE id = 1', 'heyat:signed_ruling');
    PERFORM pg_temp.expect_refusal('DELETE FROM rulings WHERE id = 1', 'heyat:signed_ruling');
    PERFORM pg_temp.expect_refusal('DELETE FROM ruling_signoffs WHERE ruling_id = 1', 'heyat:signed_ruling');
    PERFORM pg_temp.expect_refusal(
        'INSERT INTO charges (case_id, violation, committed_on) VALUES (1, ''closure'', ''2024-04-02'')',
        'heyat:signed_ruling_charges');
    PERFORM pg_temp.expect_refusal('UPDATE charges SET facts = ''x'' WHERE case_id = 1', 'heyat:signed_ruling_charges');
    PERFORM pg_temp.expect_refusal('DELETE FROM charges WHERE case_id = 1', 'heyat:signed_ruling_charges');
    PERFORM pg_temp.expect_refusal(
        'INSERT INTO case_qualifications (case_id, condition, found_on) VALUES (1, ''1401:10'', ''2024-06-01'')',
        'heyat:signed_ruling_charges');
    PERFORM pg_temp.expect_refusal('UPDATE case_qualifications SET note = ''x'' WHERE case_id = 1', 'heyat:signed_ruling_charges');
    PERFORM pg_temp.expect_refusal('DELETE FROM case_qualifications WHERE case_id = 1', 'heyat:signed_ruling_charges');
    -- PostgreSQL's own hole, TRUNCATE (alone or by cascade), is closed too.
    PERFORM pg_temp.expect_refusal('TRUNCATE ruling_seals', 'heyat:signed_ruling');
    PERFORM pg_temp.expect_refusal('TRUNCATE rulings CASCADE', 'heyat:signed_ruling%');
    PERFORM pg_temp.expect_refusal('TRUNCATE cases CASCADE', 'heyat:signed_ruling%');
END $$;

-- Its one allowed move: signed → final, setting the day it became final and nothing else.
UPDATE rulings SET status = 'final', final_on = '2024-06-30' WHERE id = 1;
DO $$
BEGIN
    PERFORM pg_temp.check((SELECT status FROM rulings WHERE id = 1) = 'final', 'signed → final');
    PERFORM pg_temp.expect_refusal('UPDATE rulings SET final_on = ''2024-07-01'' WHERE id = 1', 'heyat:signed_ruling');
END $$;

-- The audit log is append-only; the reporter's identity stays out of the complaint.
INSERT INTO audit_log (id, at, actor, action, table_name, row_id, before, after, prev_hash, hash)
VALUES
    (1, '2024-06-01T10:00:00Z', 'admin', 'insert', 'charges', 7, NULL,
     '{"case_id":1,"id":7,"violation":"absence"}', repeat('0', 64), repeat('1', 64)),
    (2, '2024-06-01T10:00:01Z', 'admin', 'insert', 'attendance', 3, NULL,
     '{"member_id":1,"seat":"judge_1","session_id":1}', repeat('1', 64), repeat('2', 64)),
    (3, '2024-06-01T10:00:02Z', 'admin', 'delete', 'notifications', 4,
     '{"id":4,"ruling_id":1}', NULL, repeat('2', 64), repeat('3', 64));
DO $$
BEGIN
    PERFORM pg_temp.expect_refusal('UPDATE audit_log SET actor = ''x''', 'heyat:audit_append_only');
    PERFORM pg_temp.expect_refusal('DELETE FROM audit_log', 'heyat:audit_append_only');
    PERFORM pg_temp.expect_refusal('TRUNCATE audit_log', 'heyat:audit_append_only');
    PERFORM pg_temp.expect_refusal(
        'INSERT INTO complaints (kind, source, received_on, summary, reporter_name)
         VALUES (''complaint'', ''client'', ''2024-05-01'', ''x'', ''نام'')', 'heyat:reporter_apart');
END $$;

-- The audit rows of a case are found by the indexed expressions, with the ids as the store
-- binds them (bigint, compared as text), and the planner can use the indexes for it.
DO $$
DECLARE
    plan TEXT := '';
    line TEXT;
BEGIN
    PERFORM pg_temp.check((SELECT count(*) FROM audit_log
                           WHERE (coalesce(after, before)::jsonb ->> 'case_id') = 1::bigint::text) = 1,
                          'audit row by case_id');
    PERFORM pg_temp.check((SELECT count(*) FROM audit_log
                           WHERE (coalesce(after, before)::jsonb ->> 'session_id')
                                 = ANY (ARRAY[1, 2]::bigint[]::text[])) = 1,
                          'audit row by session_id');
    PERFORM pg_temp.check((SELECT count(*) FROM audit_log
                           WHERE (coalesce(after, before)::jsonb ->> 'ruling_id')
                                 = ANY (ARRAY[1]::bigint[]::text[])) = 1,
                          'audit row by ruling_id');
    SET LOCAL enable_seqscan = off;
    FOR line IN EXECUTE 'EXPLAIN SELECT id FROM audit_log
                         WHERE (coalesce(after, before)::jsonb ->> ''case_id'') = $1::bigint::text'
                USING 1 LOOP
        plan := plan || line;
    END LOOP;
    PERFORM pg_temp.check(plan LIKE '%audit_by_case_id%', 'audit_by_case_id not used: ' || plan);
    plan := '';
    FOR line IN EXECUTE 'EXPLAIN SELECT id FROM audit_log
                         WHERE (coalesce(after, before)::jsonb ->> ''session_id'') = ANY ($1::bigint[]::text[])'
                USING ARRAY[1, 2]::bigint[] LOOP
        plan := plan || line;
    END LOOP;
    PERFORM pg_temp.check(plan LIKE '%audit_by_session_id%', 'audit_by_session_id not used: ' || plan);
    RESET enable_seqscan;
END $$;

-- Writing a case (and what its limits are computed from) marks it in case_limits_stale,
-- counting the marks.
DO $$
DECLARE before BIGINT;
BEGIN
    PERFORM pg_temp.check((SELECT marks FROM case_limits_stale WHERE case_id = 1) IS NOT NULL,
                          'the new case is marked');
    DELETE FROM case_limits_stale;
    UPDATE cases SET status = 'decided' WHERE id = 1;
    PERFORM pg_temp.check((SELECT marks FROM case_limits_stale WHERE case_id = 1) = 1,
                          'updating a case marks it once');
    UPDATE cases SET subject = subject || '.' WHERE id = 1;
    PERFORM pg_temp.check((SELECT marks FROM case_limits_stale WHERE case_id = 1) = 2,
                          'a second update counts a second mark');
    INSERT INTO notifications (ruling_id, recipient, method, notified_on)
        VALUES (1, 'manager', 'electronic', '2024-06-03');
    PERFORM pg_temp.check((SELECT marks FROM case_limits_stale WHERE case_id = 1) = 3,
                          'a notification marks its ruling''s case');
    UPDATE managers SET separated_on = '2024-07-01' WHERE id = 1;
    PERFORM pg_temp.check((SELECT marks FROM case_limits_stale WHERE case_id = 1) = 4,
                          'a manager''s change marks their cases');
    INSERT INTO case_limits (case_id, appeal_until) VALUES (1, '2024-06-23');
    INSERT INTO holidays (day, title) VALUES ('2024-06-10', 'تعطیل');
    PERFORM pg_temp.check((SELECT marks FROM case_limits_stale WHERE case_id = 1) = 5,
                          'a holiday marks the cases with an appeal deadline');
    INSERT INTO complaints (kind, source, received_on, summary)
        VALUES ('complaint', 'client', '2024-05-01', 'شکایت');
    SELECT marks INTO before FROM case_limits_stale WHERE case_id = 1;
    UPDATE complaints SET case_id = 1 WHERE case_id IS NULL;
    PERFORM pg_temp.check((SELECT marks FROM case_limits_stale WHERE case_id = 1) = before + 1,
                          'a complaint joined to the case marks it');
    INSERT INTO cases (id, board_id, year, seq, office_id, manager_id, status, registered_on, subject)
        VALUES (2, 1, 1403, 13, 1, 1, 'suspended', '2024-05-02', 'تعطیلی دفتر');
    PERFORM pg_temp.check((SELECT marks FROM case_limits_stale WHERE case_id = 2) = 1,
                          'a new case (status suspended, from 0009) is marked');
END $$;

-- CHECKs carried over from SQLite: the summons' charges are a non-empty JSON array (a
-- malformed one fails the CHECK, as json_valid does); a member's office code is digits.
INSERT INTO summonses (case_id, issued_on, session_on, at_time, place, charges)
    VALUES (1, '2024-05-10', '2024-05-25', '10:00', 'تهران', '[{"violation":"absence"}]');
DO $$
BEGIN
    PERFORM pg_temp.expect_refusal(
        'INSERT INTO summonses (case_id, issued_on, session_on, at_time, place, charges)
         VALUES (1, ''2024-05-10'', ''2024-05-26'', ''10:00'', ''x'', ''[]'')', '23514');
    PERFORM pg_temp.expect_refusal(
        'INSERT INTO summonses (case_id, issued_on, session_on, at_time, place, charges)
         VALUES (1, ''2024-05-10'', ''2024-05-27'', ''10:00'', ''x'', ''[{'')', '23514');
    PERFORM pg_temp.expect_refusal(
        'INSERT INTO summonses (case_id, issued_on, session_on, at_time, place, charges)
         VALUES (1, ''2024-05-10'', ''2024-05-28'', ''10:00'', ''x'', ''{"a":1}'')', '23514');
    PERFORM pg_temp.expect_refusal('UPDATE members SET manages_office = ''27a'' WHERE id = 1', '23514');
    PERFORM pg_temp.expect_refusal('UPDATE members SET manages_office = '''' WHERE id = 1', '23514');
    PERFORM pg_temp.expect_refusal(
        'INSERT INTO case_qualifications (case_id, condition, found_on) VALUES (2, ''1401:12'', ''2024-06-01'')', '23514');
    PERFORM pg_temp.expect_refusal('UPDATE cases SET status = ''lost'' WHERE id = 2', '23514');
    -- Foreign keys are checked without any pragma.
    PERFORM pg_temp.expect_refusal(
        'INSERT INTO charges (case_id, violation, committed_on) VALUES (999, ''absence'', ''2024-01-01'')', '23503');
END $$;

-- The search table: rows written as the store writes FTS5 rows (folded words), matched with
-- every word as a prefix, all required.
INSERT INTO case_search (rowid, number, office, manager, facts) VALUES
    (1, '1403 0012 12', '27 دفتر 27 تهران تهران', 'حسن قاسمی 0012345678', 'غیبت مدیر absence'),
    (2, '1403 0013 13', '27 دفتر 27 تهران تهران', 'حسن قاسمی 0012345678', 'تعطیلی دفتر closure');
DO $$
BEGIN
    PERFORM pg_temp.check((SELECT array_agg(rowid ORDER BY rowid) FROM case_search
                           WHERE document @@ to_tsquery('simple', '''قاسم'':* & ''غیب'':*')) = ARRAY[1]::bigint[],
                          'prefix search, all words required');
    PERFORM pg_temp.check((SELECT count(*) FROM case_search
                           WHERE document @@ to_tsquery('simple', '''0013'':* & ''1403'':*')) = 1,
                          'search by case number');
    PERFORM pg_temp.check((SELECT count(*) FROM case_search
                           WHERE document @@ to_tsquery('simple', '''تهران'':*')) = 2,
                          'search by city');
    PERFORM pg_temp.check((SELECT count(*) FROM case_search
                           WHERE document @@ to_tsquery('simple', '''CLOS'':*')) = 1,
                          'search ignores letter case');
    PERFORM pg_temp.check((SELECT count(*) FROM case_search
                           WHERE document @@ to_tsquery('simple', '''احمد'':*')) = 0,
                          'no false match');
END $$;

ROLLBACK;
\echo 'pg-smoke: all checks passed'
