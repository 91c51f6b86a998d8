#!/usr/bin/env python3
"""Sign in to a running Sendero and time GET /reports/outcomes?program=ID.

Usage: report_timing.py BASE_URL EMAIL PASSWORD PROGRAM_ID [REQUESTS] [SAVE_HTML]

Stdlib only; signs in with bench/login.py. One warm-up request is not counted.
"""
import json
import pathlib
import re
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from login import sign_in  # noqa: E402


def main():
    base, email, password, program = sys.argv[1:5]
    requests = int(sys.argv[5]) if len(sys.argv) > 5 else 20
    conn, session = sign_in(base, email, password, timeout=300)
    headers = {"Cookie": f"sendero_session={session}"}
    path = f"/reports/outcomes?program={program}"
    times, size = [], 0
    for i in range(requests + 1):
        t = time.perf_counter()
        conn.request("GET", path, headers=headers)
        r = conn.getresponse()
        page = r.read()
        dt = time.perf_counter() - t
        if r.status != 200:
            sys.exit(f"GET {path}: status {r.status}")
        size = len(page)
        if i:
            times.append(dt * 1000)
    text = page.decode("utf-8", "replace")
    # Show that the page really computed the report: the first summary figures after the
    # "Families with a baseline" / "closure" labels (English locale).
    nums = []
    for label in ("Families with a baseline", "Families with a closure"):
        i = text.find(label)
        m = re.search(r">\s*([0-9][0-9,]*)\s*<", text[i:]) if i >= 0 else None
        nums.append(m.group(1) if m else None)
    if len(sys.argv) > 6:
        open(sys.argv[6], "w").write(text)
    times.sort()
    out = {"requests": len(times), "p50_ms": round(statistics.median(times), 1), "max_ms": round(times[-1], 1),
           "min_ms": round(times[0], 1), "mean_ms": round(statistics.fmean(times), 1), "bytes": size, "baseline_closure_families": nums}
    print("RESULT " + json.dumps(out))


if __name__ == "__main__":
    main()
