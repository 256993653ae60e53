#!/usr/bin/env bash
# The Slurm job scripts against a real (single-node) Slurm: every script parses and calls files that
# exist; a national-inventory job that crashes after a checkpoint, one that gets Slurm's time-limit
# signal mid-run and one that Slurm requeues mid-run (a node failure) each resume from the newest
# checkpoint to the same bits as an uninterrupted run, with old checkpoints pruned; a crash that
# repeats stops after POLDER_MAX_RESTARTS; -c reaches the OpenMP threads under srun and mpirun; a
# scenario job array with a dependent gathering job produces one summary table of the six KNMI'23
# scenarios, and the gather job run twice gives the same file.
#   test_slurm_jobs.sh POLDER SOURCE_DIR WORK_DIR
set -euo pipefail
POLDER=$(readlink -f "$1")
SRC=$(readlink -f "$2")
WORK=$3
BIN_DIR=$(dirname "$POLDER")
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fail() { echo "FAIL: $*" >&2; exit 1; }
if ! command -v slurmctld > /dev/null || ! command -v munged > /dev/null; then
  echo "slurm-wlm and munge are not installed (jobs/install-deps.sh installs them)"; exit 1
fi
rm -rf "$WORK"
mkdir -p "$WORK/out"
WORK=$(readlink -f "$WORK")
cd "$WORK"
source "$SRC/tests/jobs/slurm_cluster.sh"
trap slurm_down EXIT
slurm_up "$WORK/slurm"

"$BIN_DIR/polder_make_test_inputs" stack.nc climate.nc 200 260 > /dev/null
cat > run.ini <<INI
[run]
name = slurm job test
start_year = 1990
end_year = 2004
input = $WORK/stack.nc
climate = $WORK/climate.nc
scenario = Hd
output = $WORK/out/national.h5
parameters = $SRC/configs/parameters/lulucf_nl.ini
[grid]
tile_size = 32
INI
mpirun -n 2 --oversubscribe "$POLDER" run --config run.ini --quiet --output out/reference.h5 \
  --set run.checkpoint_dir="$WORK/ck_reference"

export POLDER="$POLDER" POLDER_HOME="$SRC"
submit() { bash "$SRC/jobs/slurm/submit.sh" --parsable "$@"; }
same_as_reference() {  # same_as_reference INVENTORY WHAT
  for g in /inventory /crt /provinces /ledger /diagnostics; do
    h5diff out/reference.h5 "$1" "$g" > /dev/null || fail "$2 differs from the uninterrupted run in $g"
  done
}
wait_for_file() {  # wait_for_file PATH SECONDS
  for _ in $(seq 1 $((10 * $2))); do [ -f "$1" ] && return 0; sleep 0.1; done
  fail "no $1 after $2 s"
}
restarts_of() { scontrol show job "$1" 2>/dev/null | grep -o 'Restarts=[0-9]*' | cut -d= -f2; }

