#!/usr/bin/env bash
# Submits the six KNMI'23 scenarios as a job array and a gathering job that runs when all succeed.
#   jobs/slurm/submit_scenarios.sh CONFIG OUTDIR [sbatch options for the array ...]
# Prints the two job ids on the last line. Job logs go to OUTDIR unless -o is given.
set -euo pipefail
export POLDER_HOME=${POLDER_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=jobs/slurm/site.env
source "${POLDER_SITE_ENV:-$POLDER_HOME/jobs/slurm/site.env}"
config=$(readlink -f "$1")
outdir=$(mkdir -p "$2" && readlink -f "$2")
shift 2
array=$(sbatch --parsable --array=0-5 -o "$outdir/scenario-%a.log" "$@" \
  "$POLDER_HOME/jobs/slurm/scenario_array.sbatch" "$config" "$outdir")
gather=$(sbatch --parsable --dependency="afterok:$array" -o "$outdir/gather-%j.log" \
  "$POLDER_HOME/jobs/slurm/gather_scenarios.sbatch" "$outdir")
echo "submitted scenario array $array and gather job $gather"
echo "$array $gather"
