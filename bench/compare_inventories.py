#!/usr/bin/env python3
"""Largest difference per dataset between two Polder inventories (everything but provenance).

For each numeric dataset: the largest absolute difference, and the largest relative difference
|a - b| / max(|a|, |b|) over the values where max(|a|, |b|) > floor (default 1e-6 of the dataset's
largest magnitude), so values that are zero in one and rounding noise in the other do not dominate.
Usage: bench/compare_inventories.py A.h5 B.h5 [--all] [--floor 1e-6]"""
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
            a, b = a.astype(np.float64), b.astype(np.float64)
            if np.array_equal(a, b):
                if args.all:
                    rows.append((name, "identical", 0.0))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
