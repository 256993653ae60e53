#!/usr/bin/env bash
# The same input at (ranks x threads) = 1x1, 1x2, 2x1, 3x1, 4x1 gives identical inventories, bit for bit,
# with fires that spread across tile and rank boundaries.
source "$(dirname "$0")/common.sh" "$@"
make_inputs
for rt in 1x1 1x2 2x1 3x1 4x1; do
  ranks=${rt%x*}; threads=${rt#*x}
  OMP_NUM_THREADS=$threads "$MPIEXEC" -n "$ranks" "$POLDER" run --config run.ini --quiet --output "out/$rt.h5" \
    || fail "run at $rt failed"
done
burnt=$("$POLDER" report out/1x1.h5 --table diagnostics --format csv | awk -F, 'NR>2 {s+=$5} END {print s+0}')
[ "$burnt" -gt 100 ] || fail "expected fires to spread (burnt cells: $burnt)"
for rt in 1x2 2x1 3x1 4x1; do same_inventory out/1x1.h5 "out/$rt.h5"; done
echo "determinism: 5 decompositions identical ($burnt burnt cells)"
