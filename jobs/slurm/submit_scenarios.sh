#!/usr/bin/env bash
# Submits the six KNMI'23 scenarios as a job array and a gathering job that runs when all succeed.
#   jobs/slurm/submit_scenarios.sh CONFIG OUTDIR [sbatch options for the array ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
config=$1
outdir=$2
shift 2
array=$(sbatch --parsable --array=0-5 "$@" jobs/slurm/scenario_array.sbatch "$config" "$outdir")
gather=$(sbatch --parsable --dependency="afterok:$array" jobs/slurm/gather_scenarios.sbatch "$outdir")
echo "submitted scenario array $array and gather job $gather"
echo "$array $gather"
