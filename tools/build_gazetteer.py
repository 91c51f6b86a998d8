#!/usr/bin/env python3
"""Build Sendero's offline US gazetteer from the public ZIP data shipped by the PyPI package
`zipcodes` (no network at run time). Writes crates/domain/data/us_zips.tsv.gz, one line per
ZIP code: zip, place, state, latitude and longitude in micro-degrees (integers).

Run: python3 tools/build_gazetteer.py   (creates a throwaway venv under target/)
"""
import gzip
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "gazetteer-venv")
OUT = os.path.join(ROOT, "crates", "domain", "data", "us_zips.tsv.gz")


def main():
    if os.environ.get("SENDERO_GAZETTEER_INNER") != "1":
        if not os.path.exists(os.path.join(VENV, "bin", "python")):
            subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([os.path.join(VENV, "bin", "pip"), "install", "-q", "zipcodes==1.3.0"])
        env = dict(os.environ, SENDERO_GAZETTEER_INNER="1")
        subprocess.check_call([os.path.join(VENV, "bin", "python"), os.path.abspath(__file__)], env=env)
        return
    import zipcodes

    rows = []
    for z in zipcodes.list_all():
        try:
            lat = round(float(z["lat"]) * 1_000_000)
            lon = round(float(z["long"]) * 1_000_000)
        except (TypeError, ValueError, KeyError):
            continue
        if z.get("zip_code_type") == "MILITARY":
            continue
        place = (z.get("city") or "").replace("\t", " ").strip()
        rows.append((z["zip_code"], place, z.get("state") or "", lat, lon))
    rows.sort()
    data = "".join(f"{zc}\t{p}\t{s}\t{la}\t{lo}\n" for zc, p, s, la, lo in rows).encode("utf-8")
    # mtime=0 keeps the committed file byte-identical between runs.
    with open(OUT, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0) as gz:
            gz.write(data)
    print(f"{len(rows)} ZIP codes -> {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
