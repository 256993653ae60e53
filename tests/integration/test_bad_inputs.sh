#!/usr/bin/env bash
# The bad-input matrix (issue 12; tests/integration/bad_inputs.py): about 90 broken inputs, configs,
# checkpoints and command lines, each of which must end with exit 2, one message naming the file,
# variable, key or cell, no MPI abort noise, nothing written and every file untouched. The table of
# cases and messages is written to WORK/bad_inputs.md (docs/operations.md shows it).
#   test_bad_inputs.sh POLDER SOURCE_DIR WORK_DIR
set -euo pipefail
exec /usr/bin/python3 "$2/tests/integration/bad_inputs.py" --polder "$1" --src "$2" --work "$3"
