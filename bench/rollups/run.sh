#!/usr/bin/env bash
# Director dashboard / funder report over N services (default 10,000,000) on SQLite and
# PostgreSQL, read from the rollups and computed directly, beside DuckDB on the same services
# exported to Parquet. Usage: bench/rollups/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-10000000}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS sendero_rollup_bench" >/dev/null 2>&1 || true' EXIT
cargo build --release -q -p sendero-store --example rollup_bench
BIN=target/release/examples/rollup_bench
[ -x target/bench-venv/bin/python ] || python3 -m venv target/bench-venv
target/bench-venv/bin/pip install -q duckdb
echo "== SQLite"
"$BIN" --url "sqlite://$WORK/bench.db" --services "$N" --csv "$WORK/services.csv"
echo "== PostgreSQL"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS sendero_rollup_bench" -c "CREATE DATABASE sendero_rollup_bench"
"$BIN" --url "postgres://postgres@127.0.0.1:5432/sendero_rollup_bench" --services "$N"
echo "== DuckDB (same services as SQLite, via Parquet)"
target/bench-venv/bin/python bench/rollups/duckdb_report.py "$WORK/services.csv" "$WORK/services.parquet"
