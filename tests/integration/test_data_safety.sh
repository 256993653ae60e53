#!/usr/bin/env bash
# Never lose or corrupt data: an output path that resolves to a file the run reads is refused (exit 2,
# the input byte-identical afterwards); a damaged checkpoint (short arrays, NaN, codes outside their
# tables, values edited within range) is refused before use; nothing is written in either case.
source "$(dirname "$0")/common.sh" "$@"
make_inputs
cp "$SRC/configs/parameters/lulucf_nl.ini" params.ini
sed -i "s#parameters = .*#parameters = params.ini $SRC/tests/integration/fire_heavy.ini#" run.ini
ln -s stack.nc stack_link.nc

digests() { sha256sum stack.nc climate.nc params.ini run.ini $(find checkpoints -name '*.h5' 2>/dev/null | sort); }
expect_refusal() {  # expect_refusal NAME PATTERN -- polder arguments...
  local name=$1 pattern=$2; shift 3
  local before; before=$(digests)
  set +e
  "$@" > "$name.out" 2> "$name.err"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit code $rc, expected 2 ($(cat "$name.err"))"
  grep -q -- "$pattern" "$name.err" || fail "$name: message '$(cat "$name.err")' does not mention '$pattern'"
  [ "$(digests)" = "$before" ] ||
    fail "$name: an input changed"
  [ -z "$(ls out 2>/dev/null)" ] || fail "$name: output written: $(ls out)"
  ! ls ./*.partial-* checkpoints/*.partial-* > /dev/null 2>&1 || fail "$name: a partial file was left"
}

run=("$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet)
expect_refusal out_is_input "same file as run.input" -- "${run[@]}" --output stack.nc
expect_refusal out_is_input_link "same file as run.input" -- "${run[@]}" --output stack_link.nc
expect_refusal out_is_climate "same file as run.climate" -- "${run[@]}" --output ./climate.nc
expect_refusal out_is_parameters "same file as the parameter file" -- "${run[@]}" --output params.ini
expect_refusal out_is_config "same file as the config file" -- "${run[@]}" --output run.ini
expect_refusal out_is_folder "is a folder" -- "${run[@]}" --output checkpoints/

# A checkpoint to restart from, and damaged copies of it.
"${run[@]}" --output out/first.h5 --checkpoint-every 5 --set run.end_year=1996 || fail "checkpoint run failed"
rm -f out/first.h5
[ -f checkpoints/polder_checkpoint_1994.h5 ] || fail "no checkpoint for 1994"
good=checkpoints/polder_checkpoint_1994.h5
expect_refusal out_is_restart "same file as the checkpoint restarted from" -- "${run[@]}" --restart "$good" --output "$good"
# A restart whose checkpoints would land on the checkpoint it starts from (copied under a later
# year's name) is refused before anything runs.
cp "$good" checkpoints/polder_checkpoint_1999.h5
expect_refusal checkpoint_over_restart "same file as the checkpoint started from" -- \
  "${run[@]}" --restart checkpoints/polder_checkpoint_1999.h5 --output out/r.h5 --checkpoint-every 5 --set run.end_year=2002
rm checkpoints/polder_checkpoint_1999.h5
damage() {  # damage NAME PYTHON-STATEMENTS (h5py file as f)
  cp "$good" "checkpoints/$1.h5"
  /usr/bin/python3 - "checkpoints/$1.h5" <<PY
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "r+") as f:
    $2
PY
}
damage short 'd = f["/state/biomass_c"][:-7]; del f["/state/biomass_c"]; f["/state/biomass_c"] = d'
damage nan 'd = f["/state/peat_c"]; v = d[:]; v[123] = np.nan; d[:] = v'
damage code 'd = f["/state/land_use"]; v = d[:]; v[77] = 99; d[:] = v'
damage edited 'd = f["/state/soc_anchor"]; v = d[:]; v[5] += 1.0; d[:] = v'
damage no_year 'del f["/years/ledger"]'
expect_refusal ckpt_short "/state/biomass_c has" -- "${run[@]}" --restart checkpoints/short.h5 --output out/r.h5
expect_refusal ckpt_nan "/state/peat_c of cell 123" -- "${run[@]}" --restart checkpoints/nan.h5 --output out/r.h5
expect_refusal ckpt_code "/state/land_use of cell 77" -- "${run[@]}" --restart checkpoints/code.h5 --output out/r.h5
expect_refusal ckpt_edited "does not match its digest" -- "${run[@]}" --restart checkpoints/edited.h5 --output out/r.h5
expect_refusal ckpt_missing "/years/ledger is missing" -- "${run[@]}" --restart checkpoints/no_year.h5 --output out/r.h5
# The undamaged checkpoint still restarts.
"${run[@]}" --restart "$good" --output out/restarted.h5 || fail "restart from the good checkpoint failed"
rm -f out/restarted.h5

# A write that fails (a file-size limit, a full disk) exits 2 with the reason, and leaves no file under
# the final name and no partial file; the inputs are untouched.
expect_write_failure() {  # expect_write_failure NAME FINAL_PATH PATTERN -- command...
  local name=$1 final=$2 pattern=$3; shift 4
  local before; before=$(digests)
  set +e
  "$@" > "$name.out" 2> "$name.err"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit code $rc, expected 2 ($(cat "$name.err"))"
  grep -q -- "$pattern" "$name.err" || fail "$name: message '$(cat "$name.err")' does not mention '$pattern'"
  ! grep -q "MPI_ABORT\|HDF5-DIAG" "$name.err" || fail "$name: abort or HDF5 noise: $(cat "$name.err")"
  [ ! -e "$final" ] || fail "$name: $final was left under its final name"
  [ -z "$(find . -name '*.partial-*')" ] || fail "$name: partial file left: $(find . -name '*.partial-*')"
  [ "$(digests)" = "$before" ] || fail "$name: an input changed"
}
# ulimit -f works on any machine. The limit is set in each rank only (mpirun's own files stay
# unlimited) and the ranks talk over TCP (the shared-memory transport's files would hit the limit).
limited=("$MPIEXEC" -n 2 --mca btl self,tcp bash -c 'ulimit -f 64; exec "$@"' _ "$POLDER" run --config run.ini --quiet)
expect_write_failure ulimit_inventory out/limited.h5 "cannot write the inventory 'out/limited.h5'.*File too large" -- \
  "${limited[@]}" --output out/limited.h5
expect_write_failure ulimit_checkpoint checkpoints/polder_checkpoint_1990.h5 "cannot write checkpoint '.*polder_checkpoint_1990.h5'.*file-size limit" -- \
  "${limited[@]}" --output out/limited.h5 --checkpoint-every 1
written=2
# A full disk: a 256 KiB tmpfs (needs root and mount rights; skipped where mount is not allowed).
mkdir -p full
if mount -t tmpfs -o size=256k polder-test-full full 2> /dev/null; then
  trap 'umount "$WORK/full" 2> /dev/null || true' EXIT
  expect_write_failure full_inventory full/run.h5 "cannot write the inventory 'full/run.h5'" -- "${run[@]}" --output full/run.h5
  expect_write_failure full_checkpoint full/ck/polder_checkpoint_1992.h5 "cannot write checkpoint '.*polder_checkpoint_1992.h5'.*less room" -- \
    "${run[@]}" --output out/full.h5 --set run.checkpoint_dir=full/ck --checkpoint-every 3
  umount full
  trap - EXIT
  written=4
else
  echo "data safety: cannot mount a tmpfs here, the full-disk cases are skipped (the file-size limit cases ran)"
fi
echo "data safety: 13 refusals with inputs untouched, good checkpoint restarts, $written failed writes leave no file"
