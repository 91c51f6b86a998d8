#!/usr/bin/env bash
# Browser end-to-end tests against SQLite, then PostgreSQL. Build first: cargo build -p sendero-cli
set -u
cd "$(dirname "$0")/../e2e"
[ -d node_modules ] || npm install --no-audit --no-fund
status=0
echo "== e2e on SQLite"
node run.mjs || status=1
echo "== e2e on PostgreSQL"
E2E_DB=postgres node run.mjs || status=1
exit $status