# 0. Every script parses, and every file a script calls exists.
for f in "$SRC"/jobs/slurm/*.sbatch "$SRC"/jobs/slurm/*.sh "$SRC"/jobs/slurm/site.env "$SRC"/jobs/*.sh; do
  bash -n "$f" || fail "$f does not parse"
  for ref in $(grep -v '^\s*#' "$f" | grep -oE '(jobs|validation|build)/[A-Za-z0-9_./-]+\.(sh|py|sbatch|env)' | sort -u); do
    [ -f "$SRC/$ref" ] || fail "$f calls $ref, which does not exist"
  done
done
job=$(submit -n 1 -o "$WORK/validation.log" "$SRC/jobs/slurm/validation.sbatch" --help)
slurm_wait "$job" 60
grep -q "usage: validate_crt.py" validation.log || fail "validation.sbatch did not start the validation: $(cat validation.log)"

# 1. Killed after the 1995 checkpoint on its first attempt (a crash); requeues itself and resumes.
job=$(POLDER_CHECKPOINT_DIR="$WORK/ck_job" POLDER_FAULT_AFTER_CHECKPOINT=1995 submit -n 2 -o "$WORK/national.log" \
  "$SRC/jobs/slurm/national_inventory.sbatch" "$WORK/run.ini" --checkpoint-every 3)
slurm_wait "$job" 300
[ -f out/national.h5 ] || fail "national job left no inventory: $(cat national.log)"
grep -q "resuming from .*polder_checkpoint_1995.h5" national.log || fail "job did not resume: $(cat national.log)"
same_as_reference out/national.h5 "the job killed after 1995"
# Only the newest POLDER_KEEP_CHECKPOINTS (2) checkpoints are left.
[ "$(ls ck_job | wc -l)" -eq 2 ] || fail "checkpoints not pruned to 2: $(ls ck_job)"
echo "national job: killed after 1995, requeued, resumed, identical to the uninterrupted run, 2 checkpoints kept"

# 2. Slurm's warning before the time limit (SIGUSR1 to the batch shell, as --signal=B:USR1@300 sends) in
#    the middle of the run: the job stops polder, requeues itself and resumes from the 1993 checkpoint.
job=$(POLDER_CHECKPOINT_DIR="$WORK/ck_signal" POLDER_STALL_AFTER_CHECKPOINT=1993 submit -n 2 -o "$WORK/signal.log" \
  "$SRC/jobs/slurm/national_inventory.sbatch" "$WORK/run.ini" --checkpoint-every 2 --output "$WORK/out/signal.h5")
wait_for_file ck_signal/polder_checkpoint_1993.h5 120
scancel --batch --signal=USR1 "$job"
slurm_wait "$job" 300
grep -q "resuming from .*polder_checkpoint_1993.h5 (attempt 1)" signal.log || fail "no resume after SIGUSR1: $(cat signal.log)"
same_as_reference out/signal.h5 "the job signalled before its time limit"
echo "time-limit warning: polder stopped mid-run, job requeued, resumed from 1993, identical"

# 3. A node failure as Slurm sees it: the job is killed and requeued by the controller (scontrol
#    requeue) in the middle of the run; the new start resumes from the newest checkpoint.
job=$(POLDER_CHECKPOINT_DIR="$WORK/ck_node" POLDER_STALL_AFTER_CHECKPOINT=1995 submit -n 2 -o "$WORK/node.log" \
  "$SRC/jobs/slurm/national_inventory.sbatch" "$WORK/run.ini" --checkpoint-every 3 --output "$WORK/out/node.h5")
wait_for_file ck_node/polder_checkpoint_1995.h5 120
scontrol requeue "$job"
slurm_wait "$job" 300
grep -q "resuming from .*polder_checkpoint_1995.h5 (attempt 1)" node.log || fail "no resume after a requeue: $(cat node.log)"
same_as_reference out/node.h5 "the job requeued by Slurm"
echo "node failure (scontrol requeue): resumed from 1995, identical"

# 4. A crash that repeats is requeued POLDER_MAX_RESTARTS times, then the job fails (no endless loop).
cat > crash.sh <<'SH'
#!/usr/bin/env bash
kill -SEGV $$
SH
chmod +x crash.sh
job=$(POLDER=$WORK/crash.sh POLDER_MAX_RESTARTS=1 POLDER_CHECKPOINT_DIR="$WORK/ck_crash" submit -n 1 -o "$WORK/crash.log" \
  "$SRC/jobs/slurm/national_inventory.sbatch" "$WORK/run.ini")
slurm_wait "$job" 300
[ "$(grep -c 'polder was killed' crash.log)" -eq 2 ] || fail "expected 2 attempts of the crashing job: $(cat crash.log)"
grep -q "not requeueing: 1 restarts already" crash.log || fail "the crashing job was not stopped: $(cat crash.log)"
echo "repeated crash: 1 requeue, then the job fails"

# 5. --cpus-per-task reaches the OpenMP threads, under srun (PMIx) and under mpirun.
for launch in srun mpirun; do
  job=$(POLDER_LAUNCH=$launch POLDER_SRUN_ARGS=--mpi=pmix POLDER_CHECKPOINT_DIR="$WORK/ck_$launch" submit -n 2 -c 2 \
    -o "$WORK/threads_$launch.log" "$SRC/jobs/slurm/national_inventory.sbatch" "$WORK/run.ini" \
    --output "$WORK/out/threads_$launch.h5" --set run.end_year=1992)
  slurm_wait "$job" 120
  [ -f "out/threads_$launch.h5" ] || fail "$launch job left no inventory: $(cat "threads_$launch.log")"
  read -r ranks threads < <(/usr/bin/python3 -c "import h5py,sys; a=h5py.File(sys.argv[1])['/provenance'].attrs; print(a['mpi_ranks'], a['omp_threads'])" "out/threads_$launch.h5")
  [ "$ranks $threads" = "2 2" ] || fail "$launch: $ranks ranks x $threads threads, expected 2 x 2 from -n 2 -c 2"
done
echo "-n 2 -c 2: 2 ranks x 2 OpenMP threads under srun and under mpirun"

# 2. Six scenarios as an array plus a dependent gather job.
sed -i 's/^end_year = .*/end_year = 2027/' run.ini
read -r array gather < <(bash "$SRC/jobs/slurm/submit_scenarios.sh" "$WORK/run.ini" "$WORK/scenarios" -n 1 | tail -n 1)
slurm_wait "$array" 600
slurm_wait "$gather" 120
summary=scenarios/scenarios_summary.csv
[ -f "$summary" ] || fail "no summary; logs: $(cat scenarios/*.log 2>/dev/null | tail -20)"
# The gather job run again gives the same bytes.
cp "$summary" first_summary.csv
job=$(submit -n 1 -o "$WORK/gather2.log" "$SRC/jobs/slurm/gather_scenarios.sbatch" "$WORK/scenarios")
slurm_wait "$job" 120
cmp -s first_summary.csv "$summary" || fail "the gather job gave another table the second time"
rows=$(grep -c '^20\|^19' "$summary")
[ "$rows" -eq $((6 * 38)) ] || fail "summary has $rows rows, expected 6 scenarios x 38 years"
for s in Ld Ln Md Mn Hd Hn; do grep -q ",$s," "$summary" || fail "scenario $s missing from the summary"; done
# Identical history, different futures: 2020 equal for Ld and Hd, 2027 not.
v() { awk -F, -v y="$1" -v s="$2" '$1 == y && $2 == s {print $NF}' "$summary"; }
[ "$(v 2020 Ld)" = "$(v 2020 Hd)" ] || fail "scenarios differ before the last observed year"
[ "$(v 2027 Ld)" != "$(v 2027 Hd)" ] || fail "scenarios Ld and Hd do not differ in 2027"
echo "scenario array: 6 scenarios gathered into $summary"
