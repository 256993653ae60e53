#!/usr/bin/env python3
"""Validates a Polder input stack (polder synth / polder ingest) against the reference figures.

For every map year it prints the area per CRT land category against the CRT 4.1 areas (interpolated
between reported years; 1970 and 2025 extrapolated as docs/synthetic-netherlands.md describes) and the difference
in percent, then organic soils, forest, salt marsh and seagrass against their references, forest
attributes (mean standing volume, species shares), gross land-use changes between map years, and the
CRS as GDAL reads it. Exits 1 if anything is outside its tolerance:

  territory           +-0.5 %  of 4,154.19 kha (CRT 4.1)                       national stacks only
  each CRT category   +-1 %    of the CRT 4.1 area of the year                 national stacks only
  peat / peaty soils  +-2 %    of 274 / 162 kha (Kamerbrief kst-32813-562)     national stacks only
  forest 2021         within 363-373 kha (NBI7 363.8 kha, NBI6 373.5 kha)     national stacks only
  standing volume     mean 225 m3/ha +-3 % over the 2021 forest (bosbarometer) national stacks only
  salt marsh          15-20 kha (domain.md section 5)                          national stacks only
  broadleaves         more than half of the 2021 forest area (NBI7)            national stacks only
  seagrass            276 ha +-10 % in the 2021 map; since-years give 30 ha (2018), 276 ha (2021),
                      1,668 ha (2024) +-10 %                                     national stacks only
  GDAL                EPSG:28992 (Amersfoort / RD New), origin and 25 m pixels matching x/y

A regional stack (polder_region != national) is checked for CRS, values and consistency only.

Usage: check_input_stack.py STACK.nc [--rows-per-block N] [--no-gdal]
Reads the stack in row blocks (a national stack does not fit in memory as float64).
"""
import argparse
import subprocess
import sys

import numpy as np
import netCDF4

CELL_HA = 0.0625
CATS = ["forest", "cropland", "grassland", "wetlands", "settlements", "other"]
CRT_CODES = ["4.A", "4.B", "4.C", "4.D", "4.E", "4.F"]
# Polder land-use code -> CRT category index (docs/input-format.md, land-use classes)
CODE_CAT = {1: 0, 2: 2, 3: 2, 4: 2, 5: 2, 6: 3, 7: 5, 8: 1, 9: 1, 10: 4, 11: 4, 12: 4, 13: 3, 14: 3, 15: 3, 16: 3, 17: 3}
# CRT 4.1 final areas, kha, 2025 submission (shared/reference/crt_nl_land_areas.csv)
CRT = {1990: [362.82, 1013.98, 1521.75, 795.39, 420.81, 39.45],
       2005: [371.58, 933.98, 1423.87, 810.93, 575.64, 38.19],
       2020: [363.80, 836.71, 1458.73, 823.40, 633.04, 38.51],
       2023: [362.35, 811.13, 1481.62, 824.17, 637.28, 37.64]}
TERRITORY_KHA = 4154.19
SPECIES = ["scots pine", "douglas fir", "spruce", "larch", "oak", "beech", "birch", "poplar", "other broadleaves"]
# NBI6 area shares (bosenhoutcijfers.nl, 2013; other conifers counted as pine) for orientation only
NBI6_SHARE = [36.7, 5.4, 3.8, 5.1, 18.2, 4.3, 7.0, 5.4, 14.2]


def crt_reference(year):
    years = sorted(CRT)
    if year < years[0]:
        y2004 = crt_reference(2004)
        return [CRT[1990][c] + (y2004[c] - CRT[1990][c]) / 14.0 * (year - 1990) for c in range(6)]
    if year > years[-1]:
        # Extrapolated map years (2025, assumption A34): the 2020 -> 2023 annual change continued.
        a, b = years[-2], years[-1]
        return [CRT[b][c] + (CRT[b][c] - CRT[a][c]) / (b - a) * (year - b) for c in range(6)]
    for a, b in zip(years, years[1:]):
        if a <= year <= b:
            t = (year - a) / (b - a)
            return [CRT[a][c] + t * (CRT[b][c] - CRT[a][c]) for c in range(6)]


