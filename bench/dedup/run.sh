#!/usr/bin/env bash
# Duplicate detection at scale on SQLite and PostgreSQL. See bench/dedup/README.md.
#
# Usage: bench/dedup/run.sh [N] [BACKENDS]
#   N         people to seed (default 1000000)
#   BACKENDS  "sqlite postgres" (default), or one of them
# Environment: PG_URL_BASE (default postgres://postgres@127.0.0.1:5432), CHECKS (2000),
#              CARGO_TARGET_DIR (default /work/target-bench).
# Output: bench/dedup/out/<backend>-<N>.txt (example output) and <backend>-<N>-scan.txt
# (`sendero dedup scan` under /usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
BACKENDS=${2:-"sqlite postgres"}
CHECKS=${CHECKS:-2000}
PG_URL_BASE=${PG_URL_BASE:-postgres://postgres@127.0.0.1:5432}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-bench}
# Fixed key so the example (which uses the same bytes) and the CLI agree.
export SENDERO_SECRET_KEY=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=
OUT=bench/dedup/out
mkdir -p "$OUT"

cargo build --release -q -p sendero-store --example dedup_bench
cargo build --release -q -p sendero-cli
EX=$CARGO_TARGET_DIR/release/examples/dedup_bench
CLI=$CARGO_TARGET_DIR/release/sendero

run_backend() { # backend url
  local backend=$1 url=$2 log=$OUT/$1-$N.txt
  echo "== $backend, $N people ($url)"
  /usr/bin/time -v "$EX" --url "$url" --n "$N" --checks "$CHECKS" --no-scan >"$log" 2>&1
  grep '^RESULT' "$log"
  local org
  org=$(sed -n 's/^RESULT org=\([0-9]*\).*/\1/p' "$log")
  echo "-- sendero dedup scan --org $org"
  SENDERO_DATABASE_URL="$url" /usr/bin/time -v "$CLI" dedup scan --org "$org" >"$OUT/$backend-$N-scan.txt" 2>&1
  grep -E 'pairs|Elapsed|Maximum resident' "$OUT/$backend-$N-scan.txt" || tail -5 "$OUT/$backend-$N-scan.txt"
}

for backend in $BACKENDS; do
  case $backend in
    sqlite)
      db=$(mktemp -d /tmp/sendero-dedup-XXXXXX)/bench.db
      run_backend sqlite "sqlite://$db"
      ls -l "$db" | awk '{print "-- SQLite file size: " $5 " bytes"}'
      rm -rf "$(dirname "$db")"
      ;;
    postgres)
      name=sendero_bench_dedup_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
      psql "$PG_URL_BASE/postgres" -qc "CREATE DATABASE $name"
      trap 'psql "$PG_URL_BASE/postgres" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"' EXIT
      run_backend postgres "$PG_URL_BASE/$name"
      psql "$PG_URL_BASE/$name" -Atc "SELECT '-- PostgreSQL database size: ' || pg_size_pretty(pg_database_size(current_database()))"
      psql "$PG_URL_BASE/postgres" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"
      trap - EXIT
      ;;
  esac
done
