#!/usr/bin/env bash
# The layer check passes on the tree, and fails on a tree where a kernel includes the engine and an
# I/O format includes a tool (so the check itself can fail).
set -euo pipefail
src=$1
python3 "$src/tests/check_layers.py" "$src"
bad=$(mktemp -d)
trap 'rm -rf "$bad"' EXIT
mkdir -p "$bad/solver/kernels" "$bad/io/hdf5" "$bad/solver/reporting"
printf '#include "solver/engine/simulation.hpp"\n' > "$bad/solver/kernels/k.hpp"
printf '#include "io/hdf5/h5_file.hpp"\n' > "$bad/solver/reporting/r.cpp"
printf '#include "io/synth/synthesizer.hpp"\n#include "util/x.hpp"\n' > "$bad/io/hdf5/w.cpp"
if out=$(python3 "$src/tests/check_layers.py" "$bad"); then
  echo "check_layers accepted a kernel that includes the engine"; exit 1
fi
grep -q "solver/kernels must not include solver/engine/simulation.hpp" <<< "$out" || { echo "$out"; exit 1; }
grep -q "io/hdf5 must not include io/synth/synthesizer.hpp" <<< "$out" || { echo "$out"; exit 1; }
grep -q 'include "util/x.hpp" is not rooted' <<< "$out" || { echo "$out"; exit 1; }
grep -q "solver/reporting must not include io/hdf5/h5_file.hpp" <<< "$out" || { echo "$out"; exit 1; }
echo "check_layers: catches a kernel -> engine, a format -> tool, reporting -> I/O and an unrooted include"
