#!/usr/bin/env bash
# Runs a scenario set (configs/scenarios/*.ini, docs/scenarios.md) on one machine: each member in turn
# as its own resumable `polder run` on RANKS MPI ranks (jobs/scenario_member.sh), then `polder compare`
# of every member against the set's base member (jobs/compare_scenario_set.sh). On a cluster, use
# jobs/slurm/submit_scenario_set.sh, which runs the members as a job array.
#
#   jobs/run_scenario_set.sh SET.ini [RANKS [OUTDIR [polder run arguments ...]]]
#
# OUTDIR defaults to build/out/scenarios/<set name>; it receives <member>.h5 per member,
# checkpoints/<member>/, compare.{txt,csv} and compare_crt.{txt,csv}. Start it from the repository (the
# set's paths are relative to it). The set is checked before anything runs (`polder scenarios`); a
# member that fails stops the set with its exit code (2: bad config or input). A member killed midway
# resumes from its newest checkpoint when the set is started again, if its config writes checkpoints
# (run.checkpoint_every). Environment: POLDER (default build/polder), OMP_NUM_THREADS.
set -euo pipefail
set_file=$1
ranks=${2:-1}
polder=${POLDER:-build/polder}
here=$(cd "$(dirname "$0")" && pwd)
plan=$("$polder" scenarios "$set_file" --format tsv)
name=$(printf '%s\n' "$plan" | awk -F'\t' '$1 == "set" {print $2}')
count=$(printf '%s\n' "$plan" | awk -F'\t' '$1 == "set" {print $3}')
outdir=${3:-build/out/scenarios/$name}
shift $(($# < 3 ? $# : 3))
mkdir -p "$outdir"
echo "run_scenario_set: $set_file, $count members on $ranks rank(s) -> $outdir"
for ((i = 0; i < count; i++)); do
  POLDER_RANKS=$ranks bash "$here/scenario_member.sh" "$set_file" "$outdir" "$i" "$@"
done
bash "$here/compare_scenario_set.sh" "$set_file" "$outdir"
