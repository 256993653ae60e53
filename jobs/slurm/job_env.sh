# Sourced at the start of every Polder job script on the compute node: the repository folder, the site
# settings (jobs/slurm/site.env), the modules, and the threads per rank from --cpus-per-task.
cd "${POLDER_HOME:-$SLURM_SUBMIT_DIR}"
export POLDER_HOME=$PWD
# shellcheck source=jobs/slurm/site.env
source "${POLDER_SITE_ENV:-$POLDER_HOME/jobs/slurm/site.env}"
if [ -n "$POLDER_MODULES" ]; then
  if ! command -v module > /dev/null 2>&1; then
    echo "polder job: POLDER_MODULES='$POLDER_MODULES' but this node has no 'module' command" >&2
    exit 2
  fi
  # shellcheck disable=SC2086
  module load $POLDER_MODULES
fi
# One OpenMP thread per CPU of the task. srun (Slurm >= 22.05) no longer passes --cpus-per-task from
# sbatch on to its tasks; SRUN_CPUS_PER_TASK does.
export OMP_NUM_THREADS=${SLURM_CPUS_PER_TASK:-${OMP_NUM_THREADS:-1}}
export SRUN_CPUS_PER_TASK=$OMP_NUM_THREADS
