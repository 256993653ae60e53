#!/usr/bin/env bash
# Submits a scenario set (configs/scenarios/*.ini) as a job array, one member a task
# (scenario_set_array.sbatch), and a compare job that runs when all succeed (scenario_set_compare.sbatch,
# --dependency=afterok). The set is checked first (`polder scenarios`): a bad set submits nothing.
#   jobs/slurm/submit_scenario_set.sh SET.ini OUTDIR [sbatch options for the array ...]
# The set's paths are relative to the repository (POLDER_HOME), where the jobs run. Prints the two job
# ids on the last line. Job logs go to OUTDIR unless -o is given.
set -euo pipefail
export POLDER_HOME=${POLDER_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}
site=${POLDER_SITE_ENV:-$POLDER_HOME/jobs/slurm/site.env}
# shellcheck source=/dev/null
if [ -f "$site" ]; then source "$site"; fi
set_file=$(readlink -f "$1")
outdir=$(mkdir -p "$2" && readlink -f "$2")
shift 2
cd "$POLDER_HOME"
polder=${POLDER:-build/polder}
plan=$("$polder" scenarios "$set_file" --format tsv)
count=$(printf '%s\n' "$plan" | awk -F'\t' '$1 == "set" {print $3}')
array=$(sbatch --parsable --array=0-$((count - 1)) -o "$outdir/member-%a.log" "$@" \
  "$POLDER_HOME/jobs/slurm/scenario_set_array.sbatch" "$set_file" "$outdir")
compare=$(sbatch --parsable --dependency="afterok:$array" -o "$outdir/compare-%j.log" \
  "$POLDER_HOME/jobs/slurm/scenario_set_compare.sbatch" "$set_file" "$outdir")
echo "submitted scenario set $(basename "$set_file"): array $array ($count members) and compare job $compare"
echo "$array $compare"
