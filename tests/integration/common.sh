# Shared set-up for the integration tests: arguments, a work folder, small test inputs and a config.
# Usage (from a test script): source common.sh "$@"   with  $1 = polder binary, $2 = source dir, $3 = work dir
set -euo pipefail
POLDER=$1
SRC=$2
WORK=$3
BIN_DIR=$(dirname "$POLDER")
MPIEXEC=${MPIEXEC:-mpirun}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"

fail() { echo "FAIL: $*" >&2; exit 1; }

# Small inputs: 240 x 320 cells near Utrecht, tiles of 32 cells so every rank owns many tiles.
make_inputs() {
  mkdir -p out
  "$BIN_DIR/polder_make_test_inputs" stack.nc climate.nc 240 320 > /dev/null
  cat > run.ini <<INI
[run]
name = integration test
start_year = 1990
end_year = ${END_YEAR:-2002}
input = stack.nc
climate = climate.nc
scenario = Hd
output = out/run.h5
checkpoint_dir = checkpoints
parameters = $SRC/configs/parameters/lulucf_nl.ini $SRC/tests/integration/fire_heavy.ini
[grid]
tile_size = 32
INI
}

# Compares the result groups of two inventories bit for bit (provenance differs by design).
same_inventory() {
  local a=$1 b=$2
  for group in /inventory /crt /provinces /ledger /diagnostics; do
    h5diff "$a" "$b" "$group" > /dev/null || fail "$b differs from $a in $group"
  done
}
