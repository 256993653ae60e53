#!/usr/bin/env python3
"""Checks the outputs of jobs/compare_scenario_set.sh for the set of tests/integration/test_compare.sh
(members Hd = base, Ld, Hd_wtd) against the inventories read with h5py:
- compare.csv: every run, year and CRT category (and the total) with the value of /inventory and the
  difference other - base;
- compare_crt.csv: the same per CRT row from /crt/net_kt_co2e;
- Hd and Ld are the same bits before the scenario years (differences exactly 0 to 2024) and differ
  after; the deeper water table changes grassland from 1990 on;
- compare.txt: every year, each run's scenario and parameter digest (the one its checkpoints record),
  and the 2030 total against the Dutch goal and the EU value.
Usage: check_compare_outputs.py OUTDIR"""
import csv
import math
import sys

import h5py

RUNS = ["Hd", "Ld", "Hd_wtd"]


def close(a, b):
    return math.isclose(a, b, rel_tol=2e-9, abs_tol=1e-6)


def texts(f, path):
    return [x.decode() if isinstance(x, bytes) else x for x in f[path][()]]


def main():
    out = sys.argv[1]
    files = {r: h5py.File(f"{out}/{r}.h5", "r") for r in RUNS}
    years = list(files["Hd"]["/inventory/years"][()])
    cats = texts(files["Hd"], "/inventory/categories")
    rows = texts(files["Hd"], "/crt/rows")
    problems = []

    def value(run, year, code, crt):
        f = files[run]
        y = years.index(year)
        if crt:
            return float(f["/crt/net_kt_co2e"][y, rows.index(code)])
        if code == "4":
            return float(f["/inventory/total_kt_co2e"][y])
        return float(f["/inventory/net_kt_co2e"][y, cats.index(code)])

    for name, crt, per_year in (("compare.csv", False, len(cats) + 1), ("compare_crt.csv", True, len(rows))):
        with open(f"{out}/{name}", newline="") as fh:
            table = list(csv.DictReader(fh))
        if len(table) != len(RUNS) * len(years) * per_year:
            problems.append(f"{name}: {len(table)} rows, expected {len(RUNS)} x {len(years)} x {per_year}")
        for r in table:
            run, year, code = r["run"], int(r["year"]), r["code"]
            v, d = float(r["net_kt_co2e"]), float(r["difference_kt_co2e"])
            want = value(run, year, code, crt)
            diff = want - value("Hd", year, code, crt)
            if r["file"] != f"{out}/{run}.h5":
                problems.append(f"{name}: run {run} from file {r['file']}")
            if not close(v, want) or not close(d, diff):
                problems.append(f"{name}: {run} {year} {code}: {v}, {d}; h5py {want}, {diff}")
            if run == "Ld" and year <= 2024 and d != 0.0:
                problems.append(f"{name}: Ld differs from Hd in {year} ({code}: {d}) before the scenario years")
        ld_after = [float(r["difference_kt_co2e"]) for r in table if r["run"] == "Ld" and int(r["year"]) > 2024]
        if not any(x != 0.0 for x in ld_after):
            problems.append(f"{name}: Ld equals Hd after 2024: the scenario had no effect")
        wtd = [float(r["difference_kt_co2e"]) for r in table
               if r["run"] == "Hd_wtd" and r["code"] in ("4.C", "4.C.1") and int(r["year"]) == 1990]
        if not wtd or not all(x > 0.0 for x in wtd):
            problems.append(f"{name}: a deeper water table did not raise grassland emissions in 1990: {wtd}")

    text = open(f"{out}/compare.txt").read()
    for y in (1990, 2010, 2030):
        if f"per CRT category, {y} [kt CO2-eq]" not in text:
            problems.append(f"compare.txt: no block for {y}")
    digests = {}
    for run in RUNS:
        with h5py.File(f"{out}/checkpoints/{run}/polder_checkpoint_2029.h5", "r") as cp:
            digests[run] = cp.attrs["parameters_digest"]
            digests[run] = (digests[run].decode() if isinstance(digests[run], bytes) else digests[run])[:12]
        scenario = "Ld" if run == "Ld" else "Hd"
        if f"scenario {scenario}, parameters {digests[run]}" not in text:
            problems.append(f"compare.txt: no 'scenario {scenario}, parameters {digests[run]}' for {run}")
    if digests["Hd"] != digests["Ld"] or digests["Hd"] == digests["Hd_wtd"]:
        problems.append(f"parameter digests: {digests}")
    y2030 = years.index(2030)
    for i, run in enumerate(RUNS):
        f = files[run]
        net = float(f["/inventory/total_kt_co2e"][y2030])
        gap = float(f["/eu_accounting/target_2030/gap_kt_co2e"][()])
        row = [ln for ln in text.splitlines() if ln.startswith(f"{i + 1} {run} ")]
        want = f"{net:.2f} {net - 1800:.2f} {net - 4523:.2f}"
        if not row or want not in " ".join(row[-1].split()) or f"{gap:.2f}" not in row[-1] or "not in run" not in row[-1]:
            problems.append(f"compare.txt: targets of {run}: {row}, expected '{want}', gap {gap:.2f}, 2050 not in run")
    if "kst-28625-356" not in text or "Annex IIa" not in text:
        problems.append("compare.txt: the goals' sources are not named")

    for p in problems[:30]:
        print("check_compare_outputs:", p)
    if problems:
        print(f"check_compare_outputs: {len(problems)} problem(s)")
        return 1
    print("check_compare_outputs: CSV, CRT CSV and the terminal agree with the inventories")
    return 0


if __name__ == "__main__":
    sys.exit(main())
