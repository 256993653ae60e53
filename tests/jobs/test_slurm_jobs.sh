#!/usr/bin/env bash
# The Slurm job scripts against a real (single-node) Slurm: a national-inventory job that is killed
# after a checkpoint requeues itself and resumes to the same bits as an uninterrupted run; a scenario
# job array with a dependent gathering job produces one summary table of the six KNMI'23 scenarios.
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

export POLDER="$POLDER" POLDER_HOME="$SRC" POLDER_CHECKPOINT_DIR="$WORK/ck_job"
# 1. Killed after the 1995 checkpoint on its first attempt; requeues itself and resumes.
job=$(POLDER_FAULT_AFTER_CHECKPOINT=1995 sbatch --parsable -n 2 -o "$WORK/national.log" \
  "$SRC/jobs/slurm/national_inventory.sbatch" "$WORK/run.ini" --checkpoint-every 3)
slurm_wait "$job" 300
[ -f out/national.h5 ] || fail "national job left no inventory: $(cat national.log)"
grep -q "resuming from .*polder_checkpoint_1995.h5" national.log || fail "job did not resume: $(cat national.log)"
for g in /inventory /crt /provinces /ledger /diagnostics; do
  h5diff out/reference.h5 out/national.h5 "$g" > /dev/null || fail "requeued job differs in $g"
done
echo "national job: killed after 1995, requeued, resumed, identical to the uninterrupted run"

# 2. Six scenarios as an array plus a dependent gather job.
sed -i 's/^end_year = .*/end_year = 2027/' run.ini
read -r array gather < <(bash "$SRC/jobs/slurm/submit_scenarios.sh" "$WORK/run.ini" "$WORK/scenarios" -n 1 | tail -n 1)
slurm_wait "$array" 600
slurm_wait "$gather" 120
summary=scenarios/scenarios_summary.csv
[ -f "$summary" ] || fail "no summary; logs: $(cat scenarios/*.log 2>/dev/null | tail -20)"
rows=$(grep -c '^20\|^19' "$summary")
[ "$rows" -eq $((6 * 38)) ] || fail "summary has $rows rows, expected 6 scenarios x 38 years"
for s in Ld Ln Md Mn Hd Hn; do grep -q ",$s," "$summary" || fail "scenario $s missing from the summary"; done
# Identical history, different futures: 2020 equal for Ld and Hd, 2027 not.
v() { awk -F, -v y="$1" -v s="$2" '$1 == y && $2 == s {print $NF}' "$summary"; }
[ "$(v 2020 Ld)" = "$(v 2020 Hd)" ] || fail "scenarios differ before the last observed year"
[ "$(v 2027 Ld)" != "$(v 2027 Hd)" ] || fail "scenarios Ld and Hd do not differ in 2027"
echo "scenario array: 6 scenarios gathered into $summary"
