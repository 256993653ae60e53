#!/usr/bin/env bash
# Runs to 2100 (issue 11, "run.end_year up to 2100 works for every region and scenario"): the province
# of Zeeland from `polder synth` (coast, salt marshes, tidal flats, the baseline projection after the
# last map) under the lowest and the highest KNMI'23 scenario, 1990-2100 at 2 ranks, all measure files
# on under Hd. Checks: every year is there, the totals are finite, the two runs differ by 2100, and the
# 4.D sub-rows add up to the 4.D rows (area and net emissions) in every year.
source "$(dirname "$0")/common.sh" "$@"
"$MPIEXEC" -n 2 "$POLDER" synth --region zeeland --output zeeland.nc --climate-output climate.nc --quiet \
  || fail "polder synth --region zeeland failed"
mkdir -p out
cat > run.ini <<INI
[run]
name = Zeeland 1990-2100
start_year = 1990
end_year = 2100
input = zeeland.nc
climate = climate.nc
scenario = Ld
output = out/Ld.h5
checkpoint_every = 0
parameters = $SRC/configs/parameters/lulucf_nl.ini $SRC/configs/parameters/eu_lulucf_nl.ini
[grid]
tile_size = 256
INI
measures=()
for m in veenweide bossenstrategie natuurbeheer landbouwbodems kwelders_zeegras natuurbrand houtoogst; do
  measures+=(--config "$SRC/configs/measures/$m.ini")
done
"$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet || fail "Ld to 2100 failed"
"$MPIEXEC" -n 2 "$POLDER" run --config run.ini "${measures[@]}" --set run.scenario=Hd --output out/Hd_all.h5 --quiet \
  2> hd_all.err || fail "Hd with all measures to 2100 failed: $(cat hd_all.err)"
/usr/bin/python3 - out/Ld.h5 out/Hd_all.h5 <<'PY' || fail "the 2100 runs are not what the test expects"
import sys, h5py, numpy as np
ld, hd = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
for f in (ld, hd):
    assert list(f["/inventory/years"][()]) == list(range(1990, 2101))
    assert np.isfinite(f["/inventory/total_kt_co2e"][()]).all()
    rows = [r.decode() if isinstance(r, bytes) else r for r in f["/crt/rows"][()]]
    d = [i for i, r in enumerate(rows) if r.startswith("4.D")]
    for q in ("area_kha", "net_kt_co2e"):
        whole = f["/crt/" + q][()][:, d].sum(axis=1)
        parts = f["/crt/wetland_subrows/" + q][()].sum(axis=1)
        assert np.allclose(parts, whole, rtol=1e-12, atol=1e-9), (q, np.abs(parts - whole).max())
k = 2100 - 1990
a, b = ld["/inventory/total_kt_co2e"][()], hd["/inventory/total_kt_co2e"][()]
assert a[k] != b[k], "Ld and Hd with measures give the same 2100 total"
print("Zeeland 1990-2100: net total 2100 %.1f kt (Ld), %.1f kt (Hd, all measures)" % (a[k], b[k]))
PY
echo "to 2100: Zeeland under Ld and under Hd with all measures, 111 years each"
