#!/usr/bin/env bash
# A run killed (SIGKILL) right after a checkpoint leaves no inventory; restarted from that checkpoint,
# on a different rank count, it produces the same bits as a run that was never interrupted.
source "$(dirname "$0")/common.sh" "$@"
make_inputs
"$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet --output out/full.h5 || fail "uninterrupted run failed"

set +e
POLDER_FAULT_AFTER_CHECKPOINT=1995 "$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet \
  --output out/killed.h5 --checkpoint-every 3 > kill.log 2>&1
rc=$?
set -e
[ "$rc" -ne 0 ] || fail "the run was expected to be killed"
[ -f checkpoints/polder_checkpoint_1995.h5 ] || fail "no checkpoint for 1995"
[ ! -e out/killed.h5 ] || fail "a killed run left an inventory behind"
ls out | grep -q partial && fail "a killed run left a partial file"

"$MPIEXEC" -n 3 "$POLDER" run --config run.ini --quiet --output out/restarted.h5 \
  --restart checkpoints/polder_checkpoint_1995.h5 || fail "restart failed"
same_inventory out/full.h5 out/restarted.h5
# A checkpoint from other inputs is refused.
"$BIN_DIR/polder_make_test_inputs" other.nc other_climate.nc 200 300 > /dev/null
set +e
"$POLDER" run --config run.ini --quiet --input other.nc --output out/wrong.h5 \
  --restart checkpoints/polder_checkpoint_1995.h5 2> wrong.log
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "restart with another input stack should exit 2, got $rc"
grep -q "different input stack" wrong.log || fail "unexpected message: $(cat wrong.log)"
echo "restart: killed after 1995 on 2 ranks, restarted on 3 ranks, identical"
