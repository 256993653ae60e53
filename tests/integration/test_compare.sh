#!/usr/bin/env bash
# polder compare and scenario sets on small runs 1990-2030. A set of three members (Hd; Ld; Hd with the
# water table 10 cm deeper, a parameter file layered like a measure) is run by jobs/run_scenario_set.sh;
# the compare tables and CSV files agree with h5py differences, Hd and Ld are the same bits before the
# scenario years, the header names each run's scenario and parameter digest (the checkpoints' digest),
# the Slurm array task and compare job scripts give the same files. Runs that are not comparable (other
# input stack, other years), files that are not inventories and bad sets exit 2 with a message naming
# what is wrong and write nothing.
source "$(dirname "$0")/common.sh" "$@"
END_YEAR=2030 make_inputs
sed -i "s#^parameters = \(.*\)#parameters = \1 $SRC/configs/parameters/eu_lulucf_nl.ini#" run.ini
params=$(sed -n 's/^parameters = //p' run.ini)
cat > wtd.ini <<INI
# A stand-in for a measure: the parameter files of run.ini and a 10 cm deeper water table.
[run]
parameters = $params $SRC/validation/crt/wtd_plus_10cm.ini
INI
cat > set.ini <<INI
[set]
name = compare_test
base_config = run.ini
years = 1990-2030
base = Hd

[member.Ld]
scenario = Ld
measures = none

[member.Hd]
scenario = Hd
measures = none

[member.Hd_wtd]
scenario = Hd
measures = wtd.ini
INI
export POLDER
# Checkpoints every 20 years (2009, 2029), so the parameter digest can be checked against them.
bash "$SRC/jobs/run_scenario_set.sh" set.ini 2 out_set --quiet --checkpoint-every 20 > set.log 2>&1 \
  || fail "run_scenario_set.sh exited with $?: $(tail -20 set.log)"
for f in Hd Ld Hd_wtd; do [ -f "out_set/$f.h5" ] || fail "no out_set/$f.h5: $(tail set.log)"; done
for f in compare.txt compare.csv compare_crt.txt compare_crt.csv; do [ -s "out_set/$f" ] || fail "no out_set/$f"; done
ls out_set/.compare-* out_set/*.partial-* > /dev/null 2>&1 && fail "temporary files left in out_set: $(ls -a out_set)"
grep -q "1 (base): Hd " out_set/compare.txt || fail "the base is not Hd: $(head out_set/compare.txt)"
/usr/bin/python3 "$SRC/tests/integration/check_compare_outputs.py" out_set \
  || fail "compare outputs disagree with the inventories"

# Filters on the terminal: one year and one category, the CRT rows of one province.
"$POLDER" compare out_set/Hd.h5 out_set/Ld.h5 --year 2030 --category grassland > one.txt || fail "compare --year"
grep -q "4.C Grassland" one.txt && ! grep -q "4.A Forest" one.txt || fail "--category grassland: $(cat one.txt)"
"$POLDER" compare out_set/Hd.h5 out_set/Hd_wtd.h5 --table crt --province utrecht --years 2029-2030 > prov.txt \
  || fail "compare --table crt --province"
grep -q "per CRT row, Utrecht, 2029" prov.txt && grep -q "4.C.1" prov.txt || fail "crt --province: $(head prov.txt)"

# Goals from another parameter file (--targets): a file without the EU value says so.
cat > goal.ini <<INI
[nl.land_use_goal_2030]
value = 1000
unit = kt CO2-eq yr-1
source = a test goal
INI
"$POLDER" compare out_set/Hd.h5 out_set/Ld.h5 --targets goal.ini > goal.txt || fail "compare --targets"
want=$(/usr/bin/python3 -c "import h5py; f=h5py.File('out_set/Hd.h5'); y=list(f['/inventory/years'][()]).index(2030); print(f'{f[\"/inventory/total_kt_co2e\"][y] - 1000:.2f}')")
grep -E "^1 Hd .* $want +no value" goal.txt > /dev/null && grep -q "a test goal" goal.txt \
  || fail "--targets: expected $want and 'no value': $(tail -4 goal.txt)"

# The Slurm scripts run as plain scripts (as an array task and as the compare job) give the same files.
# They start in the repository, so the set and its configs use absolute paths here.
sed "s#^input = .*#input = $WORK/stack.nc#; s#^climate = .*#climate = $WORK/climate.nc#" run.ini > run_abs.ini
sed "s#^base_config = .*#base_config = $WORK/run_abs.ini#; s#^measures = wtd.ini#measures = $WORK/wtd.ini#" \
  set.ini > set_abs.ini
mkdir -p out_slurm
SLURM_ARRAY_TASK_ID=0 POLDER_HOME=$SRC POLDER_RANKS=2 bash "$SRC/jobs/slurm/scenario_set_array.sbatch" \
  "$WORK/set_abs.ini" "$WORK/out_slurm" > slurm_task.log 2>&1 || fail "array task: $(tail slurm_task.log)"
same_inventory out_set/Ld.h5 out_slurm/Ld.h5
cp out_set/Hd.h5 out_set/Hd_wtd.h5 out_slurm/
POLDER_HOME=$SRC bash "$SRC/jobs/slurm/scenario_set_compare.sbatch" "$WORK/set_abs.ini" "$WORK/out_slurm" \
  > slurm_compare.log 2>&1 || fail "compare job: $(tail slurm_compare.log)"
cmp out_set/compare.csv <(sed "s#$WORK/out_slurm/#out_set/#" out_slurm/compare.csv) \
  || fail "the compare job's CSV differs from the runner's"

# Refusals: exit 2, a message naming what differs, no CSV and no temporary file.
expect_refusal() {  # message-pattern, then the compare arguments
  local pattern=$1
  shift
  set +e
  "$POLDER" compare "$@" --csv bad.csv > bad.out 2> bad.err
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "polder compare $*: exit code $rc, expected 2 ($(cat bad.err))"
  grep -q -- "$pattern" bad.err || fail "polder compare $*: message '$(cat bad.err)' lacks '$pattern'"
  [ ! -e bad.csv ] || fail "polder compare $*: wrote bad.csv"
  [ ! -s bad.out ] || fail "polder compare $*: printed a comparison: $(head -3 bad.out)"
  ls ./*.partial-* > /dev/null 2>&1 && fail "polder compare $*: left a temporary file"
  return 0
}
# Another input stack (a smaller window of the test generator), 1990-2002: every difference is named.
"$BIN_DIR/polder_make_test_inputs" other.nc other_climate.nc 240 288 > /dev/null
"$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet --input other.nc --output out/other_input.h5 \
  --set run.end_year=2002 || fail "run on the other stack"
digest() { /usr/bin/python3 -c "import h5py,sys; f=h5py.File(sys.argv[1]); r=[x.decode() for x in f['/provenance/inputs/role'][()]]; print(f['/provenance/inputs/digest'][r.index('input stack')].decode()[:12])" "$1"; }
expect_refusal "input stack digest differs: out_set/Hd.h5 $(digest out_set/Hd.h5)... vs out/other_input.h5 $(digest out/other_input.h5)..." \
  out_set/Hd.h5 out/other_input.h5
expect_refusal "active cell count differs" out_set/Hd.h5 out/other_input.h5
# Other years: refused, unless --common-years, which compares 1990-2002 only.
sed -i 's/^end_year = .*/end_year = 2002/' run.ini
"$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet --output out/short.h5 || fail "short run"
expect_refusal "years differ: out_set/Hd.h5 1990-2030 vs out/short.h5 1990-2002" out_set/Hd.h5 out/short.h5
"$POLDER" compare out_set/Hd.h5 out/short.h5 --common-years --csv common.csv > common.out \
  || fail "--common-years: $(cat common.out)"
