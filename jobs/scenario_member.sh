#!/usr/bin/env bash
# Runs one member of a scenario set (configs/scenarios/*.ini, docs/scenarios.md) as a resumable
# `polder run`: the set's base configs and the member's measure files layered in order, then
# run.scenario, run.name and the set's years, writing OUTDIR/<member>.h5 with checkpoints in
# OUTDIR/checkpoints/<member> (a killed member resumes from its newest checkpoint when started again).
#
#   jobs/scenario_member.sh SET.ini OUTDIR INDEX [polder run arguments ...]
#
# INDEX counts from 0 in the order of the [member.NAME] sections (a Slurm array task id). The
# arguments come from `polder scenarios SET.ini --member INDEX --run-args`, so no script parses the INI
# file. Environment: POLDER (default build/polder), POLDER_RANKS and the rest of jobs/run_resumable.sh.
# Paths in the set are relative to the folder this is started from (the repository).
set -euo pipefail
set_file=$1
outdir=$2
index=$3
shift 3
polder=${POLDER:-build/polder}
here=$(cd "$(dirname "$0")" && pwd)
plan=$("$polder" scenarios "$set_file" --member "$index" --format tsv)
name=$(printf '%s\n' "$plan" | awk -F'\t' '$1 == "member" {print $3}')
[ -n "$name" ] || { echo "scenario_member: no member $index in $set_file" >&2; exit 2; }
args=$("$polder" scenarios "$set_file" --member "$index" --run-args)
mapfile -t run_args <<< "$args"
mkdir -p "$outdir/checkpoints"
echo "scenario_member: $set_file member $index ($name) -> $outdir/$name.h5"
exec bash "$here/run_resumable.sh" "$outdir/checkpoints/$name" "${run_args[@]}" --output "$outdir/$name.h5" "$@"
