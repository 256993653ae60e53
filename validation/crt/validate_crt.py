#!/usr/bin/python3
"""Validation case: the national inventory 1990-2023 against the reported CRT figures.

Runs `polder` on the calibrated synthetic Netherlands (configs/validation_national.ini; the input is
made with `polder synth --region national` when it is missing), then compares with the 2025 CRT
submission (crt_nl_net_emissions.csv beside this script, a copy of ../shared/reference):

  * total LULUCF within +-15 % in 1990, 2005, 2020 and 2023;
  * each category 4.A-4.G within +-25 % or +-150 kt CO2-eq, whichever is larger;
  * the sign of every compared value, and the direction of the 1990 -> 2020 change of the total and of
    every category whose reported change exceeds 150 kt;
  * the burnt area: mean 2017-2022 within a factor 2 of the national fire database (405 ha/yr), and
    the area in fires of 30 ha or more, 2018-2023, within a factor 4 of EFFIS (218 ha/yr);
  * on-site CO2 of peat meadows (peat soils under grassland) per 10 cm deeper water table (a second run
    of the first year with every water table 10 cm deeper, wtd_plus_10cm.ini) within van der Poel et
    al. 2025: 4.0-5.4 t CO2/ha/yr.

It prints a side-by-side table and diagnostics (forest increment and fellings, burnt area, HWP, peat)
and exits 1 when a check fails, 2 on a usage or input problem.

  /usr/bin/python3 validation/crt/validate_crt.py [--polder build/polder] [--ranks 2] [--reuse] [--fresh-input]
      [--config configs/validation_national.ini] [--input STACK.nc] [--climate CLIMATE.nc] [--output OUT.h5]

--input, --climate and --output override the paths of the configuration (passed to `polder run` as
--input/--output and --set run.climate=...), so a second build directory can run the case without
touching the committed default paths, e.g.
  validate_crt.py --polder build-cal/polder --ranks 2 --input build-cal/data/national.nc \
      --climate build-cal/data/climate.nc --output build-cal/out/validation_national.h5
"""
import argparse
import configparser
import csv
import os
import shutil
import subprocess
import sys

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CATEGORIES = ["4.A", "4.B", "4.C", "4.D", "4.E", "4.F", "4.G"]
YEARS = (1990, 2005, 2020, 2023)
SUBMISSION = "2025"
TOTAL_TOLERANCE = 0.15
CATEGORY_TOLERANCE = 0.25
CATEGORY_ABSOLUTE_KT = 150.0
SLOPE_INTERVAL = (4.0, 5.4)  # t CO2/ha/yr per 10 cm, van der Poel et al. 2025, 90 % CI
# Burnt area (../shared/reference/measures_uncertainty.md, "Wildfire"): the national fire database (WUR and
# Brandweer, all fires) 405 ha/yr on average 2017-2022; EFFIS (fires of ~30 ha and more) 2018-2023:
# 183, 0, 822, 0, 274, 31 ha. One draw of the fire model over six years: a factor-2 band around the
# database, and a factor-4 band around EFFIS, whose six years hold one 822 ha year.
FIRE_DATABASE = ((2017, 2022), 405.0, 2.0)
FIRE_EFFIS = ((2018, 2023), (183.0 + 0.0 + 822.0 + 0.0 + 274.0 + 31.0) / 6.0, 4.0)


def read_reference(path, submission):
    """{year: {category: kt CO2-eq, 'total': kt}} of one submission."""
    out = {}
    with open(path) as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for r in rows:
            if r["submission"] != submission:
                continue
            out[int(r["year"])] = {k: float(v) for k, v in r.items() if k not in ("submission", "year")}
    return out


def mpi_prefix(ranks):
    if ranks <= 1:
        return []
    mpirun = shutil.which("mpirun") or shutil.which("mpiexec")
    if mpirun is None:
        sys.exit("validate_crt: --ranks %d needs mpirun" % ranks)
    return [mpirun, "-n", str(ranks), "--oversubscribe"]


def run(cmd):
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    print("+ " + " ".join(cmd), flush=True)
    rc = subprocess.call(cmd, cwd=ROOT, env=env)
    if rc != 0:
        sys.exit(2 if rc == 2 else 1)


def ensure_input(polder, stack, climate, ranks, fresh=False):
    if not fresh and os.path.exists(os.path.join(ROOT, stack)) and os.path.exists(os.path.join(ROOT, climate)):
        return
    os.makedirs(os.path.dirname(os.path.join(ROOT, stack)), exist_ok=True)
    run(mpi_prefix(ranks) + [polder, "synth", "--region", "national", "--output", stack, "--climate-output", climate])


