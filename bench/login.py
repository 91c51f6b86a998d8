#!/usr/bin/env python3
"""Sign in to a running Sendero over HTTP and print the session cookie (name=value).

Usage: login.py BASE_URL EMAIL PASSWORD

GET /login gives the pre-session CSRF cookie `sendero_csrf` and the hidden input name="csrf";
POST /login with both returns `sendero_session`. Cookies are parsed by hand because the app
marks them Secure, which cookie jars refuse to send over plain http.
"""
import http.client
import re
import sys
import urllib.parse


def cookies_of(resp):
    out = {}
    for k, v in resp.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            out[name.strip()] = rest.split(";", 1)[0]
    return out


def sign_in(base, email, password, timeout=30):
    """Sign in and return (connection, session cookie value); exits with a message on failure."""
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    conn.request("GET", "/login")
    r = conn.getresponse()
    body = r.read().decode("utf-8", "replace")
    csrf_cookie = cookies_of(r).get("sendero_csrf")
    m = re.search(r'name="csrf"\s+value="([^"]*)"', body) or re.search(
        r'value="([^"]*)"\s+name="csrf"', body)
    if not csrf_cookie or not m:
        sys.exit(f"login.py: no CSRF token on /login (status {r.status})")
    form = urllib.parse.urlencode(
        {"csrf": m.group(1), "email": email, "password": password, "next": "/"})
    conn.request("POST", "/login", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sendero_csrf={csrf_cookie}",
    })
    r = conn.getresponse()
    r.read()
    session = cookies_of(r).get("sendero_session")
    if not session:
        sys.exit(f"login.py: sign-in failed (status {r.status}, no sendero_session cookie)")
    return conn, session


def main():
    base, email, password = sys.argv[1:4]
    _, session = sign_in(base, email, password)
    print(f"sendero_session={session}")


if __name__ == "__main__":
    main()
