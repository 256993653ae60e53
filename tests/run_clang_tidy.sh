#!/usr/bin/env bash
# clang-tidy over the library and program sources (checks in .clang-tidy), using the compile
# database of a build folder. Usage: tests/run_clang_tidy.sh [BUILD_DIR=build] [files...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json: configure first"; exit 1; }
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files 'solver/*.cpp' 'io/*.cpp'); fi
# Parallel over the cores; clang-tidy reads the project's .clang-tidy.
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>&1 |
  grep -v "warnings generated" | tee "$build/clang-tidy.log" || true
if grep -q "error:" "$build/clang-tidy.log"; then
  echo "clang-tidy: findings above (also in $build/clang-tidy.log)"
  exit 1
fi
echo "clang-tidy: ${#files[@]} files clean"
