#!/usr/bin/env bash
# polder report on a small run 1990-2030: the CRT workbook (read by openpyxl), the tidy CSV folder and the
# HTML page (rendered by headless Chromium) agree with the inventory (h5py); bad input (not an
# inventory, a truncated file, an unknown table, a filter a table cannot apply, a run without the EU
# years) exits 2 with a message and leaves no workbook, CSV folder or page behind.
source "$(dirname "$0")/common.sh" "$@"
END_YEAR=2030 make_inputs
sed -i "s#^parameters = \(.*\)#parameters = \1 $SRC/configs/parameters/eu_lulucf_nl.ini#" run.ini
"$POLDER" run --config run.ini --quiet || fail "polder run exited with $?"
INV=out/run.h5

"$POLDER" report "$INV" --xlsx crt.xlsx --csv crt_csv --html report.html > report.out 2>&1 \
  || fail "polder report exited with $?: $(cat report.out)"
[ -s crt.xlsx ] && [ -d crt_csv ] && [ -s report.html ] || fail "report outputs missing: $(ls)"
ls ./*.partial-* crt_csv.* > /dev/null 2>&1 && fail "temporary files left: $(ls)"

if command -v chromium > /dev/null; then
  profile=$(mktemp -d)
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --screenshot="$WORK/shot.png" --window-size=1400,3000 "file://$WORK/report.html" > chromium.log 2>&1 \
    || fail "chromium: $(tail -3 chromium.log)"
  rm -rf "$profile"
else
  fail "chromium is not installed (jobs/install-deps.sh)"
fi
/usr/bin/python3 "$SRC/tests/integration/check_report_outputs.py" "$INV" crt.xlsx crt_csv report.html shot.png \
  || fail "report outputs disagree with the inventory"

# Bad input exits 2 with a message and leaves no workbook, CSV folder, page or temporary file.
expect_refusal() {  # message-pattern, then the report arguments
  local pattern=$1
  shift
  set +e
  "$POLDER" report "$@" --xlsx bad.xlsx --csv bad_csv > bad.out 2> bad.err
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "polder report $*: exit code $rc, expected 2 ($(cat bad.err))"
  grep -q "$pattern" bad.err || fail "polder report $*: message '$(cat bad.err)' lacks '$pattern'"
  for left in bad.xlsx bad_csv bad.html; do [ ! -e "$left" ] || fail "polder report $*: left $left behind"; done
  ls ./*.partial-* > /dev/null 2>&1 && fail "polder report $*: left a temporary file"
  return 0
}
printf 'year,net\n2020,1\n' > not_an_inventory.h5
expect_refusal "is not an HDF5 file" not_an_inventory.h5
head -c $(($(stat -c %s "$INV") / 2)) "$INV" > truncated.h5
expect_refusal "truncated" truncated.h5
set +e
"$POLDER" report truncated.h5 --html bad.html > bad.out 2> bad.err; rc=$?
set -e
[ "$rc" -eq 2 ] && [ ! -e bad.html ] || fail "HTML of a truncated file: rc $rc, $(cat bad.err)"
expect_refusal "is not a table" "$INV" --table 4.Z
expect_refusal "cannot apply this filter" "$INV" --table 4.1 --province utrecht
expect_refusal "not all in the inventory" "$INV" --years 1985-1995
set +e
"$POLDER" report "$INV" --table crt --year 1985 > bad.out 2> bad.err; rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "not all in the inventory" bad.err || fail "--year 1985: rc $rc, $(cat bad.err)"

# A run that ends in 2002 has none of the EU periods: asking for the EU table is refused.
sed -i 's/^end_year = .*/end_year = 2002/; s#^output = .*#output = out/short.h5#' run.ini
"$POLDER" run --config run.ini --quiet || fail "short run exited with $?"
set +e
"$POLDER" report out/short.h5 --table eu --csv bad_csv > bad.out 2> bad.err; rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "none of the EU accounting periods" bad.err || fail "EU table of 1990-2002: rc $rc, $(cat bad.err)"
[ ! -e bad_csv ] || fail "EU table of 1990-2002 left a CSV folder"
# ... while the whole workbook of that run keeps the EU sheet, its terms reported missing.
"$POLDER" report out/short.h5 --csv short_csv > /dev/null 2>&1 || fail "CSV of the short run"
grep -q "period_2021_2025/no_debit_met,.*missing" short_csv/eu_accounting.csv || fail "short run: EU terms not missing"
echo "report outputs: workbook, CSV and HTML agree with the inventory; bad input exits 2 and leaves nothing"
