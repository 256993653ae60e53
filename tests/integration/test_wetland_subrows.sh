#!/usr/bin/env bash
# The 4.D sub-rows (salt marsh, seagrass, tidal flats, open water, reed marsh) add up to the 4.D
# totals of the same inventory: area to the 4.D rows of /crt/area_kha, net emissions to
# /inventory/net_kt_co2e of 4.D, to 1e-12 of the magnitudes added.
source "$(dirname "$0")/common.sh" "$@"
END_YEAR=1993 make_inputs
"$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet --output out/run.h5 || fail "run failed"
/usr/bin/python3 - out/run.h5 <<'PY' || fail "the 4.D sub-rows do not add up to 4.D"
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "r") as f:
    names = [n.decode() if isinstance(n, bytes) else n for n in f["/crt/wetland_subrows/names"][()]]
    area = f["/crt/wetland_subrows/area_kha"][()]
    net = f["/crt/wetland_subrows/net_kt_co2e"][()]
    rows = [r.decode() if isinstance(r, bytes) else r for r in f["/crt/rows"][()]]
    wet = [i for i, r in enumerate(rows) if r.startswith("4.D")]
    total_area = f["/crt/area_kha"][()][:, wet].sum(axis=1)
    total_net = f["/inventory/net_kt_co2e"][()][:, 3]
    for what in ["co2_kt", "ch4_kt", "n2o_kt"]:
        sub = f["/crt/wetland_subrows/" + what][()].sum(axis=1)
        full = f["/crt/" + what][()][:, wet].sum(axis=1)
        assert np.all(np.abs(sub - full) <= 1e-12 * np.abs(f["/crt/wetland_subrows/" + what][()]).sum(axis=1) + 1e-300), what
assert names[:4] == ["Salt marsh", "Seagrass meadows", "Tidal flats", "Open water (coastal and inland)"], names
assert area.shape == (4, 5) and net.shape == (4, 5)
assert (area[:, :4] > 0).all(), "the test inputs hold salt marsh, seagrass, flats and water"
assert np.all(np.abs(area.sum(axis=1) - total_area) <= 1e-12 * total_area), (area.sum(axis=1), total_area)
scale = np.abs(net).sum(axis=1)
assert np.all(np.abs(net.sum(axis=1) - total_net) <= 1e-12 * scale), (net.sum(axis=1), total_net)
PY
# polder report shows the sub-rows in Table 4 and Table 4.D, on the terminal, in the CSV folder and the
# workbook; an inventory written before the sub-rows existed still reports, without them.
"$POLDER" report out/run.h5 --table 4.D > table_4d.txt || fail "report --table 4.D failed"
for key in salt_marsh seagrass tidal_flat open_water reed_marsh; do
  grep -q "4.D.$key" table_4d.txt || fail "Table 4.D lacks the sub-row 4.D.$key: $(cat table_4d.txt)"
done
"$POLDER" report out/run.h5 --table 4 > table_4.txt || fail "report --table 4 failed"
grep -q "4.D.salt_marsh" table_4.txt || fail "Table 4 lacks the 4.D sub-rows"
"$POLDER" report out/run.h5 --xlsx out/crt.xlsx --csv out/crt_csv > /dev/null || fail "report --xlsx --csv failed"
grep -q "4.D.tidal_flat" out/crt_csv/table_4_d.csv || fail "table_4_d.csv lacks the sub-rows"
unzip -p out/crt.xlsx 'xl/*' > workbook.xml
grep -q "4.D.open_water" workbook.xml || fail "the workbook lacks the 4.D sub-rows"
cp out/run.h5 out/old.h5
/usr/bin/python3 - out/old.h5 <<'PY'
import sys, h5py
with h5py.File(sys.argv[1], "r+") as f:
    del f["/crt/wetland_subrows"]
    del f["/ledger/wetland_subrows"]
PY
"$POLDER" report out/old.h5 --table 4.D > old_4d.txt || fail "an inventory without sub-rows no longer reports"
grep -q "4.D.salt_marsh" old_4d.txt && fail "sub-rows shown for an inventory without them"
grep -q "4.D.1" old_4d.txt || fail "Table 4.D of an old inventory is incomplete"
echo "wetland sub-rows: add up to the 4.D area and net emissions; reported in Table 4 and 4.D"
