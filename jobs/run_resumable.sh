#!/usr/bin/env bash
# Runs `polder run` so that it can be killed and started again: it resumes from the newest complete
# checkpoint in the checkpoint folder, if there is one. Used by the Slurm jobs (requeue after a
# preemption, a node failure, a time limit or a crash) and usable by hand.
#
#   jobs/run_resumable.sh CHECKPOINT_DIR [polder run arguments ...]
#
# Environment (defaults in jobs/slurm/site.env for the Slurm jobs):
#   POLDER                   binary (default build/polder)
#   POLDER_LAUNCH            mpirun (default) or srun; POLDER_MPIRUN_ARGS / POLDER_SRUN_ARGS are added
#   POLDER_RANKS             ranks (default SLURM_NTASKS or 1); threads per rank: OMP_NUM_THREADS
#   POLDER_MAX_RESTARTS      requeue at most this many times (default 3)
#   POLDER_KEEP_CHECKPOINTS  keep the newest K checkpoints, delete older ones (default 2; 0 keeps all)
# Inside Slurm: when polder is killed by a signal (a crash, the OOM killer), or Slurm sends SIGUSR1 before
# the time limit (sbatch --signal=B:USR1@300), the job requeues itself and the next start resumes. A job
# requeued by Slurm itself (node failure, preemption, scontrol requeue) resumes the same way. SIGTERM
# (scancel) stops polder and ends the job without a requeue. After POLDER_MAX_RESTARTS
# requeues the job fails instead (exit 3), so a crash that repeats does not loop forever.
# Exit codes: polder's (0 ok, 1 internal error, 2 bad input), 3 too many restarts, 0 after a requeue.
set -uo pipefail
checkpoint_dir=$1
shift
polder=${POLDER:-build/polder}
ranks=${POLDER_RANKS:-${SLURM_NTASKS:-1}}
launch=${POLDER_LAUNCH:-mpirun}
keep=${POLDER_KEEP_CHECKPOINTS:-2}
max_restarts=${POLDER_MAX_RESTARTS:-3}
attempt=${SLURM_RESTART_COUNT:-0}
export OMPI_ALLOW_RUN_AS_ROOT=${OMPI_ALLOW_RUN_AS_ROOT:-1} OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=${OMPI_ALLOW_RUN_AS_ROOT_CONFIRM:-1}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-${SLURM_CPUS_PER_TASK:-1}}

checkpoints() { ls "$checkpoint_dir"/polder_checkpoint_*.h5 2>/dev/null | sort -V; }
# Deletes all but the newest $keep complete checkpoints (never a partial one being written).
prune() {
  [ "$keep" -gt 0 ] || return 0
  checkpoints | head -n -"$keep" | while read -r old; do rm -f -- "$old" && echo "run_resumable: pruned $old"; done
}

if [ "$attempt" -gt "$max_restarts" ]; then
  echo "run_resumable: attempt $attempt exceeds POLDER_MAX_RESTARTS=$max_restarts: giving up"
  exit 3
fi
# A killed attempt may have left a half-written checkpoint under a temporary name: never resumable.
rm -f "$checkpoint_dir"/polder_checkpoint_*.h5.partial-* 2>/dev/null
latest=$(checkpoints | tail -n 1)
restart=()
if [ -n "$latest" ]; then
  echo "run_resumable: resuming from $latest (attempt $attempt)"
  restart=(--restart "$latest")
fi

# Faults injected by the tests apply to the first attempt only.
if [ "$attempt" != "0" ]; then unset POLDER_FAULT_AFTER_CHECKPOINT POLDER_STALL_AFTER_CHECKPOINT POLDER_FAULT_AFTER_MEMBER; fi

requeue() {
  [ -n "${SLURM_JOB_ID:-}" ] || return 1
  if [ "$attempt" -ge "$max_restarts" ]; then
    echo "run_resumable: not requeueing: $attempt restarts already (POLDER_MAX_RESTARTS=$max_restarts)"
    return 1
  fi
  echo "run_resumable: requeueing job $SLURM_JOB_ID to resume from the last checkpoint"
  scontrol requeue "$SLURM_JOB_ID"
}
# SIGUSR1: Slurm's warning before the time limit (sbatch --signal=B:USR1@300): stop and requeue.
# SIGTERM: the job is being ended (scancel, the time limit itself, or Slurm requeueing it): stop
# cleanly and do not requeue here, so that scancel cancels (Slurm requeues by itself where it must).
stop_polder() {
  kill -TERM "$child" 2>/dev/null
  wait "$child"
  kill "$pruner" 2>/dev/null
  prune
}
on_usr1() {
  echo "run_resumable: time-limit warning (SIGUSR1), stopping polder"
  stop_polder
  if requeue; then exit 0; fi
  exit 3
}
on_term() {
  echo "run_resumable: SIGTERM, stopping polder"
  stop_polder
  exit 143
}
trap on_usr1 USR1
trap on_term TERM

args=(run --set "run.checkpoint_dir=$checkpoint_dir" "${restart[@]}" "$@")
if [ "$launch" = "srun" ]; then
  # shellcheck disable=SC2086
  srun ${POLDER_SRUN_ARGS:-} --ntasks="$ranks" --cpus-per-task="$OMP_NUM_THREADS" "$polder" "${args[@]}" &
else
  binding=()
  [ "$OMP_NUM_THREADS" -gt 1 ] && binding=(--bind-to none)  # let each rank's threads use their cores
  # shellcheck disable=SC2086
  mpirun -n "$ranks" --oversubscribe "${binding[@]}" -x OMP_NUM_THREADS ${POLDER_MPIRUN_ARGS:-} "$polder" "${args[@]}" &
fi
child=$!
# Old checkpoints are pruned while the run goes on (a national checkpoint is gigabytes).
(while sleep 20; do prune; done) > /dev/null 2>&1 &
pruner=$!
wait "$child"
rc=$?
kill "$pruner" 2>/dev/null
prune
if [ "$rc" -ge 128 ] || { [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ] && [ "$rc" -ne 1 ]; }; then
  # Killed by a signal (rc 128 + signal, or mpirun's report of a killed rank): resumable.
  echo "run_resumable: polder was killed (exit $rc)"
  if [ -n "${SLURM_JOB_ID:-}" ]; then
    if requeue; then exit 0; fi
    exit 3
  fi
fi
exit "$rc"
