#!/usr/bin/env python3
"""Sign in to a running Sendero and time GET /reports/outcomes?program=ID.

Usage: report_timing.py BASE_URL EMAIL PASSWORD PROGRAM_ID [REQUESTS] [SAVE_HTML]

Self-contained (stdlib only). Cookies are parsed by hand: the app marks them Secure, which
cookie jars refuse to send over plain http. One warm-up request is not counted.
"""
import http.client
import json
import re
import statistics
import sys
import time
import urllib.parse


def cookies_of(resp):
    out = {}
    for k, v in resp.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            out[name.strip()] = rest.split(";", 1)[0]
    return out


def main():
    base, email, password, program = sys.argv[1:5]
    requests = int(sys.argv[5]) if len(sys.argv) > 5 else 20
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
    conn.request("GET", "/login")
    r = conn.getresponse()
    body = r.read().decode("utf-8", "replace")
    csrf_cookie = cookies_of(r).get("sendero_csrf")
    m = re.search(r'name="csrf"\s+value="([^"]*)"', body) or re.search(r'value="([^"]*)"\s+name="csrf"', body)
    if not csrf_cookie or not m:
        sys.exit(f"no CSRF token on /login (status {r.status})")
    form = urllib.parse.urlencode({"csrf": m.group(1), "email": email, "password": password, "next": "/"})
    conn.request("POST", "/login", body=form, headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"sendero_csrf={csrf_cookie}"})
    r = conn.getresponse()
    r.read()
    session = cookies_of(r).get("sendero_session")
    if not session:
        sys.exit(f"sign-in failed (status {r.status})")
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
