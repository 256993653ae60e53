#!/usr/bin/env bash
# Submits an ensemble (docs/uncertainty.md) in one of two ways:
#   --mode groups (default): one MPI job (ensemble.sbatch) whose ranks split into N groups;
#   --mode array: a job array of N tasks, each a range of members (ensemble_array.sbatch, writing member
#     records only), plus a gather job (ensemble_gather.sbatch, --dependency=afterok) that writes the
#     ensemble file, identical to the one-job file.
#
#   jobs/slurm/submit_ensemble.sh [--mode groups|array] CONFIG ENSEMBLE [N] [sbatch options ...] [-- polder run arguments ...]
#
# N: groups (groups mode) or array tasks (array mode), default 1. The sbatch options go to every job
# (the array tasks and the gather alike: -n ranks, -c threads, -t, ...). The ensemble is checked first
# (`polder run --member-count`): a bad ensemble, or more array tasks than members besides member 0,
# submits nothing (exit 2). Member records go to POLDER_CHECKPOINT_DIR (array mode default:
# build/out/checkpoints/ensemble-<time>-<pid>, where the array's and gather's logs go too). Prints the
# job id(s) on the last line: the job (groups), or the array and the gather (array).
set -euo pipefail
export POLDER_HOME=${POLDER_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=jobs/slurm/site.env
source "${POLDER_SITE_ENV:-$POLDER_HOME/jobs/slurm/site.env}"
usage() { echo "usage: submit_ensemble.sh [--mode groups|array] CONFIG ENSEMBLE [N] [sbatch options ...] [-- polder run arguments ...]" >&2; exit 2; }
mode=groups
if [ "${1:-}" = "--mode" ]; then
  mode=${2:-}
  shift 2 || usage
fi
[ "$mode" = groups ] || [ "$mode" = array ] || { echo "submit_ensemble.sh: --mode '$mode': expected groups or array" >&2; exit 2; }
[ $# -ge 2 ] || usage
config=$(readlink -f "$1")
ensemble=$(readlink -f "$2")
shift 2
n=1
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  n=$1
  shift
fi
[ "$n" -ge 1 ] || { echo "submit_ensemble.sh: N = $n: must be 1 or more" >&2; exit 2; }
sbatch_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sbatch_args+=("$1"); shift; done
[ "${1:-}" != "--" ] || shift
cd "$POLDER_HOME"
polder=${POLDER:-build/polder}
members=$("$polder" run --config "$config" --ensemble "$ensemble" "$@" --member-count)

if [ "$mode" = groups ]; then
  export POLDER_GROUPS=$n
  job=$(sbatch --parsable "${sbatch_args[@]}" "$POLDER_HOME/jobs/slurm/ensemble.sbatch" "$config" "$ensemble" "$@")
  echo "submitted ensemble $(basename "$ensemble") ($members members) as job $job in $n group(s)"
  echo "$job"
  exit 0
fi

if [ "$n" -gt $((members - 1)) ]; then
  echo "submit_ensemble.sh: $n array tasks, but the ensemble has $((members - 1)) members besides member 0 (which the gather runs)" >&2
  exit 2
fi
records=${POLDER_CHECKPOINT_DIR:-$POLDER_HOME/build/out/checkpoints/ensemble-$(date -u +%Y%m%dT%H%M%S)-$$}
mkdir -p "$records"
records=$(readlink -f "$records")
array=$(sbatch --parsable --array=0-$((n - 1)) -o "$records/array-%a.log" "${sbatch_args[@]}" \
  "$POLDER_HOME/jobs/slurm/ensemble_array.sbatch" "$records" "$config" "$ensemble" "$@")
gather=$(sbatch --parsable --dependency="afterok:$array" -o "$records/gather-%j.log" "${sbatch_args[@]}" \
  "$POLDER_HOME/jobs/slurm/ensemble_gather.sbatch" "$records" "$config" "$ensemble" "$@")
echo "submitted ensemble $(basename "$ensemble") ($members members): array $array ($n tasks, members 1-$((members - 1))) and gather job $gather, records in $records"
echo "$array $gather"