def gdal_check(path, x0, y0):
    try:
        out = subprocess.run(["gdalinfo", f'NETCDF:"{path}":land_use'], capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        return None, "gdalinfo not found"
    text = out.stdout
    problems = []
    if out.returncode != 0:
        problems.append(f"gdalinfo failed: {out.stderr.strip()[:200]}")
    if 'ID["EPSG",28992]' not in text and 'AUTHORITY["EPSG","28992"]' not in text:
        problems.append("EPSG:28992 not reported")
    if "Amersfoort / RD New" not in text:
        problems.append("CRS name 'Amersfoort / RD New' not reported")
    origin = f"Origin = ({x0:.15f},{y0:.15f})"
    if origin not in text:
        line = next((l for l in text.splitlines() if l.startswith("Origin")), "no Origin line")
        problems.append(f"expected {origin}, GDAL says {line}")
    if "Pixel Size = (25.000000000000000,-25.000000000000000)" not in text:
        line = next((l for l in text.splitlines() if l.startswith("Pixel Size")), "no Pixel Size line")
        problems.append(f"expected 25 m pixels, GDAL says {line}")
    return problems, text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stack")
    ap.add_argument("--rows-per-block", type=int, default=512)
    ap.add_argument("--no-gdal", action="store_true")
    args = ap.parse_args()

    ds = netCDF4.Dataset(args.stack)
    ds.set_auto_mask(False)
    region = getattr(ds, "polder_region", "?")
    national = region == "national"
    years = [int(y) for y in ds["map_year"][:]]
    ny, nx = ds.dimensions["y"].size, ds.dimensions["x"].size
    nyears = len(years)
    cat_cells = np.zeros((nyears, 6), dtype=np.int64)
    class_cells = np.zeros((nyears, 18), dtype=np.int64)
    trans = np.zeros((nyears - 1, 6, 6), dtype=np.int64)
    soil_cells = np.zeros(7, dtype=np.int64)
    territory = 0
    seagrass_since = {}
    vol_sum = 0.0
    vol_n = 0
    species = np.zeros(10, dtype=np.int64)
    ages = []
    bad = []
    # The forest attributes refer to the 2021 map (forest_reference_year), not to the last map year.
    i_ref = years.index(2021) if 2021 in years else nyears - 1
    cat_of = np.zeros(256, dtype=np.int64) - 1
    for code, c in CODE_CAT.items():
        cat_of[code] = c
    for r0 in range(0, ny, args.rows_per_block):
        r1 = min(ny, r0 + args.rows_per_block)
        terr = ds["territory"][r0:r1, :] == 1
        n_t = int(terr.sum())
        territory += n_t
        if n_t == 0:
            continue
        lu = ds["land_use"][:, r0:r1, :]
        for k in range(nyears):
            v = lu[k][terr]
            if v.size and (v.min() < 1 or v.max() > 17):
                bad.append(f"land_use {years[k]} has codes outside 1-17 in rows {r0}-{r1}")
            counts = np.bincount(v, minlength=18)[:18]
            class_cells[k] += counts
            cat_cells[k] += np.bincount(cat_of[v], minlength=6)[:6]
            if k > 0:
                a = cat_of[lu[k - 1][terr]]
                b = cat_of[v]
                trans[k - 1] += np.bincount(a * 6 + b, minlength=36).reshape(6, 6)
        soil = ds["soil"][r0:r1, :][terr]
        soil_cells += np.bincount(soil, minlength=7)[:7]
        peat = ds["peat_thickness"][r0:r1, :][terr]
        for cls, lo, hi in ((5, 40.0, 1500.0), (6, 5.0, 40.0)):
            sel = peat[soil == cls]
            if sel.size and (sel.min() < lo or sel.max() > hi):
                bad.append(f"peat_thickness of soil class {cls} outside {lo}-{hi} cm in rows {r0}-{r1}")
        glg = ds["glg"][r0:r1, :][terr]
        ghg = ds["ghg"][r0:r1, :][terr]
        if (ghg > glg).any():
            bad.append(f"ghg deeper than glg in rows {r0}-{r1}")
        sg = ds["seagrass_since"][r0:r1, :][terr]
        for y, n in zip(*np.unique(sg[sg > 0], return_counts=True)):
            seagrass_since[int(y)] = seagrass_since.get(int(y), 0) + int(n)
        sp = ds["forest_species"][r0:r1, :][terr]
        f2021 = lu[i_ref][terr] == 1
        vol = ds["standing_volume"][r0:r1, :][terr]
        vol_sum += float(vol[f2021].astype(np.float64).sum())
        vol_n += int(f2021.sum())
        species += np.bincount(sp[f2021], minlength=10)[:10]
        ages.append(ds["forest_age"][r0:r1, :][terr][f2021])

    kha = lambda cells: cells * CELL_HA / 1000.0
    failures = list(bad)
    print(f"Input stack {args.stack}: region {region}, {ny} x {nx} cells, map years {years}")
    print(f"territory: {kha(territory):.2f} kha" + (f" (reference {TERRITORY_KHA:.2f}, {100 * (kha(territory) / TERRITORY_KHA - 1):+.3f} %)" if national else ""))
    if national and abs(kha(territory) / TERRITORY_KHA - 1) > 0.005:
        failures.append("territory outside +-0.5 %")

    print("\nArea per CRT category (kha) vs CRT 4.1 (interpolated; 1970 reconstructed, 2025 extrapolated), difference %:")
    print("  year " + "".join(f"{c + ' ' + n:>24s}" for c, n in zip(CRT_CODES, CATS)))
    for k, y in enumerate(years):
        ref = crt_reference(y)
        cells = []
        for c in range(6):
            got = kha(cat_cells[k][c])
            diff = 100 * (got / ref[c] - 1)
            cells.append(f"{got:9.2f} /{ref[c]:8.2f} {diff:+5.2f}%")
            if national and abs(diff) > 1.0:
                failures.append(f"{y} {CATS[c]}: {got:.2f} kha vs {ref[c]:.2f} ({diff:+.2f} %)")
        print(f"  {y} " + "".join(f"{s:>24s}" for s in cells))

    print("\nGross change between map years (kha): category -> category, largest flows")
    for k in range(nyears - 1):
        m = trans[k]
        flows = [(kha(m[a][b]), CATS[a], CATS[b]) for a in range(6) for b in range(6) if a != b and m[a][b] > 0]
        flows.sort(reverse=True)
        gross_defor = kha(m[0].sum() - m[0][0])
        gross_affor = kha(m[:, 0].sum() - m[0][0])
        print(f"  {years[k]}->{years[k + 1]}: deforestation {gross_defor:.1f}, afforestation {gross_affor:.1f}; "
              + ", ".join(f"{a}->{b} {v:.1f}" for v, a, b in flows[:6]))

    names = ["", "forest", "trees outside forest", "agri grassland", "nature grassland", "heath", "reed marsh",
             "sand/dunes", "arable", "orchard", "built-up", "infrastructure", "urban green", "inland water",
             "coastal water", "intertidal flat", "salt marsh", "seagrass"]
    print("\nArea per Polder class (kha):")
    print("  class                 " + "".join(f"{y:>9d}" for y in years))
    for c in range(1, 18):
        print(f"  {c:2d} {names[c]:19s}" + "".join(f"{kha(class_cells[k][c]):9.2f}" for k in range(nyears)))

    print("\nReferences:")
    checks = []
    peat, peaty = kha(soil_cells[5]), kha(soil_cells[6])
    checks.append(("peat soils (veengrond)", peat, 274.0, "+-2 %", abs(peat / 274.0 - 1) <= 0.02))
    checks.append(("peaty soils (moerige grond)", peaty, 162.0, "+-2 %", abs(peaty / 162.0 - 1) <= 0.02))
    i2021 = years.index(2021) if 2021 in years else nyears - 1
    forest2021 = kha(class_cells[i2021][1])
    checks.append(("forest 2021", forest2021, 363.8, "363-373 kha", 363.0 <= forest2021 <= 373.0))
    mean_vol = vol_sum / max(vol_n, 1)
    checks.append(("mean standing volume 2021 (m3/ha)", mean_vol, 225.0, "+-3 %", abs(mean_vol / 225.0 - 1) <= 0.03))
    marsh = kha(class_cells[i2021][16])
    checks.append(("salt marsh 2021", marsh, 16.0, "15-20 kha", 15.0 <= marsh <= 20.0))
    sg2021_ha = class_cells[i2021][17] * CELL_HA
    checks.append(("seagrass in the 2021 map (ha)", sg2021_ha, 276.0, "+-10 %", abs(sg2021_ha / 276.0 - 1) <= 0.10))
    cum = 0
    for y in sorted(seagrass_since):
        cum += seagrass_since[y]
        if y in (2018, 2021, 2024):
            ref = {2018: 30.0, 2021: 276.0, 2024: 1668.0}[y]
            got = cum * CELL_HA
            checks.append((f"seagrass established by {y} (ha)", got, ref, "+-10 %", abs(got / ref - 1) <= 0.10))
    for name, got, ref, tol, ok in checks:
        print(f"  {name:36s} {got:10.2f}  reference {ref:9.2f}  ({tol}) {'ok' if ok else 'OUT OF TOLERANCE'}")
        if national and not ok:
            failures.append(f"{name}: {got:.2f} vs {ref:.2f} ({tol})")

    tot = species[1:].sum()
    if tot:
        print("\nForest species shares 2021 (% of forest area) vs NBI6 (2013, orientation only):")
        for s in range(1, 10):
            print(f"  {SPECIES[s - 1]:18s} {100 * species[s] / tot:6.1f} %   NBI6 {NBI6_SHARE[s - 1]:5.1f} %")
        broad = 100 * species[5:10].sum() / tot
        ok = broad > 50.0
        print(f"  broadleaves        {broad:6.1f} %   (NBI7: more than half) {'ok' if ok else 'OUT OF TOLERANCE'}")
        if national and not ok:
            failures.append(f"broadleaves {broad:.1f} % of the 2021 forest, NBI7 says more than half")
        a = np.concatenate(ages) if ages else np.array([0])
        print(f"  stand age 2021: mean {a.mean():.1f} yr, median {np.median(a):.0f} yr")

    if not args.no_gdal:
        x = ds["x"][:2]
        y = ds["y"][:2]
        problems, text = gdal_check(args.stack, float(x[0]) - 12.5, float(y[0]) + 12.5)
        if problems is None:
            print(f"\nGDAL: skipped ({text})")
        else:
            crs_line = next((l.strip() for l in text.splitlines() if "PROJCRS" in l or "PROJCS" in l), "?")
            origin = next((l for l in text.splitlines() if l.startswith("Origin")), "?")
            pixel = next((l for l in text.splitlines() if l.startswith("Pixel Size")), "?")
            print(f"\nGDAL: {crs_line} | {origin} | {pixel}: {'ok' if not problems else '; '.join(problems)}")
            failures += [f"GDAL: {p}" for p in problems]

    if failures:
        print("\nFAILED:")
        for f in failures:
            print("  " + f)
        return 1
    print("\nAll checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
