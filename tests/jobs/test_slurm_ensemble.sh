#!/usr/bin/env bash
# Ensembles under Slurm (issue 9 item 8, docs/uncertainty.md "Job arrays") on a small region, 1 scenario x
# 4 draws (5 members), 1990-1993:
#  - `polder run --members A-B` runs only those members, keeps their records and writes no inventory;
#    a later --resume writes the same file as the one-run ensemble; with --resume a range runs only its
#    members not yet recorded; bad ranges exit 2 naming --members, writing nothing;
#  - against a real single-node Slurm: the one-job mode (2 ranks in 2 groups, ensemble.sbatch) and the
#    array mode (2 tasks of member ranges, ensemble_array.sbatch, one of them killed after a member and
#    requeued, plus the dependent gather,
#    ensemble_gather.sbatch), both from jobs/slurm/submit_ensemble.sh, give files identical to a direct
#    `mpirun -n 1 polder run --ensemble` (bench/compare_inventories.py --check: all but provenance);
#    more array tasks than members submits nothing (exit 2).
#   test_slurm_ensemble.sh POLDER SOURCE_DIR WORK_DIR
set -euo pipefail
POLDER=$(readlink -f "$1")
SRC=$(readlink -f "$2")
WORK=$3
BIN_DIR=$(dirname "$POLDER")
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1
fail() { echo "FAIL: $*" >&2; exit 1; }
if ! command -v slurmctld > /dev/null || ! command -v munged > /dev/null; then
  echo "slurm-wlm and munge are not installed (jobs/install-deps.sh installs them)"; exit 1
fi
rm -rf "$WORK"
mkdir -p "$WORK/out"
WORK=$(readlink -f "$WORK")
cd "$WORK"

"$BIN_DIR/polder_make_test_inputs" stack.nc climate.nc 120 160 > /dev/null
cat > run.ini <<INI
[run]
name = slurm ensemble test
start_year = 1990
end_year = 1993
input = $WORK/stack.nc
climate = $WORK/climate.nc
scenario = Hd
output = $WORK/out/unused.h5
parameters = $SRC/configs/parameters/lulucf_nl.ini
[grid]
tile_size = 32
INI
printf '[ensemble]\nscenarios = Hd\ndraws = 4\nsampling = lhs\n' > ens.ini
polder() { "$POLDER" run --config run.ini --ensemble ens.ini --quiet "$@"; }
same() {  # same A B WHAT
  /usr/bin/python3 "$SRC/bench/compare_inventories.py" "$1" "$2" --check > compare.log 2>&1 \
    || fail "$3 differs from the direct ensemble: $(tail -5 compare.log)"
}
mpirun -n 1 "$POLDER" run --config run.ini --ensemble ens.ini --quiet --output out/direct.h5 \
  --set run.checkpoint_dir="$WORK/ck_direct" || fail "the direct ensemble failed"
[ "$(polder --member-count)" = 5 ] || fail "--member-count: $(polder --member-count), expected 5"

# 1. --members ranges, then a gather with --resume, without Slurm.
ck=(--set run.checkpoint_dir="$WORK/ck_range")
polder "${ck[@]}" --members 1-2 --output out/range.h5 || fail "--members 1-2 failed"
polder "${ck[@]}" --members 3-4 --output out/range.h5 || fail "--members 3-4 failed"
[ ! -e out/range.h5 ] || fail "--members wrote an inventory"
[ "$(ls ck_range/members)" = "$(printf 'member_%s.h5\n' 1 2 3 4)" ] || fail "records after the ranges: $(ls ck_range/members)"
"$POLDER" run --config run.ini --ensemble ens.ini "${ck[@]}" --members 1-2 --resume > again.log 2>&1 || fail "--members 1-2 --resume failed"
grep -q "members 1-2: 0 run, 2 read back" again.log || fail "a recorded range ran again: $(cat again.log)"
"$POLDER" run --config run.ini --ensemble ens.ini "${ck[@]}" --resume --output out/gathered.h5 > gather.log 2>&1 \
  || fail "the gather (--resume) failed: $(tail -3 gather.log)"
grep -q -- "--resume: 4 finished member(s) read back" gather.log || fail "the gather read back: $(grep resume gather.log)"
same out/gathered.h5 out/direct.h5 "the --members ranges gathered with --resume"
echo "--members 1-2 and 3-4 then --resume: identical to the direct ensemble; a recorded range runs nothing"

