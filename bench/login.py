#!/usr/bin/env python3
"""Sign in to a running Sendero over HTTP and print the session cookie (name=value).

Usage: login.py BASE_URL EMAIL PASSWORD [TOTP_SECRET_FILE]

GET /login gives the pre-session CSRF cookie `sendero_csrf` and the hidden input name="csrf";
POST /login with both returns `sendero_session`, or, for a role that must use two-factor
sign-in, a pending sign-in (`sendero_pending`) and /login/two-factor. There the harness enrols
(reads the secret the page shows, keeps it in TOTP_SECRET_FILE so later sign-ins verify with it)
or verifies, computing the code as an authenticator app does (RFC 6238, SHA-1, 6 digits, 30 s).
Any other outcome exits non-zero with a message: a harness that cannot sign in must fail loudly.
Cookies are parsed by hand because the app marks them Secure, which cookie jars refuse to send
over plain http.
"""
import base64
import hashlib
import hmac
import http.client
import os
import re
import struct
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


def totp(secret_b32, at=None):
    """The current RFC 6238 code for a base32 secret."""
    key = base64.b32decode(secret_b32.strip().upper() + "=" * (-len(secret_b32.strip()) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def csrf_of(body):
    m = re.search(r'name="csrf"\s+value="([^"]*)"', body) or re.search(r'value="([^"]*)"\s+name="csrf"', body)
    return m.group(1) if m else None


def second_factor(conn, csrf_cookie, pending, secret_file):
    """Answer /login/two-factor (enrol or verify); return the session cookie value."""
    jar = f"sendero_csrf={csrf_cookie}; sendero_pending={pending}"
    conn.request("GET", "/login/two-factor?next=/", headers={"Cookie": jar})
    r = conn.getresponse()
    body = r.read().decode("utf-8", "replace")
    csrf = csrf_of(body)
    if r.status != 200 or not csrf:
        sys.exit(f"login.py: two-factor page answered {r.status} without a form")
    shown = re.search(r"<code>([A-Z2-7]{16,})</code>", body)
    if shown:
        secret = shown.group(1)
        if secret_file:
            with open(secret_file, "w") as f:
                f.write(secret)
    elif secret_file and os.path.exists(secret_file):
        secret = open(secret_file).read()
    else:
        sys.exit("login.py: the account already uses two-factor sign-in and no TOTP_SECRET_FILE holds its secret")
    # A code is accepted once: a second sign-in within the same 30 s window waits for the next.
    for attempt in range(2):
        form = urllib.parse.urlencode({"csrf": csrf, "code": totp(secret), "next": "/"})
        conn.request("POST", "/login/two-factor", body=form, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": jar})
        r = conn.getresponse()
        body = r.read().decode("utf-8", "replace")
        session = cookies_of(r).get("sendero_session")
        if session:
            return session
        if shown or attempt:
            break
        time.sleep(30 - time.time() % 30 + 0.5)
        csrf = csrf_of(body) or csrf
    sys.exit(f"login.py: the second factor was refused (status {r.status})")


def sign_in(base, email, password, timeout=30, secret_file=None):
    """Sign in and return (connection, session cookie value); exits with a message on failure."""
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    conn.request("GET", "/login")
    r = conn.getresponse()
    body = r.read().decode("utf-8", "replace")
    csrf_cookie = cookies_of(r).get("sendero_csrf")
    csrf = csrf_of(body)
    if not csrf_cookie or not csrf:
        sys.exit(f"login.py: no CSRF token on /login (status {r.status})")
    form = urllib.parse.urlencode(
        {"csrf": csrf, "email": email, "password": password, "next": "/"})
    conn.request("POST", "/login", body=form, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sendero_csrf={csrf_cookie}",
    })
    r = conn.getresponse()
    r.read()
    got = cookies_of(r)
    session = got.get("sendero_session")
    if not session and got.get("sendero_pending"):
        session = second_factor(conn, csrf_cookie, got["sendero_pending"], secret_file)
    if not session:
        sys.exit(f"login.py: sign-in failed (status {r.status}, no sendero_session cookie)")
    return conn, session


def main():
    base, email, password = sys.argv[1:4]
    secret_file = sys.argv[4] if len(sys.argv) > 4 else None
    _, session = sign_in(base, email, password, secret_file=secret_file)
    print(f"sendero_session={session}")


if __name__ == "__main__":
    main()
