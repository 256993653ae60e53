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
expect_refusal checkpoint_over_restart "same file as the checkpoint restarted from" -- \
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
echo "data safety: 13 refusals with inputs untouched, good checkpoint restarts"
