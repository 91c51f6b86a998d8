#!/usr/bin/env python3
"""Independent re-derivation of a Sendero enrollment-lottery draw (standard library only).

Usage:
    python3 tools/lottery_verify.py ROUND.json          # re-draw and compare with "results"
    python3 tools/lottery_verify.py ROUND.json --json   # print the re-derived draw as JSON

ROUND.json is the document `sendero lottery export ROUND` writes (or the round page's
"Published inputs" download). The algorithm is specified in docs/lottery.md:

    seed      = the published seed; when "public_value" is given, the seed must equal
                hex(SHA-256("sendero-lottery-seed:" + public_value.strip()))
    draw key  = HMAC-SHA256(key = UTF-8 bytes of the seed,
                            message = "round:<round_id>|stratum:<name>|candidate:<token>")
    order     = each stratum by draw key (lowercase hex) ascending, ties by token
    groups    = first `capacity` selected, next `comparison_size` comparison, rest waitlist

This file deliberately shares no code with the Rust implementation.
Exit status: 0 when the published results match the re-derived draw, 1 otherwise.
"""
import hashlib
import hmac
import json
import sys

FORMAT = "sendero-lottery/1"


def derive(inputs):
    problems = []
    if inputs.get("format") != FORMAT:
        problems.append("unknown format %r" % inputs.get("format"))
    seed = inputs["seed"]
    public_value = inputs.get("public_value")
    if public_value is not None:
        expected = hashlib.sha256(("sendero-lottery-seed:" + public_value.strip()).encode("utf-8")).hexdigest()
        if expected != seed:
            problems.append("the seed does not match the public value")
    key = seed.encode("utf-8")
    assignments = []
    for stratum in inputs["strata"]:
        name = stratum["name"]
        keyed = []
        for token in stratum["candidates"]:
            message = "round:%d|stratum:%s|candidate:%s" % (inputs["round_id"], name, token)
            keyed.append((hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest(), token))
        keyed.sort()
        capacity, comparison = stratum["capacity"], stratum["comparison_size"]
        for i, (draw_key, token) in enumerate(keyed):
            if i < capacity:
                group = "selected"
            elif i < capacity + comparison:
                group = "comparison"
            else:
                group = "waitlist"
            assignments.append({"token": token, "stratum": name, "rank": i + 1, "group": group, "draw_key": draw_key})
    return assignments, problems


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    assignments, problems = derive(doc)
    if "--json" in argv[2:]:
        json.dump({"round_id": doc["round_id"], "assignments": assignments, "problems": problems}, sys.stdout, indent=1)
        print()
    key = lambda a: (a["stratum"], a["rank"])
    published = sorted(doc.get("results", []), key=key)
    expected = sorted(assignments, key=key)
    if "results" in doc:
        fields = ("token", "stratum", "rank", "group", "draw_key")
        if len(published) != len(expected):
            problems.append("%d results published, %d re-derived" % (len(published), len(expected)))
        for p, e in zip(published, expected):
            if any(p[k] != e[k] for k in fields):
                problems.append("%s rank %d: published %s (%s), re-derived %s (%s)" % (e["stratum"], e["rank"], p["token"], p["group"], e["token"], e["group"]))
    if "--json" not in argv[2:]:
        for a in expected:
            print("%-30s %4d  %-10s %s" % (a["stratum"], a["rank"], a["group"], a["token"]))
        counts = {g: sum(1 for a in expected if a["group"] == g) for g in ("selected", "comparison", "waitlist")}
        print("round %d: %d selected, %d comparison, %d wait-listed" % (doc["round_id"], counts["selected"], counts["comparison"], counts["waitlist"]))
    for p in problems:
        print("MISMATCH: " + p, file=sys.stderr)
    if not problems and "results" in doc:
        print("OK: the published results match the re-derived draw", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
