#!/usr/bin/env bash
# sbatch with the site settings of jobs/slurm/site.env (account, partition, memory, QOS):
#   jobs/slurm/submit.sh [sbatch options] jobs/slurm/SCRIPT.sbatch [script arguments]
set -euo pipefail
export POLDER_HOME=${POLDER_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=jobs/slurm/site.env
source "${POLDER_SITE_ENV:-$POLDER_HOME/jobs/slurm/site.env}"
exec sbatch "$@"
