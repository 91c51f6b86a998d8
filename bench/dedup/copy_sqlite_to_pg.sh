#!/usr/bin/env bash
# Copy a population seeded on SQLite by dedup_bench (clients, contacts, person_keys — the keys
# written by the real write path, insert_client_tx) into a fresh PostgreSQL database, because
# seeding PostgreSQL through import_clients ran at 60–230 people/s here (1M ≈ 1.5–4.5 h).
# Usage: copy_sqlite_to_pg.sh SQLITE_FILE PG_URL   (PG_URL database must exist and be empty)
set -euo pipefail
src=$1 pg=$2
export SENDERO_SECRET_KEY=${SENDERO_SECRET_KEY:-BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=}
CLI=${CLI:-${CARGO_TARGET_DIR:-/work/target-bench}/release/sendero}
# Apply the migrations (the command then fails: no organization yet).
SENDERO_DATABASE_URL=$pg "$CLI" dedup scan --org 1 >/dev/null 2>&1 || true
copy() { # table columns
  sqlite3 -csv "$src" "SELECT $2 FROM $1" | psql "$pg" -qc "\\copy $1 ($2) FROM STDIN WITH (FORMAT csv)"
}
copy organizations "id, consortium_id, name, kind, city, created_at"
copy clients "id, org_id, given_names, family_names, aliases, birth_date, country, languages, a_number_enc, household_id, relationship, search_text, created_at, updated_at, version, merged_into"
copy contacts "$(sqlite3 "$src" "SELECT group_concat(name, ', ') FROM pragma_table_info('contacts')")"
copy person_keys "org_id, key, client_id"
psql "$pg" -qc "ANALYZE"
psql "$pg" -Atc "SELECT 'copied: ' || (SELECT count(*) FROM clients) || ' clients, ' || (SELECT count(*) FROM person_keys) || ' keys'"
