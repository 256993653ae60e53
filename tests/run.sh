#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install what is missing, build with warnings as
# errors, check formatting, run every test (unit, MPI at 1-4 ranks, integration, Slurm jobs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash jobs/install-deps.sh
bash jobs/build.sh ci
bash tests/check_format.sh
cd build
ctest --output-on-failure --timeout 900 "$@"
