#!/usr/bin/env bash
# Per-cell maps ([output] maps): a small run writes them at 25 m and 250 m (tiles of 32 cells, so 250 m
# map cells straddle tiles and ranks) at 1x1, 2x1 and 1x2 ranks x threads with identical data; gdalinfo
# recognises RD New (EPSG:28992); netCDF4 and xarray find units and time, and the maps add up to the
# inventory (check_maps.py); polder report --html embeds them; a restart gives the same maps. Bad map keys exit 2 naming the key, and leave no map file behind.
source "$(dirname "$0")/common.sh" "$@"
END_YEAR=1995 make_inputs
cat >> run.ini <<INI
[output]
maps = net_co2e net_co2 soc_stock biomass peat_thickness land_use
map_years = 1993 1994 1995
INI
vars=(net_co2e net_co2 soc_stock biomass peat_thickness land_use active_cells x y time year)
for res in 25 250; do
  for rt in 1x1 2x1 1x2; do
    ranks=${rt%x*}; threads=${rt#*x}
    OMP_NUM_THREADS=$threads "$MPIEXEC" -n "$ranks" "$POLDER" run --config run.ini --quiet \
      --output "out/$rt.h5" --set output.map_resolution=$res --set "output.maps_output=out/${rt}_$res.maps.nc" \
      > "run_${rt}_$res.out" 2>&1 || fail "run at $rt, $res m failed: $(tail -3 "run_${rt}_$res.out")"
  done
  for rt in 2x1 1x2; do
    for v in "${vars[@]}"; do
      h5diff "out/1x1_$res.maps.nc" "out/${rt}_$res.maps.nc" "/$v" > /dev/null \
        || fail "$v of the $res m map at $rt differs from 1x1"
    done
  done
done
ls out/*.partial* > /dev/null 2>&1 && fail "temporary map files left: $(ls out)"

gdalinfo "NETCDF:out/1x1_250.maps.nc:soc_stock" > gdalinfo.out 2>&1 || fail "gdalinfo: $(tail -3 gdalinfo.out)"
grep -q 'ID\["EPSG",28992\]' gdalinfo.out || fail "gdalinfo does not recognise EPSG:28992: $(head -20 gdalinfo.out)"
grep -q 'Amersfoort / RD New' gdalinfo.out || fail "gdalinfo: no RD New"
grep -q 'Pixel Size = (250.0*,-250.0*)' gdalinfo.out || fail "gdalinfo: not 250 m cells: $(grep Pixel gdalinfo.out)"
grep -q 'Unit Type: t ha-1' gdalinfo.out || fail "gdalinfo: no units"
/usr/bin/python3 "$SRC/tests/integration/check_maps.py" out/1x1_25.maps.nc out/1x1_250.maps.nc out/1x1.h5 \
  || fail "maps disagree with the inventory"

# The HTML report finds the maps through the inventory's provenance and embeds one PNG per field.
"$POLDER" report out/1x1.h5 --html report.html > report.out 2>&1 || fail "polder report: $(cat report.out)"
/usr/bin/python3 - report.html <<'PY' || fail "the report has no per-cell maps"
import base64, re, sys
page = open(sys.argv[1]).read()
assert "<h2>Per-cell maps</h2>" in page, "no maps section"
images = re.findall(r'<img alt="([^"]+)" src="data:image/png;base64,([^"]+)"', page)
titles = [t for t, _ in images]
for want in ("Net emission (CO2-eq) 1995", "Net CO2 emission 1995", "Soil organic carbon 1995", "Living biomass carbon 1995", "Peat thickness 1995", "Land use 1995"):
    assert want in titles, f"no map '{want}' in {titles}"
for _, data in images:
    assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
PY
mv out/1x1_250.maps.nc out/moved.nc
"$POLDER" report out/1x1.h5 --html report_nomaps.html > report_nomaps.out 2>&1 || fail "report without maps file failed"
grep -q "is not there: the page has no maps" report_nomaps.out || fail "no warning for a missing maps file"
mv out/moved.nc out/1x1_250.maps.nc

# A run restarted from the checkpoint of 1992 writes the same maps of 1994 and 1995 as an uninterrupted
# run, and refuses a map year it does not compute.
restart=(--set "output.map_years=1994 1995" --set output.map_resolution=250)
"$POLDER" run --config run.ini --quiet --output out/full.h5 "${restart[@]}" --set output.maps_output=out/full.maps.nc \
  --checkpoint-every 3 > full.out 2>&1 || fail "run with checkpoints: $(tail -3 full.out)"
[ -f checkpoints/polder_checkpoint_1992.h5 ] || fail "no checkpoint of 1992"
"$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet --output out/restarted.h5 "${restart[@]}" \
  --set output.maps_output=out/restarted.maps.nc --restart checkpoints/polder_checkpoint_1992.h5 > restarted.out 2>&1 \
  || fail "restart: $(tail -3 restarted.out)"
for v in "${vars[@]}"; do
  h5diff out/full.maps.nc out/restarted.maps.nc "/$v" > /dev/null || fail "$v differs after a restart"
done
set +e
"$POLDER" run --config run.ini --quiet --output out/early.h5 --set output.maps_output=out/early.maps.nc \
  --set "output.map_years=1992 1995" --restart checkpoints/polder_checkpoint_1992.h5 > early.out 2>&1
rc=$?
set -e
[ $rc -eq 2 ] || fail "a map year before the restart exited $rc, expected 2: $(cat early.out)"
grep -q "output.map_years: 1992 is before 1993, the first year this run computes" early.out \
  || fail "no message for a map year before the restart: $(cat early.out)"
[ ! -e out/early.maps.nc ] && [ ! -e out/early.maps.nc.partial ] || fail "a map file was left after the refusal"

# Bad map keys: exit 2, a message naming the key, no map file.
bad() {
  local expect=$1
  shift
  set +e
  "$POLDER" run --config run.ini --quiet --output out/bad.h5 --set output.maps_output=out/bad.maps.nc "$@" \
    > bad.out 2>&1
  local rc=$?
  set -e
  [ $rc -eq 2 ] || fail "$* exited $rc, expected 2: $(cat bad.out)"
  grep -q "$expect" bad.out || fail "$*: expected '$expect' in: $(cat bad.out)"
  [ ! -e out/bad.maps.nc ] && [ ! -e out/bad.maps.nc.partial ] || fail "$*: a map file was left behind"
}
bad "output.maps: 'soc' is not a map field (valid: net_co2e net_co2 soc_stock biomass peat_thickness land_use)" \
  --set "output.maps=soc biomass"
bad "output.map_years: 1989 is outside the run (1990..1995)" --set "output.map_years=1989 1995"
bad "output.map_resolution = 500 is not one of 25 100 250 1000" --set output.map_resolution=500
bad "output.maps_output = 'stack.nc' is the same file as run.input" --set output.maps_output=stack.nc
echo "maps: 25 m and 250 m identical at 1x1, 2x1, 1x2; CRS, units and sums agree with the inventory"
