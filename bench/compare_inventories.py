#!/usr/bin/env python3
"""Largest difference per dataset between two Polder inventories (everything but provenance).

For each numeric dataset: the largest absolute difference, and the largest relative difference
|a - b| / max(|a|, |b|) over the values where max(|a|, |b|) > floor (default 1e-6 of the dataset's
largest magnitude), so values that are zero in one and rounding noise in the other do not dominate.
With --check, the exit code says whether the two are the same bits: 0 only if every dataset (years,
shapes and values) is identical and none is in one file only; 1 otherwise. Unlike `h5diff A B /inventory`,
which reports datasets of another shape as "not comparable" and still exits 0, this fails for
inventories that cover different years. Values that are NaN (not reported, e.g. an EU accounting period
the run does not cover) count as identical when both files have NaN in the same places.
Usage: bench/compare_inventories.py A.h5 B.h5 [--all] [--floor 1e-6] [--check]"""
import argparse
import sys

import h5py
import numpy as np


def datasets(f):
    out = {}
    f.visititems(lambda name, obj: out.__setitem__(name, obj) if isinstance(obj, h5py.Dataset) else None)
    return {k: v for k, v in out.items() if not k.startswith("provenance")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--all", action="store_true", help="list identical datasets too")
    ap.add_argument("--floor", type=float, default=1e-6)
    ap.add_argument("--check", action="store_true", help="exit 1 unless the inventories are identical")
    args = ap.parse_args()
    with h5py.File(args.a, "r") as fa, h5py.File(args.b, "r") as fb:
        da, db = datasets(fa), datasets(fb)
        missing = sorted(set(da) ^ set(db))
        worst = 0.0
        rows = []
        for name in sorted(set(da) & set(db)):
            a, b = da[name][()], db[name][()]
            if a.dtype.kind not in "fiu":
                same = np.array_equal(a, b)
                if not same or args.all:
                    rows.append((name, "identical" if same else "DIFFERENT (text)", 0.0))
                continue
            if a.shape != b.shape:
                rows.append((name, f"shape {a.shape} vs {b.shape}", float("inf")))
                worst = float("inf")
                continue
            if a.dtype == b.dtype and np.asarray(a).tobytes() == np.asarray(b).tobytes():
                if args.all:
                    rows.append((name, "identical", 0.0))
                continue
            a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
            nan_a, nan_b = np.isnan(a), np.isnan(b)
            if not np.array_equal(nan_a, nan_b):
                rows.append((name, f"NaN in different places ({int(nan_a.sum())} vs {int(nan_b.sum())})", float("inf")))
                worst = float("inf")
                continue
            a, b = a[~nan_a], b[~nan_b]  # not-reported values (NaN, e.g. an EU period the run does not cover)
            if a.size == 0 or np.array_equal(a, b):
                rows.append((name, "same values, other bits (dtype or NaN payload)", 0.0))
                continue
            diff = np.abs(a - b)
            scale = np.maximum(np.abs(a), np.abs(b))
            floor = args.floor * max(scale.max(), 1e-300)
            mask = scale > floor
            rel = float((diff[mask] / scale[mask]).max()) if mask.any() else 0.0
            worst = max(worst, rel)
            rows.append((name, f"max abs {diff.max():.3g}, max rel {rel:.3g}", rel))
        for name, text, _ in rows:
            print(f"{name:60s} {text}")
        for m in missing:
            print(f"{m:60s} only in one file")
        print(f"largest relative difference: {worst:.3g} over {len(set(da) & set(db))} datasets")
        different = missing or any(text != "identical" for _, text, _ in rows)
    if args.check:
        print("identical" if not different else "DIFFERENT")
        return 1 if different else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
