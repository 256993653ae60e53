#!/usr/bin/env bash
# The sanitizer leg of CI: the debug-asan preset (clang, Debug with -O1, AddressSanitizer +
# UndefinedBehaviorSanitizer, POLDER_ASSERT compiled in), then
#   1. the serial unit tests,
#   2. the MPI tests at 2 ranks,
#   3. a short `polder run` at 2 ranks, a restart from its checkpoint, and a bad input (the error path),
#   4. each libFuzzer target for FUZZ_SECONDS (default 30) from its seed corpus.
# Any sanitizer finding stops the program with an error, so the leg fails. Leak suppressions:
# tests/sanitizers/lsan.supp (each one says why).
#   tests/run_sanitizers.sh [FUZZ_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
fuzz_seconds=${1:-30}
cmake --preset debug-asan > build-asan-configure.log 2>&1 || { cat build-asan-configure.log; exit 1; }
cmake --build --preset debug-asan
# Leak checks are off for the legs that start MPI: Open MPI's plugins (mca_*.so) are unloaded before
# LeakSanitizer reports, so their allocations show as "<unknown module>" and no suppression can name
# them. The fuzz targets (no MPI) run with leak checks on (tests/fuzz/run_fuzzers.sh).
export ASAN_OPTIONS=detect_leaks=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$src/tests/sanitizers/lsan.supp:print_suppressions=0
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=2

echo "sanitizers: unit tests"
build-asan/polder_unit_tests --gtest_brief=1
echo "sanitizers: MPI tests at 2 ranks"
OMP_NUM_THREADS=1 mpirun -n 2 --oversubscribe build-asan/polder_mpi_tests --gtest_brief=1

echo "sanitizers: polder run, restart and a bad input at 2 ranks"
work=build-asan/work/sanitizer_run
rm -rf "$work" && mkdir -p "$work/out" && cd "$work"
"$src/build-asan/polder_make_test_inputs" stack.nc climate.nc 96 128 > /dev/null
cat > run.ini <<INI
[run]
start_year = 1990
end_year = 1996
input = stack.nc
climate = climate.nc
output = out/run.h5
checkpoint_dir = ckpt
parameters = $src/configs/parameters/lulucf_nl.ini $src/tests/integration/fire_heavy.ini
[grid]
tile_size = 32
INI
polder=("mpirun" -n 2 --oversubscribe "$src/build-asan/polder")
"${polder[@]}" run --config run.ini --quiet --checkpoint-every 3
"${polder[@]}" run --config run.ini --quiet --restart ckpt/polder_checkpoint_1992.h5 --output out/restarted.h5
for g in /inventory /crt /ledger; do h5diff out/run.h5 out/restarted.h5 "$g" > /dev/null; done
set +e
"${polder[@]}" run --config run.ini --quiet --set grid.tile_size=7 2> bad.err
rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "grid.tile_size = 7 is outside" bad.err || { echo "bad input: exit $rc: $(cat bad.err)"; exit 1; }
"$src/build-asan/polder" report out/run.h5 --table crt --year 1995 > /dev/null
cd "$src"

echo "sanitizers: fuzz targets, ${fuzz_seconds} s each"
bash tests/fuzz/run_fuzzers.sh build-asan "$fuzz_seconds"
echo "sanitizers: no findings"
