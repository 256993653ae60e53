#!/usr/bin/env bash
# Configures and builds Polder in build/ (CMake preset `default`, or the one given: `ci` adds -Werror).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
cmake --preset "$preset" > build-configure.log 2>&1 || { cat build-configure.log; exit 1; }
cmake --build --preset "$preset"
