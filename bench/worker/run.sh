#!/usr/bin/env bash
# Worker throughput on SQLite (one node) and PostgreSQL (two nodes). Usage: run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
cargo build --release -p sendero-jobs --features testing --example worker_bench
./target/release/examples/worker_bench sqlite "$N" 1
./target/release/examples/worker_bench postgres "$N" 2