years=$(awk -F, 'NR > 1 {print $3}' common.csv | sort -u)
[ "$(head -1 <<< "$years")" = 1990 ] && [ "$(tail -1 <<< "$years")" = 2002 ] \
  || fail "--common-years: years in the CSV: $(tr '\n' ' ' <<< "$years")"
# Not an inventory, truncated, missing, only one file, a filter that cannot apply.
printf 'year,net\n2020,1\n' > not_an_inventory.h5
expect_refusal "is not an HDF5 file" out_set/Hd.h5 not_an_inventory.h5
head -c $(($(stat -c %s out_set/Ld.h5) / 2)) out_set/Ld.h5 > truncated.h5
expect_refusal "truncated" out_set/Hd.h5 truncated.h5
expect_refusal "no such file" out_set/Hd.h5 out_set/nope.h5
expect_refusal "needs a base inventory and at least one other" out_set/Hd.h5
expect_refusal "has no row of 4.G" out_set/Hd.h5 out_set/Ld.h5 --table crt --category 4.G
expect_refusal "not all in the inventory" out_set/Hd.h5 out_set/Ld.h5 --years 1985-1995
set +e
"$POLDER" compare out_set/Hd.h5 out_set/Ld.h5 --csv out_set/Ld.h5 > bad.out 2> bad.err
rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "is the inventory" bad.err || fail "--csv onto an inventory: rc $rc, $(cat bad.err)"
/usr/bin/python3 -c "import h5py; h5py.File('out_set/Ld.h5')['/inventory/years']" || fail "--csv replaced an inventory"

# A bad set is refused before anything runs.
sed 's/^scenario = Ld/scenario = Lx/' set.ini > bad_set.ini
set +e
bash "$SRC/jobs/run_scenario_set.sh" bad_set.ini 2 out_bad > bad_set.log 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "member.Ld.scenario = 'Lx' is not a KNMI'23 scenario" bad_set.log \
  || fail "bad set: rc $rc, $(cat bad_set.log)"
[ ! -e out_bad ] || fail "a bad set made its output folder"
echo "compare: a set of 3 runs, tables and CSV agree with h5py; the Slurm scripts agree; refusals exit 2"
