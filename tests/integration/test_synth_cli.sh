#!/usr/bin/env bash
# polder synth from the command line: a province (Utrecht) on 2 ranks with the climate file, read by GDAL as
# EPSG:28992 with the right origin and 25 m pixels, passing the input checks and the validation script;
# an unknown region gives exit code 2 with a suggestion.
set -euo pipefail
POLDER=$1
SRC=$2
WORK=$3
MPIEXEC=${MPIEXEC:-mpirun}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$MPIEXEC" -n 2 "$POLDER" synth --region Utrecht --output utrecht.nc --climate-output climate.nc --quiet \
  || fail "polder synth exited with $?"
"$POLDER" info utrecht.nc --check > check.out 2>&1 || fail "input checks: $(cat check.out)"
"$POLDER" info climate.nc --check > climate_check.out 2>&1 || fail "climate checks: $(cat climate_check.out)"

# GDAL: CRS, origin of the window (national row/col from the file) and pixel size.
gdalinfo "NETCDF:\"utrecht.nc\":land_use" > gdal.out 2>&1 || fail "gdalinfo: $(head -5 gdal.out)"
grep -q 'Amersfoort / RD New' gdal.out || fail "gdalinfo does not report Amersfoort / RD New"
grep -q 'ID\["EPSG",28992\]' gdal.out || fail "gdalinfo does not report EPSG:28992"
grep -q 'Pixel Size = (25.000000000000000,-25.000000000000000)' gdal.out || fail "gdalinfo pixel size: $(grep Pixel gdal.out)"
row0=$(ncdump -h utrecht.nc | sed -n 's/.*:polder_window_row0 = \([0-9]*\).*/\1/p')
col0=$(ncdump -h utrecht.nc | sed -n 's/.*:polder_window_col0 = \([0-9]*\).*/\1/p')
origin=$(printf 'Origin = (%d.000000000000000,%d.000000000000000)' $((col0 * 25)) $((640000 - row0 * 25)))
grep -qF "$origin" gdal.out || fail "gdalinfo $(grep Origin gdal.out), expected $origin"

if /usr/bin/python3 -c 'import netCDF4, numpy' 2> /dev/null; then
  /usr/bin/python3 "$SRC/validation/input/check_input_stack.py" utrecht.nc > validation.out 2>&1 \
    || fail "validation script: $(tail -5 validation.out)"
fi

set +e
"$POLDER" synth --region utrech --output bad.nc > bad.out 2> bad.err
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "unknown region: exit code $rc, expected 2"
grep -q "unknown region 'utrech' (did you mean 'utrecht'?)" bad.err || fail "unknown region message: $(cat bad.err)"
[ ! -e bad.nc ] || fail "a file was written for an unknown region"
echo "synth CLI: Utrecht on 2 ranks, GDAL reads EPSG:28992 at $origin, checks pass; bad region exits 2"
