#!/usr/bin/env bash
# Sendero load and scale harness. Usage: bench/run.sh [CLIENTS]   (default 100000)
# See bench/README.md. Environment knobs (all optional):
#   BACKENDS="sqlite postgres"   which databases to run, in order
#   IMPORT_ROWS=100000           rows in the generated import CSV (0 skips the import step)
#   DURATION=20s WARMUP=5s CONNS=200 THREADS=2 TIMEOUT=30s   wrk parameters
#   PG_URL=postgres://postgres@127.0.0.1:5432   server for the PostgreSQL run (trust auth)
#   PORT=18080                   first port the server listens on
#   SENDERO_BIN=PATH             use this binary instead of building (e.g. a copied release build)
#   KEEP=1                       keep the databases (for EXPLAIN); their location is printed
set -euo pipefail

CLIENTS=${1:-100000}
BACKENDS=${BACKENDS:-"sqlite postgres"}
IMPORT_ROWS=${IMPORT_ROWS:-100000}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-200}
THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-30s}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
PORT=${PORT:-18080}
KEEP=${KEEP:-0}
SEARCH_NAMES=${SEARCH_NAMES:-"Hernández,Joseph,Ahmadi,Haddad,da Silva,Castillo,Pierre,Mukendi,Rodríguez,Karimi"}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
OUT="$BENCH/out"
mkdir -p "$OUT"

