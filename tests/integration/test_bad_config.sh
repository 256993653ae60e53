#!/usr/bin/env bash
# Bad configuration gives exit code 2, a message naming the problem, and no output file.
source "$(dirname "$0")/common.sh" "$@"
make_inputs

expect_error() {  # expect_error NAME PATTERN -- polder arguments...
  local name=$1 pattern=$2; shift 3
  set +e
  "$@" > "$name.out" 2> "$name.err"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit code $rc, expected 2 ($(cat "$name.err"))"
  grep -q -- "$pattern" "$name.err" || fail "$name: message '$(cat "$name.err")' does not mention '$pattern'"
  [ -z "$(ls out 2>/dev/null)" ] || fail "$name: output written: $(ls out)"
}

printf '[run]\nstrat_year = 1995\n' > typo.ini
expect_error unknown_key "did you mean 'run.start_year'" -- "$POLDER" run --config run.ini --config typo.ini
expect_error wrong_type "run.end_year = 'soon' is not an integer" -- "$POLDER" run --config run.ini --set run.end_year=soon
expect_error inverted_years "inverted year range" -- "$POLDER" run --config run.ini --set run.start_year=2000 --set run.end_year=1995
expect_error missing_input "run.input = 'missing.nc': file not found" -- "$POLDER" run --config run.ini --input missing.nc
expect_error unknown_option "did you mean '--config'" -- "$POLDER" run --confg run.ini
expect_error bad_scenario "did you mean 'Hd'" -- "$POLDER" run --config run.ini --set run.scenario=hd
printf '\n[forest.harvest_fractoin]\nvalue = 0.5\nunit = 1\nsource = typo test\n' > typo_param.ini
expect_error unknown_parameter "did you mean 'forest.harvest_fraction'" -- "$POLDER" run --config run.ini --set "run.parameters=$SRC/configs/parameters/lulucf_nl.ini typo_param.ini"
expect_error unknown_parameter_mpi "did you mean 'forest.harvest_fraction'" -- "$MPIEXEC" -n 2 "$POLDER" run --config run.ini --set "run.parameters=$SRC/configs/parameters/lulucf_nl.ini typo_param.ini"
# A Monte Carlo distribution the range cannot carry (docs/uncertainty.md): refused when the run starts.
printf '\n[organic_soil.co2_slope]\nvalue = 4.6\nunit = t CO2 ha-1 yr-1 per 10 cm\nrange = 0 5.4\nsource = test\ndistribution = lognormal\n' > bad_dist.ini
expect_error bad_distribution "bad_dist.ini: \[organic_soil.co2_slope\] distribution = lognormal: lognormal needs a range above zero" -- "$POLDER" run --config run.ini --set "run.parameters=$SRC/configs/parameters/lulucf_nl.ini bad_dist.ini"
echo "bad config: 9 cases give exit 2, a message naming the problem, and no output"
