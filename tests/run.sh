#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install what is missing, build with warnings as
# errors, check formatting, run every test (unit, MPI at 1-4 ranks, integration with the bad-input
# matrix, Slurm jobs, validation), then clang-tidy over the tree and the sanitizer leg (debug-asan:
# ASan + UBSan on the unit tests, the MPI tests and a polder run at 2 ranks, and the fuzz smoke).
#   tests/run.sh [ctest arguments, e.g. -LE validation]
# POLDER_SKIP_TIDY=1 / POLDER_SKIP_SANITIZERS=1 leave those legs out (they are always run in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
leg() { echo "== $1: $(( $(date +%s) - t0 )) s since the start"; }
bash jobs/install-deps.sh
bash jobs/build.sh ci
leg "ci build"
bash tests/check_format.sh
# -j 4 with every MPI test declaring PROCESSORS 2: two tests at a time, so the Slurm tests' waiting
# (job start, requeue) overlaps with the runs of the others; no test asserts a time.
(cd build && ctest --output-on-failure --timeout 900 -j "${POLDER_CTEST_JOBS:-4}" "$@")
leg "ctest"
if [ "${POLDER_SKIP_TIDY:-0}" != 1 ]; then
  bash tests/run_clang_tidy.sh build
  leg "clang-tidy"
fi
if [ "${POLDER_SKIP_SANITIZERS:-0}" != 1 ]; then
  bash tests/run_sanitizers.sh 30
  leg "sanitizers and fuzz smoke"
fi
