#!/usr/bin/env bash
# Branching (--branch-from): a run of scenario Md checkpointed after 1992, branched under Hd with a
# measure that starts in 1993, gives the same bits as the Hd + measure run from 1990 (KNMI'23 scenarios
# share the observed years), on 1 and 2 ranks. A checkpoint of another input stack, and a measure that
# starts by the branch year, are refused (exit 2).
source "$(dirname "$0")/common.sh" "$@"
END_YEAR=1995 make_inputs
measure_ini() {  # $1 = file, $2 = start year
  cat > "$1" <<INI
[measure.test_forest]
name = test afforestation
source = integration test
action = land_use
to_land_use = forest
species = oak:0.5 scots_pine:0.5
land_use = grassland_agri arable
start_year = $2
target_year = 1995
area_ha = 300
shortfall = warn
INI
}
measure_ini measure_1993.ini 1993
measure_ini measure_1992.ini 1992

"$POLDER" run --config run.ini --quiet --set run.scenario=Md --output out/parent.h5 --checkpoint-every 3 \
  || fail "parent run failed"
[ -f checkpoints/polder_checkpoint_1992.h5 ] || fail "no checkpoint for 1992"
"$POLDER" run --config run.ini --config measure_1993.ini --quiet --output out/full.h5 \
  --set run.checkpoint_dir=full_checkpoints || fail "full Hd + measure run failed"

for ranks in 1 2; do
  "$MPIEXEC" -n "$ranks" "$POLDER" run --config run.ini --config measure_1993.ini --quiet \
    --output "out/branch_$ranks.h5" --set run.checkpoint_dir="branch_checkpoints_$ranks" \
    --branch-from checkpoints/polder_checkpoint_1992.h5 || fail "branch on $ranks rank(s) failed"
  same_inventory out/full.h5 "out/branch_$ranks.h5"
  /usr/bin/python3 "$SRC/bench/compare_inventories.py" out/full.h5 "out/branch_$ranks.h5" --check > "compare_$ranks.log" \
    || fail "branch on $ranks rank(s) differs from the full run: $(cat "compare_$ranks.log")"
done
# The branch is recorded in provenance: the checkpoint, its year and the parent's scenario.
h5dump -A -g /provenance out/branch_2.h5 > prov.txt
grep -q 'polder_checkpoint_1992.h5' prov.txt || fail "provenance does not name the checkpoint branched from"
grep -A10 '"parent_scenario"' prov.txt | grep -q '"Md"' || fail "provenance lacks parent_scenario Md"
grep -A6 '"branch_year"' prov.txt | grep -q 1992 || fail "provenance lacks branch_year 1992"
grep -q '"branch_digest"' prov.txt || fail "provenance lacks branch_digest"
# The measure took cells (100 ha a year from 1993), so the comparison covers its effect; a planned cell
# that a map event converts before its year is not taken (measure_plan.hpp), so a little less than 300.
/usr/bin/python3 -c "
import h5py, sys
a = h5py.File('out/branch_1.h5', 'r')['/measures/area_ha'][-1, 0]
sys.exit(0 if 295.0 <= a <= 300.0 else 1)" || fail "the test measure took no cells (or too few)"
# The branch really changed something: the Md parent and the Hd branch differ after 1992.
h5diff -q out/parent.h5 out/branch_1.h5 /crt > /dev/null && fail "the branch equals its Md parent"

# Other parameter values are a branch's to choose (from the branch year on): accepted, and recorded.
cat > slower_fire.ini <<INI
[fire.spread.forest]
value = 0.3
unit = 1
source = test setting (tests/integration/test_branch.sh)
INI
"$POLDER" run --config run.ini --quiet --output out/branch_params.h5 --set run.checkpoint_dir=branch_params \
  --set run.parameters="$SRC/configs/parameters/lulucf_nl.ini $SRC/tests/integration/fire_heavy.ini slower_fire.ini" \
  --branch-from checkpoints/polder_checkpoint_1992.h5 || fail "a branch with other parameter values was refused"

expect_refusal() {  # $1 = log, $2 = message part, then the command
  local log=$1 msg=$2
  shift 2
  set +e
  "$@" 2> "$log" > /dev/null
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "expected exit 2, got $rc: $*"
  grep -q -- "$msg" "$log" || fail "unexpected message (wanted '$msg'): $(cat "$log")"
  ls out | grep -q "refused" && fail "a refused branch left an inventory"
  return 0
}
# A measure that starts by the branch year would change years the branch takes over.
expect_refusal early.log "measure.test_forest.start_year = 1992 is not after the branch year 1992" \
  "$POLDER" run --config run.ini --config measure_1992.ini --quiet --output out/refused.h5 \
  --branch-from checkpoints/polder_checkpoint_1992.h5
# Another input stack.
"$BIN_DIR/polder_make_test_inputs" other.nc other_climate.nc 200 300 > /dev/null
expect_refusal other.log "different input stack" \
  "$POLDER" run --config run.ini --quiet --input other.nc --output out/refused.h5 \
  --branch-from checkpoints/polder_checkpoint_1992.h5
# Another seed.
expect_refusal seed.log "run.seed" \
  "$POLDER" run --config run.ini --quiet --set run.seed=77 --output out/refused.h5 \
  --branch-from checkpoints/polder_checkpoint_1992.h5
# A parent with cells already in a measure: its measure numbers would be read as the branch's.
measure_ini measure_1991.ini 1991
"$POLDER" run --config run.ini --config measure_1991.ini --quiet --set run.end_year=1992 \
  --set run.checkpoint_dir=measured_checkpoints --checkpoint-every 2 --output out/measured.h5 \
  || fail "parent run with a measure failed"
expect_refusal measured.log "the parent run has cells in its measures" \
  "$POLDER" run --config run.ini --quiet --output out/refused.h5 --set run.checkpoint_dir=refused_checkpoints \
  --branch-from measured_checkpoints/polder_checkpoint_1991.h5
# --restart keeps refusing another scenario.
expect_refusal restart.log "different scenario" \
  "$POLDER" run --config run.ini --quiet --output out/refused.h5 --restart checkpoints/polder_checkpoint_1992.h5
echo "branch: Md 1990-1992 branched under Hd + measure from 1993 equals the full Hd + measure run at 1 and 2 ranks"
