-- PostgreSQL mirror of migrations/0008_member_office_manager.sql (the SQLite migration of
-- the same name). Append-only: never edit this file once shipped.
--
-- Art 23 of the 1401 regulation: the first-instance board's Kanoon representative is chosen
-- «from among the office managers» (مدیران دفتر: licence holders, Art 1(ث)) who are not on
-- the Kanoon's board of directors; the alternate representative (Art 25) likewise. A member
-- now records the code of the office whose licence they hold (digits, as `offices.code`);
-- NULL when they manage none. The office need not be on record in this database.
-- Members on record before this migration have none: they keep their seats, and the fact is
-- asked when a Kanoon representative is next seated.
--
-- SQLite's `NOT GLOB '*[^0-9]*'` (no character but an ASCII digit) is the regular expression
-- `!~ '[^0-9]'`.

ALTER TABLE members ADD COLUMN manages_office TEXT
    CHECK (manages_office IS NULL OR (manages_office <> '' AND manages_office !~ '[^0-9]'));
