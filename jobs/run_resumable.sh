#!/usr/bin/env bash
# Runs `polder run` so that it can be killed and started again: it resumes from the newest complete
# checkpoint in the checkpoint folder, if there is one. Used by the Slurm jobs (requeue after a
# preemption, a node failure or a time limit) and usable by hand.
#
#   jobs/run_resumable.sh CHECKPOINT_DIR [polder run arguments ...]
#
# Environment: POLDER (binary, default build/polder), POLDER_LAUNCH (launcher, default "mpirun"; use
# "srun" where Slurm has PMI for Open MPI), POLDER_RANKS (default SLURM_NTASKS or 1).
# Inside Slurm: when the run is killed by a signal or Slurm sends SIGUSR1/SIGTERM before the time
# limit (sbatch --signal=B:USR1@300), the job requeues itself and the next start resumes.
set -uo pipefail
checkpoint_dir=$1
shift
polder=${POLDER:-build/polder}
ranks=${POLDER_RANKS:-${SLURM_NTASKS:-1}}
launch=${POLDER_LAUNCH:-mpirun}
export OMPI_ALLOW_RUN_AS_ROOT=${OMPI_ALLOW_RUN_AS_ROOT:-1} OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=${OMPI_ALLOW_RUN_AS_ROOT_CONFIRM:-1}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-${SLURM_CPUS_PER_TASK:-1}}

latest=$(ls "$checkpoint_dir"/polder_checkpoint_*.h5 2>/dev/null | sort -V | tail -n 1)
restart=()
if [ -n "$latest" ]; then
  echo "run_resumable: resuming from $latest (attempt ${SLURM_RESTART_COUNT:-0})"
  restart=(--restart "$latest")
fi

# A fault injected for the tests applies to the first attempt only.
if [ "${SLURM_RESTART_COUNT:-0}" != "0" ]; then unset POLDER_FAULT_AFTER_CHECKPOINT; fi

requeue() {
  if [ -n "${SLURM_JOB_ID:-}" ]; then
    echo "run_resumable: requeueing job $SLURM_JOB_ID to resume from the last checkpoint"
    scontrol requeue "$SLURM_JOB_ID"
  fi
}
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; requeue; exit 0' USR1 TERM

if [ "$launch" = "srun" ]; then
  srun "$polder" run --set "run.checkpoint_dir=$checkpoint_dir" "${restart[@]}" "$@" &
else
  mpirun -n "$ranks" --oversubscribe "$polder" run --set "run.checkpoint_dir=$checkpoint_dir" "${restart[@]}" "$@" &
fi
child=$!
wait "$child"
rc=$?
if [ "$rc" -ge 128 ] || { [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ] && [ "$rc" -ne 1 ]; }; then
  # Killed by a signal: resumable.
  echo "run_resumable: polder was killed (exit $rc)"
  [ -n "${SLURM_JOB_ID:-}" ] && { requeue; exit 0; }
fi
exit "$rc"