class Inventory:
    def __init__(self, path):
        with h5py.File(path, "r") as f:
            self.years = [int(y) for y in f["/inventory/years"][:]]
            self.net = f["/inventory/net_kt_co2e"][:]
            self.total = f["/inventory/total_kt_co2e"][:]
            self.ch4 = f["/inventory/ch4_kt"][:]
            self.n2o = f["/inventory/n2o_kt"][:]
            self.ledger = f["/ledger/values"][:]  # [year][province][row][quantity]
            names = f["/ledger/quantities"][:]
            self.quantities = [n.decode() if isinstance(n, bytes) else str(n) for n in names]
            self.burnt_ha = f["/crt/table_4_V/burnt_area_ha"][:].sum(axis=1)
            self.hwp_inflow = f["/crt/table_4_G/inflow_kt_c"][:].sum(axis=1)
            self.balance = f["/diagnostics/mass_balance_relative_error"][:]
            self.fire_all_ha = f["/diagnostics/fire_burnt_ha"][:]
            self.fire_effis_ha = f["/diagnostics/fire_effis_ha"][:]

    def index(self, year):
        return self.years.index(year)

    def quantity(self, year, name, to_category=None):
        """National sum of a ledger quantity; rows of one final category (0..5) if given."""
        v = self.ledger[self.index(year), :, :, self.quantities.index(name)]
        if to_category is not None:
            v = v[:, to_category * 6:(to_category + 1) * 6]
        return float(v.sum())


def within(model, reported, relative, absolute=0.0):
    return abs(model - reported) <= max(relative * abs(reported), absolute)


def compare(inv, ref):
    failures = []
    print("\nNet emissions (+) / removals (-), kt CO2-eq, AR5 GWP100: Polder vs CRT %s submission" % SUBMISSION)
    print("%-6s %-6s %10s %10s %9s %8s  %s" % ("year", "cat", "polder", "reported", "diff", "band", "check"))
    for year in YEARS:
        if year not in inv.years or year not in ref:
            failures.append("year %d missing from the run or the reference" % year)
            continue
        k = inv.index(year)
        for c, cat in enumerate(CATEGORIES + ["total"]):
            model = float(inv.total[k]) if cat == "total" else float(inv.net[k, c])
            reported = ref[year][cat]
            if cat == "total":
                band = TOTAL_TOLERANCE * abs(reported)
                ok = within(model, reported, TOTAL_TOLERANCE)
            else:
                band = max(CATEGORY_TOLERANCE * abs(reported), CATEGORY_ABSOLUTE_KT)
                ok = within(model, reported, CATEGORY_TOLERANCE, CATEGORY_ABSOLUTE_KT)
            sign_ok = abs(reported) <= band or np.sign(model) == np.sign(reported)
            status = "ok" if ok and sign_ok else ("OUT OF BAND" if not ok else "WRONG SIGN")
            if status != "ok":
                failures.append("%d %s: %s (polder %.0f, reported %.0f)" % (year, cat, status, model, reported))
            print("%-6d %-6s %10.0f %10.0f %+9.0f %8.0f  %s" % (year, cat, model, reported, model - reported, band, status))
    print("\nDirection of the 1990 -> 2020 change")
    for c, cat in enumerate(CATEGORIES + ["total"]):
        reported = ref[2020][cat] - ref[1990][cat]
        if cat != "total" and abs(reported) <= CATEGORY_ABSOLUTE_KT:
            continue
        k0, k1 = inv.index(1990), inv.index(2020)
        model = (inv.total[k1] - inv.total[k0]) if cat == "total" else (inv.net[k1, c] - inv.net[k0, c])
        ok = np.sign(model) == np.sign(reported)
        if not ok:
            failures.append("1990->2020 %s: polder %+.0f, reported %+.0f" % (cat, model, reported))
        print("  %-6s polder %+8.0f   reported %+8.0f   %s" % (cat, model, reported, "ok" if ok else "WRONG DIRECTION"))
    return failures


def peat_slope(base, plus, year):
    """On-site CO2 of peat meadows (peat soils under grassland, the population of van der Poel et al.
    2025) per 10 cm deeper water table, t CO2/ha/yr."""
    grassland = 2
    area = base.quantity(year, "peat_area_ha", grassland)
    if area <= 0.0:
        return None
    d = plus.quantity(year, "peat_oxidation_t_c", grassland) - base.quantity(year, "peat_oxidation_t_c", grassland)
    return d * 44.0 / 12.0 / area


