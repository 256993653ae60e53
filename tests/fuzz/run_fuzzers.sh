#!/usr/bin/env bash
# Runs each libFuzzer target for a fixed time from the seed corpus in tests/fuzz/corpus/<target>/;
# fails if any target finds a crash, a leak, a sanitizer error or a hang (the reproducer is kept in
# BUILD_DIR/fuzz/). New corpus entries go to BUILD_DIR/fuzz/corpus_<target>, never into the source tree.
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS_PER_TARGET [target ...]
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
seconds=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(run_config parameter_set geojson input_checks)
mkdir -p "$build/fuzz"
# No MPI in the fuzz targets: leaks are findings here.
export ASAN_OPTIONS=detect_leaks=1:${ASAN_OPTIONS:-}
cd "$build/fuzz"
status=0
for t in "${targets[@]}"; do
  exe="$build/fuzz_$t"
  [ -x "$exe" ] || { echo "fuzz: $exe not built (preset debug-asan)"; exit 1; }
  mkdir -p "corpus_$t"
  # -timeout: one input taking longer is a hang; -rss_limit_mb: a runaway allocation is a finding.
  if "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$build/fuzz/${t}-" "corpus_$t" "$src/tests/fuzz/corpus/$t" > "$t.log" 2>&1; then
    echo "fuzz_$t: $(grep -E '^stat::number_of_executed_units' "$t.log" | awk '{print $2}') inputs in ${seconds} s, no finding"
  else
    echo "fuzz_$t: FINDING (log $build/fuzz/$t.log):"
    grep -E "ERROR|runtime error|SUMMARY|Test unit written" "$t.log" | head -10
    status=1
  fi
done
exit $status
