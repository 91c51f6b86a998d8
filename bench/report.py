#!/usr/bin/env python3
"""Turn the harness's results (one JSON object per line) into a Markdown report.

Usage: report.py RESULTS.jsonl META.json OUT.md

Each results line is wrk.lua's BENCHJSON object plus "endpoint". META holds the run facts
(backend, clients, seeding/import times, database sizes, peak RSS, ...).
"""
import json
import sys

TARGET_P99_MS = 25.0
TARGET_RPS = 5000.0


def ms(us):
    return f"{us / 1000:.1f} ms" if us < 100_000 else f"{us / 1000:,.0f} ms"


def main():
    results_path, meta_path, out_path = sys.argv[1:4]
    meta = json.load(open(meta_path))
    rows = [json.loads(l) for l in open(results_path) if l.strip()]
    lines = []
    lines.append(f"## Sendero load benchmark: {meta['backend']}, {meta['clients']:,} synthetic clients")
    lines.append("")
    lines.append(f"{meta.get('when', '')}, {meta.get('host', '')}. wrk {meta['wrk_args']}; "
                 "wrk and the server share the machine's cores.")
    lines.append("")
    lines.append("| endpoint | req/s | p50 | p99 | max | errors | target (p99 ≤ 25 ms, ≥ 5,000 req/s) |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        secs = r["duration_us"] / 1e6
        rps = r["requests"] / secs if secs else 0
        sock = r["err_connect"] + r["err_read"] + r["err_write"] + r["err_timeout"]
        if r["counted"]:
            bad = r["requests"] - r["s2"]
            detail = []
            if r["s3"]: detail.append(f"{r['s3']} 3xx")
            if r["s4"]: detail.append(f"{r['s4']} 4xx")
            if r["s5"]: detail.append(f"{r['s5']} 5xx")
        else:
            bad = r["err_status"]
            detail = [f"{bad} ≥400"] if bad else []
        if r["err_timeout"]: detail.append(f"{r['err_timeout']} timeouts")
        other = r["err_connect"] + r["err_read"] + r["err_write"]
        if other: detail.append(f"{other} socket")
        errors = f"{bad + sock}" + (f" ({', '.join(detail)})" if detail else "")
        ok = r["p99_us"] / 1000 <= TARGET_P99_MS and rps >= TARGET_RPS and bad + sock == 0
        verdict = "meets" if ok else "misses" + (
            f" (p99 {r['p99_us'] / 1000 / TARGET_P99_MS:.1f}× target"
            if r["p99_us"] / 1000 > TARGET_P99_MS else " (p99 ok") + (
            f", {rps / TARGET_RPS:.0%} of req/s target)" if rps < TARGET_RPS else ", req/s ok)")
        lines.append(f"| {r['endpoint']} | {rps:,.0f} | {ms(r['p50_us'])} | {ms(r['p99_us'])} | "
                     f"{ms(r['max_us'])} | {errors} | {verdict} |")
    lines.append("")
    lines.append("Errors count every response that is not 2xx (a 303 to /login would be a failure) "
                 "plus socket errors and timeouts; the static page counts wrk's ≥ 400 statuses.")
    lines.append("")
    lines.append("| fact | value |")
    lines.append("| --- | --- |")
    for key, label in [
        ("seed_s", "seed `sendero demo --clients N`"),
        ("import_rows", "import rows"),
        ("import_s", "import `sendero import clients` (CSV rows)"),
        ("clients_total", "clients in the organization after import"),
        ("notes_total", "notes"),
        ("db_size_after_seed", "database size after seeding"),
        ("db_size_after_import", "database size after import"),
        ("db_size_after_load", "database size after the load runs"),
        ("audit_rows_before", "audit log rows before load"),
        ("audit_rows_after", "audit log rows after load"),
        ("rss_idle_kb", "server RSS after start-up"),
        ("rss_peak_kb", "server peak RSS (VmHWM)"),
        ("server_cpu_s", "server CPU time (user+sys) over the load runs"),
    ]:
        if key not in meta:
            continue
        v = meta[key]
        if key.endswith("_s"):
            v = f"{v:,.1f} s"
            if key == "seed_s" and meta.get("seed_s"):
                v += f" ({meta['clients'] / meta['seed_s']:,.0f} clients/s)"
            if key == "import_s" and meta.get("import_s"):
                v += f" ({meta['import_rows'] / meta['import_s']:,.0f} rows/s)"
        elif key.startswith("db_size"):
            v = f"{v / 1e6:,.1f} MB"
        elif key.endswith("_kb"):
            v = f"{v / 1024:,.1f} MiB"
        elif isinstance(v, int):
            v = f"{v:,}"
        lines.append(f"| {label} | {v} |")
    lines.append("")
    text = "\n".join(lines)
    open(out_path, "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