def diagnostics(inv):
    print("\nDiagnostics (not checked)")
    print("%-6s %9s %9s %8s %9s %9s %9s %9s %8s %8s" % (
        "year", "incr Mm3", "fell Mm3", "fell/inc", "vol m3/ha", "burnt ha", "HWP kt C", "org kha", "WTD cm",
        "CH4+N2O"))
    gwp = np.array([28.0, 265.0])
    for year in inv.years:
        k = inv.index(year)
        inc = inv.quantity(year, "increment_m3", 0) / 1e6
        fell = inv.quantity(year, "fellings_m3", 0) / 1e6
        forest_ha = inv.quantity(year, "area_ha", 0)
        vol = inv.quantity(year, "standing_volume_m3", 0) / max(forest_ha, 1.0)
        org = inv.quantity(year, "organic_area_ha") / 1e3
        drained = org * 1e3 - inv.quantity(year, "rewetted_area_ha")
        wtd = inv.quantity(year, "water_table_depth_cm_ha") / max(drained, 1.0)
        nonco2 = float(inv.ch4[k].sum() * gwp[0] + inv.n2o[k].sum() * gwp[1])
        print("%-6d %9.2f %9.2f %7.0f%% %9.0f %9.0f %9.1f %9.0f %8.1f %8.0f" % (
            year, inc, fell, 100.0 * fell / max(inc, 1e-9), vol, inv.burnt_ha[k], inv.hwp_inflow[k], org, wtd, nonco2))
    print("largest carbon mass-balance closure error: %.2e" % float(np.max(inv.balance)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polder", default="build/polder", help="the polder executable (relative to the repository root)")
    ap.add_argument("--config", default="configs/validation_national.ini")
    ap.add_argument("--ranks", type=int, default=1, help="MPI ranks for synth and run")
    ap.add_argument("--reuse", action="store_true", help="reuse existing run outputs instead of running polder")
    ap.add_argument("--fresh-input", action="store_true",
                    help="make the input with `polder synth` even when the stack exists (the CTest case does)")
    ap.add_argument("--reference", default=os.path.join(HERE, "crt_nl_net_emissions.csv"))
    ap.add_argument("--input", help="input stack (overrides run.input of the configuration)")
    ap.add_argument("--climate", help="climate file (overrides run.climate)")
    ap.add_argument("--output", help="inventory output (overrides run.output); the +10 cm run writes beside it")
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                    help="extra `polder run --set` override for both runs (repeatable; experiments only)")
    args = ap.parse_args()

    cfg = configparser.ConfigParser(inline_comment_prefixes=("#",))
    if not cfg.read(os.path.join(ROOT, args.config)):
        print("validate_crt: cannot read %s" % args.config, file=sys.stderr)
        return 2
    output = args.output or cfg["run"]["output"]
    stack = args.input or cfg["run"]["input"]
    climate = args.climate or cfg["run"]["climate"]
    # Paths on the command line of `polder run`, so the configuration's defaults need not exist.
    paths = ["--input", stack, "--set", "run.climate=%s" % climate]
    for kv in args.set:
        paths += ["--set", kv]
    if args.output:
        paths += ["--set", "run.checkpoint_dir=%s" % os.path.join(os.path.dirname(output), "checkpoints")]
    slope_output = output.replace(".h5", "_wtd_plus_10cm.h5")
    parameters = cfg["run"]["parameters"]
    first_year = int(cfg["run"]["start_year"])
    ref = read_reference(args.reference, SUBMISSION)

    if args.fresh_input:
        ensure_input(args.polder, stack, climate, args.ranks, fresh=True)
    if not args.reuse or not os.path.exists(os.path.join(ROOT, output)):
        ensure_input(args.polder, stack, climate, args.ranks)
        os.makedirs(os.path.dirname(os.path.join(ROOT, output)) or ".", exist_ok=True)
        run(mpi_prefix(args.ranks) + [args.polder, "run", "--config", args.config, "--quiet", "--output", output] + paths)
    if not args.reuse or not os.path.exists(os.path.join(ROOT, slope_output)):
        ensure_input(args.polder, stack, climate, args.ranks)
        run(mpi_prefix(args.ranks) + [args.polder, "run", "--config", args.config, "--quiet"] + paths +
            ["--output", slope_output, "--set", "run.end_year=%d" % first_year,
                                      "--set", "run.parameters=%s validation/crt/wtd_plus_10cm.ini" % parameters])

    inv = Inventory(os.path.join(ROOT, output))
    failures = compare(inv, ref)
    slope = peat_slope(inv, Inventory(os.path.join(ROOT, slope_output)), first_year)
    print("\nPeat-meadow CO2 per 10 cm deeper water table, %d: %s t CO2/ha/yr (van der Poel et al. 2025: %.1f-%.1f)" % (
        first_year, "n/a" if slope is None else "%.2f" % slope, *SLOPE_INTERVAL))
    if slope is None or not SLOPE_INTERVAL[0] <= slope <= SLOPE_INTERVAL[1]:
        failures.append("peat CO2 slope %s outside %s" % (slope, SLOPE_INTERVAL))
    for label, series, ((y0, y1), reported, factor) in (("national fire database", inv.fire_all_ha, FIRE_DATABASE),
                                                         ("EFFIS (fires >= 30 ha)", inv.fire_effis_ha, FIRE_EFFIS)):
        model = float(np.mean([series[inv.index(y)] for y in range(y0, y1 + 1)]))
        ok = reported / factor <= model <= reported * factor
        print("Burnt area %d-%d, mean ha/yr: %.0f against %s %.0f (band x%.0f): %s" % (
            y0, y1, model, label, reported, factor, "ok" if ok else "FAIL"))
        if not ok:
            failures.append("burnt area %d-%d %.0f ha/yr outside x%.0f of %s %.0f" % (y0, y1, model, factor, label, reported))
    diagnostics(inv)
    if failures:
        print("\nVALIDATION FAILED (%d):" % len(failures))
        for f in failures:
            print("  - " + f)
        return 1
    print("\nVALIDATION PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
