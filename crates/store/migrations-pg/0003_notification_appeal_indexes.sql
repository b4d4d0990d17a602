-- PostgreSQL mirror of migrations/0003_notification_appeal_indexes.sql (the SQLite migration
-- of the same name). Append-only: never edit this file once shipped.
--
-- Opening a case file reads its notifications and appeals through its rulings; without
-- these indexes each read scans both tables.

CREATE INDEX notifications_by_ruling ON notifications(ruling_id);
CREATE INDEX appeals_by_ruling ON appeals(ruling_id);
