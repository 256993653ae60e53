"""Checks a Polder map file against its inventory (docs/output-format.md, "Maps").

Usage: check_maps.py MAPS_25M MAPS_COARSE INVENTORY
  - every field has units, long_name and grid_mapping = crs; xarray decodes the time axis to 31 December;
  - the 25 m land_use areas per IPCC category equal /crt/area_kha of each map year;
  - the 25 m change of biomass between two consecutive map years equals the inventory's living-biomass
    gains + losses of the later year, and the change of soc_stock equals mineral + organic soil stock
    changes minus DOC (the carbon that leaves the peat), within 1e-6 of the stock (float32 values);
  - the 25 m sum of net_co2 x area equals the CRT net CO2 of the year, sum of /crt/co2_kt, and that of
    net_co2e the net CO2-eq, sum of /crt/net_kt_co2e (1e-6);
  - the coarse map's mean x active cells adds up to the 25 m sum of the same field (1e-6 relative).
"""
import sys

import h5py
import netCDF4
import numpy as np
import xarray as xr

CELL_HA = 0.0625
# land-use code -> IPCC category (solver/model/land_use.hpp): forest cropland grassland wetlands
# settlements other_land
CATEGORY = {1: 0, 2: 2, 3: 2, 4: 2, 5: 2, 6: 3, 7: 5, 8: 1, 9: 1, 10: 4, 11: 4, 12: 4, 13: 3, 14: 3, 15: 3, 16: 3,
            17: 3}
errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)


def close(a, b, scale, what, rel=1e-6):
    check(abs(a - b) <= rel * abs(scale) + 1e-9, f"{what}: map {a!r} vs inventory {b!r} (scale {scale!r})")


fine_path, coarse_path, inventory = sys.argv[1:4]
fine, coarse, inv = netCDF4.Dataset(fine_path), netCDF4.Dataset(coarse_path), h5py.File(inventory, "r")
years = [int(y) for y in inv["/inventory/years"][:]]
map_years = [int(y) for y in fine["year"][:]]

for ds in (fine, coarse):
    for name in ("net_co2e", "net_co2", "soc_stock", "biomass", "peat_thickness", "land_use"):
        v = ds[name]
        for att in ("units", "long_name", "grid_mapping"):
            check(att in v.ncattrs(), f"{ds.filepath()}: {name} has no {att}")
        check(v.getncattr("grid_mapping") == "crs", f"{name}: grid_mapping {v.getncattr('grid_mapping')}")
    check(ds["crs"].getncattr("epsg_code") == "EPSG:28992", "crs:epsg_code")
    check(ds["land_use"].dtype == np.uint8 and "flag_values" in ds["land_use"].ncattrs(), "land_use codes")
    check(ds["x"].units == "m" and ds["y"].units == "m", "x/y units")
    check(ds["y"][0] > ds["y"][1], "y must run north to south")

x = xr.open_dataset(fine_path)
check(x["soc_stock"].attrs.get("units") == "t ha-1", f"xarray soc_stock units {x['soc_stock'].attrs}")
check(str(x.time.values[0])[:10] == f"{map_years[0]}-12-31", f"xarray time {x.time.values[0]}")

active = fine["active_cells"][:].filled(0)
check(set(np.unique(active)) <= {0, 1}, "25 m active_cells must be 0 or 1")
area_ha = active * CELL_HA


def field(ds, name):
    return ds[name][:].filled(0).astype(np.float64)


land_use = fine["land_use"][:].filled(0)
for t, year in enumerate(map_years):
    y = years.index(year)
    area = inv["/crt/area_kha"][y]  # [row], row = to * 6 + from
    for cat in range(6):
        codes = [c for c, k in CATEGORY.items() if k == cat]
        mapped = np.isin(land_use[t], codes).sum() * CELL_HA / 1000.0
        close(mapped, float(area[cat * 6:(cat + 1) * 6].sum()), area.sum(), f"{year} area of category {cat}")

biomass, soc = field(fine, "biomass"), field(fine, "soc_stock")
for t in range(1, len(map_years)):
    if map_years[t] != map_years[t - 1] + 1:
        continue
    y = years.index(map_years[t])
    lb = inv["/crt/living_biomass_gains_kt_c"][y].sum() + inv["/crt/living_biomass_losses_kt_c"][y].sum()
    stock = (biomass[t] * area_ha).sum() / 1000.0
    close(((biomass[t] - biomass[t - 1]) * area_ha).sum() / 1000.0, lb, stock, f"{map_years[t]} biomass change")
    soil = (inv["/crt/mineral_soils_kt_c"][y].sum() + inv["/crt/organic_soils_kt_c"][y].sum()
            - inv["/crt/table_4_II/doc_co2_kt"][y].sum() * 12.0 / 44.0)
    stock = (soc[t] * area_ha).sum() / 1000.0
    close(((soc[t] - soc[t - 1]) * area_ha).sum() / 1000.0, soil, stock, f"{map_years[t]} soil carbon change")

net = field(fine, "net_co2")
for t, year in enumerate(map_years):
    co2 = float(inv["/crt/co2_kt"][years.index(year)].sum())
    close((net[t] * area_ha).sum() / 1000.0, co2, (np.abs(net[t]) * area_ha).sum() / 1000.0, f"{year} net CO2")
net_e = field(fine, "net_co2e")
for t, year in enumerate(map_years):
    co2e = float(inv["/crt/net_kt_co2e"][years.index(year)].sum())
    scale = (np.abs(net_e[t]) * area_ha).sum() / 1000.0
    close((net_e[t] * area_ha).sum() / 1000.0, co2e, scale, f"{year} net CO2-eq")
    total = float(inv["/inventory/total_kt_co2e"][years.index(year)])
    hwp = float(inv["/crt/table_4_G/net_co2_kt"][years.index(year)])
    close((net_e[t] * area_ha).sum() / 1000.0 + hwp, total, scale, f"{year} national total = map + HWP")

counts = coarse["active_cells"][:].filled(0).astype(np.float64)
check(counts.sum() == active.sum(), f"coarse active cells {counts.sum()} vs {active.sum()}")
for name in ("net_co2e", "net_co2", "soc_stock", "biomass", "peat_thickness"):
    f, c = field(fine, name), field(coarse, name)
    for t in range(len(map_years)):
        a, b = (f[t] * active).sum(), (c[t] * counts).sum()
        close(b, a, a, f"{name} {map_years[t]}: coarse mean x cells vs 25 m sum")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"maps agree with the inventory: {len(map_years)} years, {int(active.sum())} cells")
