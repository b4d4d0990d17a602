#!/usr/bin/env bash
# Compares the SQLite schema (migrations/ applied in order to a scratch file with the sqlite3
# CLI) with a PostgreSQL database where migrations-pg/ were applied: tables, columns with
# their types, nullability and defaults, foreign keys with their ON DELETE, indexes (named
# ones by name, table, uniqueness, partiality and columns; the ones behind PRIMARY KEY and
# UNIQUE by their columns) and trigger names. Prints the differences and fails on any but
# the ones the PostgreSQL port makes on purpose:
#   - FTS5's shadow tables (case_search_*) exist in SQLite only;
#   - `rowid` columns (SQLite's implicit rowid made explicit, UNIQUE) in PostgreSQL only,
#     and case_search's `document` tsvector with its GIN index;
#   - the statement-level TRUNCATE guards (PostgreSQL only);
#   - the audit log's expression indexes, whose columns are expressions on both sides.
#
#   crates/store/tests/pg-schema-compare.sh "$(scripts/pg url)"    (KEEP=1 keeps the listings)
set -euo pipefail

url="${1:?usage: pg-schema-compare.sh POSTGRES_URL}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

db="$work/scratch.sqlite3"
for f in "$here"/migrations/*.sql; do
  sqlite3 -bail "$db" <"$f"
done

# One line per fact, the same shape on both sides. SQLite's declared types are mapped to
# PostgreSQL's as the port maps them (INTEGER → bigint, BLOB → bytea, none (FTS5) → text).
sqlite3 -separator '|' "$db" >"$work/sqlite.txt" <<'EOF'
WITH t AS (SELECT name FROM sqlite_schema
           WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
             AND name NOT LIKE 'case\_search\_%' ESCAPE '\')
SELECT 'column', t.name, c.name,
       CASE upper(c.type) WHEN 'INTEGER' THEN 'bigint' WHEN 'TEXT' THEN 'text'
            WHEN 'BLOB' THEN 'bytea' WHEN 'REAL' THEN 'double precision' WHEN '' THEN 'text'
            ELSE c.type END,
       CASE WHEN c."notnull" OR c.pk > 0 THEN 'not null' ELSE 'null' END,
       coalesce(c.dflt_value, '')
FROM t, pragma_table_info(t.name) c
UNION ALL
SELECT 'fk', t.name, f."from", f."table", f."to", f.on_delete
FROM t, pragma_foreign_key_list(t.name) f
UNION ALL
SELECT 'index', t.name, i.name, i."unique", i.partial,
       (SELECT group_concat(coalesce(x.name, '<expr>'), ',') FROM pragma_index_xinfo(i.name) x WHERE x.key)
FROM t, pragma_index_list(t.name) i WHERE i.origin = 'c'
UNION ALL
SELECT 'key', t.name,
       (SELECT group_concat(x.name, ',') FROM pragma_index_info(i.name) x), '', '', ''
FROM t, pragma_index_list(t.name) i WHERE i.origin IN ('u', 'pk')
UNION ALL
-- An INTEGER PRIMARY KEY has no index of its own: it is the rowid.
SELECT 'key', t.name, c.name, '', '', ''
FROM t, pragma_table_info(t.name) c
WHERE c.pk = 1 AND upper(c.type) = 'INTEGER'
  AND (SELECT count(*) FROM pragma_table_info(t.name) WHERE pk > 0) = 1
UNION ALL
SELECT 'trigger', tbl_name, name, '', '', '' FROM sqlite_schema WHERE type = 'trigger';
EOF

psql "$url" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 >"$work/pg.txt" <<'EOF'
SELECT 'column', c.table_name, c.column_name, c.data_type,
       CASE WHEN c.is_nullable = 'NO' THEN 'not null' ELSE 'null' END,
       coalesce(regexp_replace(c.column_default, '::(text|bigint)$', ''), '')
FROM information_schema.columns c
WHERE c.table_schema = 'public'
UNION ALL
SELECT 'fk', cl.relname, a.attname, rcl.relname, ra.attname,
       CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
            WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END
FROM pg_constraint con
JOIN pg_class cl ON cl.oid = con.conrelid
JOIN pg_class rcl ON rcl.oid = con.confrelid
JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
WHERE con.contype = 'f' AND cl.relnamespace = 'public'::regnamespace
UNION ALL
SELECT 'index', t.relname, i.relname, x.indisunique::int::text, (x.indpred IS NOT NULL)::int::text,
       (SELECT string_agg(CASE WHEN k = 0 THEN '<expr>' ELSE
                   (SELECT attname FROM pg_attribute WHERE attrelid = t.oid AND attnum = k) END,
                   ',' ORDER BY o)
        FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS u(k, o))
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
WHERE t.relnamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = x.indexrelid)
UNION ALL
SELECT 'key', t.relname,
       (SELECT string_agg(attname, ',' ORDER BY o) FROM unnest(con.conkey) WITH ORDINALITY AS u(k, o)
        JOIN pg_attribute ON attrelid = t.oid AND attnum = k), '', '', ''
FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid
WHERE con.contype IN ('p', 'u') AND t.relnamespace = 'public'::regnamespace
UNION ALL
SELECT 'trigger', c.relname, tg.tgname, '', '', ''
FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
WHERE NOT tg.tgisinternal AND c.relnamespace = 'public'::regnamespace;
EOF

# What PostgreSQL has on purpose and SQLite does not.
grep -Ev '^column\|[a-z_]+\|rowid\|bigint\|not null\|$|^column\|case_search\|document\|tsvector\|null\|$|^key\|[a-z_]+\|rowid\|\|\|$|^index\|case_search\|case_search_by_document\|0\|0\|document$|^trigger\|[a-z_]+\|[a-z_]*trunca[a-z_]*\|\|\|$' \
  "$work/pg.txt" | sort >"$work/pg.cmp"
sort "$work/sqlite.txt" >"$work/sqlite.cmp"

echo "SQLite: $(wc -l <"$work/sqlite.cmp") facts, PostgreSQL: $(wc -l <"$work/pg.txt") ($(wc -l <"$work/pg.cmp") once the port's own are left out)"
echo "tables: SQLite $(grep -c '' < <(cut -d'|' -f2 "$work/sqlite.cmp" | sort -u)), PostgreSQL $(grep -c '' < <(cut -d'|' -f2 "$work/pg.txt" | sort -u))"
if diff -u --label sqlite "$work/sqlite.cmp" --label postgres "$work/pg.cmp"; then
  echo "pg-schema-compare: the schemas match"
else
  echo "pg-schema-compare: the schemas differ (lines above)" >&2
  exit 1
fi