log() { printf '\n\033[1m[bench %s] %s\033[0m\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(round($(now) - $1, 2))"; }

# --- tools -------------------------------------------------------------------------------
need_pkgs=()
command -v wrk >/dev/null || need_pkgs+=(wrk)
command -v curl >/dev/null || need_pkgs+=(curl)
command -v sqlite3 >/dev/null || need_pkgs+=(sqlite3)
command -v psql >/dev/null || need_pkgs+=(postgresql-client)
if ((${#need_pkgs[@]})); then
  log "installing ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y "${need_pkgs[@]}" >/dev/null 2>&1 ||
    { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need_pkgs[@]}" >/dev/null; }
fi
command -v python3 >/dev/null || die "python3 is required"

# --- build -------------------------------------------------------------------------------
if [ -n "${SENDERO_BIN:-}" ]; then
  BIN=$SENDERO_BIN
  log "using $BIN (SENDERO_BIN; not building)"
else
  log "building (cargo build --release -p sendero-cli)"
  (cd "$ROOT" && cargo build --release -p sendero-cli)
  TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
  case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
  BIN="$TARGET_DIR/release/sendero"
fi
[ -x "$BIN" ] || die "no binary at $BIN"

# --- import file (shared by both backends) -------------------------------------------------
CSV="$OUT/import-$IMPORT_ROWS.csv"
if [ "$IMPORT_ROWS" -gt 0 ] && [ ! -s "$CSV" ]; then
  log "generating $IMPORT_ROWS-row import CSV"
  python3 "$BENCH/gen_csv.py" "$IMPORT_ROWS" "$CSV.tmp" && mv "$CSV.tmp" "$CSV"
fi

SEARCH_ENC=$(python3 -c 'import sys,urllib.parse; print(",".join(urllib.parse.quote(n) for n in sys.argv[1].split(",")))' "$SEARCH_NAMES")
FIRST_NAME_ENC=${SEARCH_ENC%%,*}

SERVER_PID=""
PG_DB=""
TMP=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  if [ "$KEEP" = 1 ]; then
    [ -n "$PG_DB" ] && echo "[bench] kept PostgreSQL database $PG_URL/$PG_DB" >&2
    [ -n "$TMP" ] && echo "[bench] kept $TMP (SQLite file, key)" >&2
    PG_DB=""; TMP=""; return 0
  fi
  if [ -n "$PG_DB" ]; then
    psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    PG_DB=""
  fi
  if [ -n "$TMP" ]; then rm -rf "$TMP"; TMP=""; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# sql BACKEND URL QUERY -> prints the single value
sql() {
  case "$1" in
    sqlite) sqlite3 "${2#sqlite://}" "$3" ;;
    postgres) psql "$2" -Atqc "$3" ;;
  esac
}
db_size() {
  case "$1" in
    sqlite) local f=${2#sqlite://}; sqlite3 "$f" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null 2>&1 || true
            stat -c %s "$f" ;;
    postgres) sql postgres "$2" "SELECT pg_database_size(current_database())" ;;
  esac
}
proc_kb() { awk -v k="$2:" '$1==k {print $2}' "/proc/$1/status"; }
proc_cpu_s() { awk '{print ($14+$15)/100}' "/proc/$1/stat"; }

run_backend() {
  local backend=$1
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/sendero-bench.XXXXXX")
  local url
  case "$backend" in
    sqlite) url="sqlite://$TMP/bench.db" ;;
    postgres)
      PG_DB="sendero_bench_$(python3 -c 'import secrets; print(secrets.token_hex(4))')"
      psql "$PG_URL/postgres" -qc "CREATE DATABASE $PG_DB" >/dev/null
      url="$PG_URL/$PG_DB" ;;
    *) die "unknown backend $backend" ;;
  esac
  local S=(--database-url "$url" --key-file "$TMP/sendero.key")
  local results="$OUT/results-$backend.jsonl" meta="$TMP/meta.json"
  : > "$results"
  declare -A M=()

  log "$backend: seeding $CLIENTS synthetic clients"
  local t0; t0=$(now)
  "$BIN" "${S[@]}" demo --clients "$CLIENTS" 2>"$TMP/seed.err" | tee "$TMP/seed.out" >&2
  M[seed_s]=$(elapsed "$t0")
  local org; org=$(sed -n 's/^organization \([0-9]*\):.*/\1/p' "$TMP/seed.out")
  [ -n "$org" ] || die "no organization id in seed output: $(cat "$TMP/seed.out" "$TMP/seed.err")"
  echo "seeded in ${M[seed_s]} s; organization $org" >&2
  M[db_size_after_seed]=$(db_size "$backend" "$url")

  if [ "$IMPORT_ROWS" -gt 0 ]; then
    log "$backend: importing $IMPORT_ROWS CSV rows into organization $org"
    t0=$(now)
    "$BIN" "${S[@]}" import clients "$CSV" --org "$org" 2>"$TMP/import.err" >&2 ||
      die "import failed: $(tail -20 "$TMP/import.err")"
    M[import_s]=$(elapsed "$t0"); M[import_rows]=$IMPORT_ROWS
    echo "imported in ${M[import_s]} s" >&2
    M[db_size_after_import]=$(db_size "$backend" "$url")
  fi
  M[clients_total]=$(sql "$backend" "$url" "SELECT count(*) FROM clients WHERE org_id = $org")
  M[notes_total]=$(sql "$backend" "$url" "SELECT count(*) FROM notes WHERE org_id = $org")
  M[audit_rows_before]=$(sql "$backend" "$url" "SELECT count(*) FROM audit_log")
  local idmin idmax ncases
  idmin=$(sql "$backend" "$url" "SELECT min(id) FROM clients WHERE org_id = $org")
  idmax=$(sql "$backend" "$url" "SELECT max(id) FROM clients WHERE org_id = $org")
  ncases=$(sql "$backend" "$url" "SELECT count(*) FROM cases WHERE org_id = $org")
  local pages=$(( (ncases + 24) / 25 )); [ "$pages" -ge 1 ] || pages=1

  log "$backend: starting the server on 127.0.0.1:$PORT"
  "$BIN" "${S[@]}" serve --bind "127.0.0.1:$PORT" >"$OUT/serve-$backend.log" 2>&1 &
  SERVER_PID=$!
  local base="http://127.0.0.1:$PORT" i
  for i in $(seq 1 600); do
    curl -fs -o /dev/null "$base/healthz" && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "server exited: $(tail -20 "$OUT/serve-$backend.log")"
    sleep 0.1
  done
  curl -fs -o /dev/null "$base/healthz" || die "server not healthy after 60 s"
  M[rss_idle_kb]=$(proc_kb "$SERVER_PID" VmRSS)

  local cookie; cookie=$(python3 "$BENCH/login.py" "$base" "bench+$org@sendero.test" "sendero-demo" "$TMP/totp.secret") || die "sign-in failed"
  local H="Cookie: $cookie"

  # Endpoint table: name|mode|sample path for the pre-check|send the session cookie (1/0).
  # The static page is run twice: with the cookie (as a signed-in browser sends it, so the
  # session middleware looks the session up) and without (the pure HTTP floor).
  local endpoints=(
    "static /static/bench.html, no cookie (HTTP floor)|static|/static/bench.html|0"
    "static /static/bench.html, session cookie|static|/static/bench.html|1"
    "case list /cases?page=1..$pages|cases|/cases?page=$(( pages / 2 ))|1"
    "client search /clients?q=NAME (${SEARCH_NAMES//,/, })|search|/clients?q=$FIRST_NAME_ENC|1"
    "client profile /clients/ID ($idmin..$idmax, audited read)|profile|/clients/$(( (idmin + idmax) / 2 ))|1"
    "control: client edit form /clients/ID/edit (client read, no audit write)|edit|/clients/$(( (idmin + idmax) / 2 ))/edit|1"
  )
  log "$backend: checking every endpoint answers 200 when signed in"
  local e name mode path auth code
  for e in "${endpoints[@]}"; do
    IFS='|' read -r name mode path auth <<<"$e"
    code=$(curl -s -o "$TMP/check.html" -w '%{http_code} %{size_download}B %{time_total}s' -H "$H" "$base$path")
    echo "  $code  GET $path" >&2
    [ "${code%% *}" = 200 ] || die "GET $path answered $code (expected 200)"
  done

  local load0; load0=$(cut -d' ' -f1-3 /proc/loadavg)
  local cpu0; cpu0=$(proc_cpu_s "$SERVER_PID")
  for e in "${endpoints[@]}"; do
    IFS='|' read -r name mode path auth <<<"$e"
    local hdr=(-H "$H"); [ "$auth" = 1 ] || hdr=(-H "X-Bench: anonymous")
    log "$backend: $name (warm-up $WARMUP, then $DURATION at $CONNS connections)"
    export BENCH_MODE=$mode BENCH_PAGES=$pages BENCH_NAMES=$SEARCH_ENC BENCH_ID_MIN=$idmin BENCH_ID_MAX=$idmax
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" --timeout "$TIMEOUT" "${hdr[@]}" -s "$BENCH/wrk.lua" "$base" >/dev/null
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency "${hdr[@]}" -s "$BENCH/wrk.lua" "$base" \
      | tee "$TMP/wrk.txt" | grep -v '^BENCHJSON' >&2
    grep '^BENCHJSON' "$TMP/wrk.txt" | sed 's/^BENCHJSON //' |
      python3 -c 'import json,sys; r=json.load(sys.stdin); r["endpoint"]=sys.argv[1]; print(json.dumps(r))' "$name" >>"$results"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" "$base$path")
    [ "$code" = 200 ] || die "after the run GET $path answered $code: the session no longer works"
  done
  M[server_cpu_s]=$(python3 -c "print(round($(proc_cpu_s "$SERVER_PID") - $cpu0, 1))")
  M[rss_peak_kb]=$(proc_kb "$SERVER_PID" VmHWM)
  M[audit_rows_after]=$(sql "$backend" "$url" "SELECT count(*) FROM audit_log")
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  M[db_size_after_load]=$(db_size "$backend" "$url")

  {
    printf '{"backend":"%s","clients":%s,"wrk_args":"-t%s -c%s -d%s --timeout %s --latency (after a %s warm-up)","when":"%s","host":"%s"' \
      "$backend" "$CLIENTS" "$THREADS" "$CONNS" "$DURATION" "$TIMEOUT" "$WARMUP" "$(date -u '+%Y-%m-%d %H:%M UTC')" \
      "$(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load average before the load runs $load0"
    for k in "${!M[@]}"; do printf ',"%s":%s' "$k" "${M[$k]}"; done
    printf '}\n'
  } >"$meta"
  cp "$meta" "$OUT/meta-$backend.json"
  log "$backend: results"
  python3 "$BENCH/report.py" "$results" "$meta" "$OUT/results-$backend.md"
  cleanup
}

for b in $BACKENDS; do run_backend "$b"; PORT=$((PORT + 1)); done
log "done: reports in $OUT/results-*.md"