expect_error() {  # expect_error NAME PATTERN polder-arguments...
  local name=$1 pattern=$2
  shift 2
  rm -rf out_bad ck_bad && mkdir out_bad
  set +e
  "$POLDER" run --config run.ini --quiet --set run.checkpoint_dir="$WORK/ck_bad" --output out_bad/x.h5 "$@" \
    > "$name.out" 2> "$name.err"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit code $rc, expected 2 ($(cat "$name.err"))"
  grep -q -- "$pattern" "$name.err" || fail "$name: message '$(cat "$name.err")' does not mention '$pattern'"
  [ -z "$(ls out_bad)" ] && [ ! -e ck_bad ] || fail "$name: something written: $(ls out_bad ck_bad 2>&1)"
}
expect_error out_of_range "--members 3-5: the ensemble has members 0-4" --ensemble ens.ini --members 3-5
expect_error empty "--members 3-1: an empty range" --ensemble ens.ini --members 3-1
for bad in 1- -2 a-b 1-2-3 " 1-2"; do
  expect_error malformed "--members '$bad': expected a range" --ensemble ens.ini "--members=$bad"
done
expect_error missing "option '--members'" --ensemble ens.ini --members=
expect_error with_member "--members: not with --member" --ensemble ens.ini --members 1-2 --member 1
expect_error no_ensemble "--members: needs an ensemble" --members 1-2
echo "bad --members (out of range, empty, 5 malformed, missing, with --member, without an ensemble): exit 2, nothing written"

# 2. The two Slurm modes, submitted together.
source "$SRC/tests/jobs/slurm_cluster.sh"
trap slurm_down EXIT
slurm_up "$WORK/slurm"
export POLDER="$POLDER" POLDER_HOME="$SRC"
submit() { bash "$SRC/jobs/slurm/submit_ensemble.sh" "$@" | tail -n 1; }
set +e
bash "$SRC/jobs/slurm/submit_ensemble.sh" --mode array run.ini ens.ini 5 -n 1 > too_many.log 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "5 array tasks, but the ensemble has 4 members besides member 0" too_many.log \
  || fail "5 array tasks for 4 members: exit $rc, $(cat too_many.log)"
[ -z "$(squeue -h)" ] || fail "the refused array submitted a job: $(squeue)"
read -r job < <(POLDER_CHECKPOINT_DIR="$WORK/ck_groups" submit --mode groups run.ini ens.ini 2 -n 2 \
  -o "$WORK/groups.log" -- --output "$WORK/out/groups.h5")
# Array task 0 (members 1-2) is killed after member 1's record (a crash): it requeues itself and its
# second attempt runs member 2 only.
read -r array gather < <(POLDER_FAULT_AFTER_MEMBER=1 POLDER_CHECKPOINT_DIR="$WORK/ck_array" submit --mode array run.ini ens.ini 2 -n 1 \
  -- --output "$WORK/out/array.h5")
slurm_wait "$job" 120
slurm_wait "$array" 120
slurm_wait "$gather" 120
[ -f out/groups.h5 ] || fail "the one-job ensemble left no file: $(cat groups.log)"
grep -q "2 ranks in 2 group(s)" groups.log || fail "the one-job ensemble did not run 2 groups: $(cat groups.log)"
same out/groups.h5 out/direct.h5 "the one-job Slurm ensemble (2 ranks, 2 groups)"
echo "one-job mode: 2 ranks in 2 groups, identical to the direct ensemble"
[ -f out/array.h5 ] || fail "the gather left no file: $(cat ck_array/*.log)"
grep -q "task 0 of 2, members 1-2" ck_array/array-0.log || fail "array task 0: $(cat ck_array/array-0.log)"
grep -q "polder was killed" ck_array/array-0.log && grep -q "requeueing job" ck_array/array-0.log \
  || fail "array task 0 was not killed and requeued: $(cat ck_array/array-0.log)"
[ "$(grep -c "task 0 of 2, members 1-2" ck_array/array-0.log)" -eq 2 ] || fail "array task 0 did not start twice: $(cat ck_array/array-0.log)"
grep -q "task 1 of 2, members 3-4" ck_array/array-1.log || fail "array task 1: $(cat ck_array/array-1.log)"
[ "$(ls ck_array/members)" = "$(printf 'member_%s.h5\n' 0 1 2 3 4)" ] || fail "records: $(ls ck_array/members)"
same out/array.h5 out/direct.h5 "the array (2 tasks) + gather ensemble"
echo "array mode: 2 tasks (members 1-2, 3-4; task 0 killed after member 1 and requeued) + dependent gather, identical to the direct ensemble"
