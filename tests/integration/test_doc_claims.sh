#!/usr/bin/env bash
# Claims the docs make about the code, checked on small runs:
#   - docs/operations.md: `h5diff A B /inventory` exits 0 for inventories covering different years, and
#     `bench/compare_inventories.py --check` fails for them and passes for identical runs;
#   - docs/output-format.md: /ledger books living-biomass losses as positive magnitudes, and /crt shows
#     them negative, = -(sum over provinces) / 1000;
#   - docs/configuration.md: with processes.climate_response = false the groundwater anomaly of the
#     climate file does not reach the results (with it true, it does).
source "$(dirname "$0")/common.sh" "$@"
END_YEAR=1993 make_inputs
run=("$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet)
"${run[@]}" --output out/a.h5
"${run[@]}" --output out/a_again.h5
"${run[@]}" --output out/b.h5 --set run.end_year=1994

h5diff out/a.h5 out/b.h5 /inventory > h5diff.out 2>&1 || fail "h5diff now fails for different years: update docs/operations.md"
compare="/usr/bin/python3 $SRC/bench/compare_inventories.py --check"
! $compare out/a.h5 out/b.h5 > compare_ab.out || fail "compare_inventories.py --check passed inventories of different years"
$compare out/a.h5 out/a_again.h5 > compare_aa.out || fail "compare_inventories.py --check failed two identical runs: $(cat compare_aa.out)"

/usr/bin/python3 - out/a.h5 <<'PY' || fail "the /ledger sign of living-biomass losses is not what docs/output-format.md says"
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "r") as f:
    names = [n.decode() if isinstance(n, bytes) else n for n in f["/ledger/quantities"][()]]
    ledger = f["/ledger/values"][()]  # [year][province][row][quantity]
    loss = ledger[..., names.index("living_biomass_losses_t_c")]
    crt = f["/crt/living_biomass_losses_kt_c"][()]
assert (loss >= 0).all() and loss.sum() > 0, "ledger losses must be positive magnitudes"
assert np.allclose(crt, -loss.sum(axis=1) / 1000, rtol=1e-12, atol=0), "crt losses must be -ledger/1000"
PY

/usr/bin/python3 - climate.nc climate_gw.nc <<'PY'
import shutil, sys, netCDF4
shutil.copyfile(sys.argv[1], sys.argv[2])
with netCDF4.Dataset(sys.argv[2], "r+") as d:
    d["gw_anomaly"][:] = d["gw_anomaly"][:] + 40.0
PY
off=("${run[@]}" --set processes.climate_response=false)
"${off[@]}" --output out/off.h5
"${off[@]}" --output out/off_gw.h5 --set run.climate=climate_gw.nc
same_inventory out/off.h5 out/off_gw.h5
"${run[@]}" --output out/on_gw.h5 --set run.climate=climate_gw.nc
! h5diff -q out/a.h5 out/on_gw.h5 /inventory > /dev/null 2>&1 || fail "the groundwater anomaly has no effect even with climate_response = true"
echo "doc claims: h5diff pitfall and compare --check, ledger sign, climate_response = false drops gw_anomaly"
