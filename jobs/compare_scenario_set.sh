#!/usr/bin/env bash
# Compares the inventories of a scenario set with its base member (`polder compare`, docs/reporting.md):
# OUTDIR/compare.txt and OUTDIR/compare.csv per CRT category and year, OUTDIR/compare_crt.txt (the last
# year) and OUTDIR/compare_crt.csv (every year) per CRT row. Each file appears whole or not at all.
#
#   jobs/compare_scenario_set.sh SET.ini OUTDIR [polder compare arguments ...]
#
# Exit code: polder compare's (2 if a member's inventory is missing or the runs are not comparable).
set -euo pipefail
set_file=$1
outdir=$2
shift 2
polder=${POLDER:-build/polder}
plan=$("$polder" scenarios "$set_file" --format tsv)
base=$(printf '%s\n' "$plan" | awk -F'\t' '$1 == "set" {print $5}')
files=("$outdir/$base.h5")
while IFS=$'\t' read -r kind _ name _; do
  if [ "$kind" = member ] && [ "$name" != "$base" ]; then files+=("$outdir/$name.h5"); fi
done <<< "$plan"
tmp=$outdir/.compare-$$
trap 'rm -f "$tmp".*' EXIT
"$polder" compare "${files[@]}" --table summary --all-years --csv "$outdir/compare.csv" "$@" > "$tmp.summary"
"$polder" compare "${files[@]}" --table crt --csv "$outdir/compare_crt.csv" "$@" > "$tmp.crt"
mv "$tmp.summary" "$outdir/compare.txt"
mv "$tmp.crt" "$outdir/compare_crt.txt"
cat "$outdir/compare.txt"
echo "compare_scenario_set: ${#files[@]} runs against $base -> $outdir/compare.{txt,csv}, $outdir/compare_crt.{txt,csv}"
