#!/usr/bin/env bash
# Outcome statistics benchmarks. See bench/outcomes/README.md.
#
# Usage: bench/outcomes/run.sh [stats|report|all] [FAMILIES] [BACKENDS]
#   stats   Rust vs SciPy on 1,000,000 paired observations (compare.py)
#   report  GET /reports/outcomes for a program with FAMILIES (default 50000) families,
#           on BACKENDS (default "sqlite postgres"); 20 timed requests (REQUESTS=…)
# Environment: PG_URL_BASE (default postgres://postgres@127.0.0.1:5432), PORT (18181),
#              CARGO_TARGET_DIR (default /work/target-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
WHAT=${1:-all}
FAMILIES=${2:-50000}
BACKENDS=${3:-"sqlite postgres"}
REQUESTS=${REQUESTS:-20}
PORT=${PORT:-18181}
PG_URL_BASE=${PG_URL_BASE:-postgres://postgres@127.0.0.1:5432}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-bench}
export SENDERO_SECRET_KEY=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=
HERE=bench/outcomes
mkdir -p "$HERE/out"

if [[ $WHAT == stats || $WHAT == all ]]; then
  [[ -x $HERE/.venv/bin/python ]] || { python3 -m venv "$HERE/.venv" && "$HERE/.venv/bin/pip" install -q numpy scipy; }
  cargo build --release -q -p sendero-stats --example million
  "$HERE/.venv/bin/python" "$HERE/compare.py" 1000000 5 | tee "$HERE/out/compare.txt"
fi

report_backend() { # backend url
  local backend=$1 url=$2 log=$HERE/out/report-$1-$FAMILIES.txt
  echo "== $backend: seeding $FAMILIES families"
  "$CARGO_TARGET_DIR/release/examples/outcomes_seed" --url "$url" --n "$FAMILIES" | tee "$log"
  local line program email password
  line=$(grep '^RESULT' "$log")
  program=$(sed 's/.* program=\([0-9]*\).*/\1/' <<<"$line")
  email=$(sed 's/.* email=\([^ ]*\).*/\1/' <<<"$line")
  password=$(sed 's/.* password=\([^ ]*\).*/\1/' <<<"$line")
  SENDERO_DATABASE_URL="$url" "$CARGO_TARGET_DIR/release/sendero" serve --bind "127.0.0.1:$PORT" >"$HERE/out/serve-$backend.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  python3 "$HERE/report_timing.py" "http://127.0.0.1:$PORT" "$email" "$password" "$program" "$REQUESTS" "$HERE/out/report-$backend.html" | tee -a "$log"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

if [[ $WHAT == report || $WHAT == all ]]; then
  cargo build --release -q -p sendero-store --example outcomes_seed
  cargo build --release -q -p sendero-cli
  for backend in $BACKENDS; do
    case $backend in
      sqlite)
        dir=$(mktemp -d /tmp/sendero-outcomes-XXXXXX)
        report_backend sqlite "sqlite://$dir/bench.db"
        rm -rf "$dir"
        ;;
      postgres)
        name=sendero_bench_outcomes_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
        psql "$PG_URL_BASE/postgres" -qc "CREATE DATABASE $name"
        trap 'psql "$PG_URL_BASE/postgres" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"' EXIT
        report_backend postgres "$PG_URL_BASE/$name"
        psql "$PG_URL_BASE/postgres" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"
        trap - EXIT
        ;;
    esac
  done
fi
