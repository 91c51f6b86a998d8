#!/usr/bin/env python3
"""Rust (sendero-stats) vs SciPy on N paired observations, one run, side by side.

Usage: bench/outcomes/.venv/bin/python bench/outcomes/compare.py [N] [REPEATS]
(bench/outcomes/run.sh creates the venv and builds the Rust example.)

Data: family-functioning-like scores on a 1..4 scale in quarter points (exact in binary, so
`post - pre` is exact on both sides), fixed seed; many ties and zero changes, which is what
real inventories produce and the hard case for the signed-rank test.
"""
import json
import os
import struct
import subprocess
import sys
import time

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
TARGET = os.environ.get("CARGO_TARGET_DIR", "/work/target-bench")

rng = np.random.default_rng(20261124)
pre = np.clip(np.round(rng.normal(2.3, 0.5, N) * 4) / 4, 1.0, 4.0)
post = np.clip(pre + np.round(rng.normal(0.0, 0.6, N) * 4) / 4, 1.0, 4.0)

os.makedirs(os.path.join(HERE, "data"), exist_ok=True)
path = os.path.join(HERE, "data", f"paired-{N}.bin")
with open(path, "wb") as f:
    f.write(struct.pack("<Q", N))
    f.write(pre.astype("<f8").tobytes())
    f.write(post.astype("<f8").tobytes())


def best(fn):
    out, t_best = None, float("inf")
    for _ in range(REPEATS):
        t = time.perf_counter()
        out = fn()
        t_best = min(t_best, time.perf_counter() - t)
    return out, t_best


tt, tt_s = best(lambda: stats.ttest_rel(post, pre))
w, w_s = best(lambda: stats.wilcoxon(post, pre))  # defaults: wilcox zeros, no correction, auto

exe = os.path.join(TARGET, "release", "examples", "million")
t0 = time.perf_counter()
rust = json.loads(subprocess.run([exe, path, str(REPEATS)], check=True, capture_output=True, text=True).stdout)
rust_wall = time.perf_counter() - t0

d = post - pre
print(f"n = {N:,}; zero changes = {int((d == 0).sum()):,}; scipy {scipy.__version__}, numpy {np.__version__}; best of {REPEATS}")
print(f"{'':24}{'SciPy':>22}{'sendero-stats':>22}")
rows = [
    ("paired t: seconds", tt_s, rust["paired_t_seconds"], "{:.4f}"),
    ("paired t: t", float(tt.statistic), rust["t"], "{:.10g}"),
    ("paired t: p", float(tt.pvalue), rust["t_p"], "{:.6g}"),
    ("Wilcoxon: seconds", w_s, rust["wilcoxon_seconds"], "{:.4f}"),
    ("Wilcoxon: statistic", float(w.statistic), rust["w_statistic"], "{:.10g}"),
    ("Wilcoxon: p", float(w.pvalue), rust["w_p"], "{:.6g}"),
]
for label, a, b, fmt in rows:
    print(f"{label:24}{fmt.format(a):>22}{fmt.format(b):>22}")
print(f"Wilcoxon method (Rust): {rust['w_method']}, z = {rust['w_z']:.10g}; Rust read of the file {rust['read_seconds']:.3f} s, process wall {rust_wall:.2f} s")
rel = lambda a, b: abs(a - b) / max(abs(a), 1e-300)
print(f"relative differences: t {rel(float(tt.statistic), rust['t']):.1e}, W {rel(float(w.statistic), rust['w_statistic']):.1e}")
print("RESULT " + json.dumps({
    "n": N, "scipy_ttest_rel_s": tt_s, "rust_paired_t_s": rust["paired_t_seconds"],
    "scipy_wilcoxon_s": w_s, "rust_wilcoxon_s": rust["wilcoxon_seconds"],
    "t_scipy": float(tt.statistic), "t_rust": rust["t"], "p_t_scipy": float(tt.pvalue), "p_t_rust": rust["t_p"],
    "w_scipy": float(w.statistic), "w_rust": rust["w_statistic"], "p_w_scipy": float(w.pvalue), "p_w_rust": rust["w_p"],
}))
