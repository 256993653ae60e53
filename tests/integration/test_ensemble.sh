#!/usr/bin/env bash
# Ensembles (issue 9, docs/uncertainty.md) on a small region 1990-2002: two scenario entries x 4 draws.
#  - --member K writes the same bits as member K inside the ensemble (its /inventory tables and its
#    /ensemble row), and --member 0 the same inventory as a plain run;
#  - the ensemble file is identical for 1 rank, 2 ranks, 2 ranks in 2 groups, 3 ranks in 2 groups (of 2
#    and 1 ranks) and 1 rank x 2 threads;
#  - a named entry with a measure file runs with it (its draw 0 = the plain run with that file);
#  - the draws differ from each other, /uncertainty holds the statistics and the convergence record,
#    and `polder report --uncertainty` prints them (exit 2 for a file without them);
#  - a killed ensemble (1 rank; 2 ranks in 2 groups) resumed with --resume writes the same file;
#  - bad ensembles (draws = 0, more groups than ranks, an unknown scenario, --member out of range,
#    --member without an ensemble, --resume with records of another ensemble) exit 2 naming the key and write nothing.
source "$(dirname "$0")/common.sh" "$@"
make_inputs
cat > ens.ini <<INI
[ensemble]
scenarios = Hd Ld
draws = 4
sampling = lhs
convergence_window = 2
INI
run() { OMP_NUM_THREADS=${THREADS:-1} "$MPIEXEC" -n "${RANKS:-1}" "$POLDER" run --config run.ini --quiet "$@"; }
run --ensemble ens.ini --output out/ens.h5 || fail "ensemble run failed"
run --ensemble ens.ini --member 7 --output out/m7.h5 || fail "--member 7 failed"
run --ensemble ens.ini --member 0 --output out/m0.h5 || fail "--member 0 failed"
run --output out/plain.h5 || fail "plain run failed"
same_inventory out/plain.h5 out/m0.h5
same_inventory out/plain.h5 out/ens.h5
RANKS=2 run --ensemble ens.ini --output out/r2.h5 || fail "2 ranks failed"
RANKS=2 run --ensemble ens.ini --groups 2 --output out/g2.h5 || fail "2 groups failed"
RANKS=3 run --ensemble ens.ini --groups 2 --output out/r3g2.h5 || fail "3 ranks in 2 groups failed"
THREADS=2 run --ensemble ens.ini --output out/t2.h5 || fail "2 threads failed"
for f in r2 g2 r3g2 t2; do
  same_inventory out/ens.h5 "out/$f.h5"
  for g in /ensemble /uncertainty; do h5diff out/ens.h5 "out/$f.h5" $g > /dev/null || fail "out/$f.h5 differs in $g"; done
done
/usr/bin/python3 - out/ens.h5 out/m7.h5 <<'PY' || fail "the ensemble file is not what docs/output-format.md says"
import sys, h5py, numpy as np
e, m = h5py.File(sys.argv[1]), h5py.File(sys.argv[2])
assert list(e["/ensemble/members/index"][:]) == list(range(10))
assert [s.decode() for s in e["/ensemble/members/scenario"][:]] == ["Hd"] * 5 + ["Ld"] * 5
assert list(e["/ensemble/members/draw"][:]) == [0, 1, 2, 3, 4] * 2
assert list(m["/ensemble/members/index"][:]) == [7]
# --member 7 (Ld, draw 2) = row 7 of the ensemble, in its main tables and in its /ensemble row.
assert np.array_equal(e["/ensemble/net_kt_co2e"][7], m["/inventory/net_kt_co2e"][:])
assert np.array_equal(e["/ensemble/net_kt_co2e"][7], m["/ensemble/net_kt_co2e"][0])
assert np.array_equal(e["/ensemble/parameters"][7], m["/ensemble/parameters"][0])
# ... and its provenance holds the values it used.
names = [n.decode() for n in m["/provenance/parameters/name"][:]]
used = dict(zip(names, m["/provenance/parameters/value"][:]))
for n, v in zip(e["/ensemble/parameter_names"][:], e["/ensemble/parameters"][7]):
    assert used[n.decode()] == v, (n, used[n.decode()], v)
# Member 0 is the main inventory; draws differ; draw d uses the same parameters in both entries.
total = e["/ensemble/total_kt_co2e"][:]
assert np.array_equal(total[0], e["/inventory/total_kt_co2e"][:])
assert len({round(t, 9) for t in total[1:5, -1]}) == 4, total[:, -1]
p = e["/ensemble/parameters"][:]
assert np.array_equal(p[1:5], p[6:10]) and not np.array_equal(p[1], p[2])
# Statistics over draws 1..4 of each entry.
for s in range(2):
    rows = total[s * 5 + 1:s * 5 + 5]
    assert np.isclose(e["/uncertainty/total_kt_co2e_mean"][s, -1], rows[:, -1].mean(), rtol=1e-12)
    assert np.isclose(e["/uncertainty/total_kt_co2e_p97_5"][s, -1], np.percentile(rows[:, -1], 97.5), rtol=1e-12)
    net = e["/ensemble/net_kt_co2e"][s * 5 + 1:s * 5 + 5]
    assert np.allclose(e["/uncertainty/net_kt_co2e_median"][s], np.median(net, axis=0), rtol=1e-12, atol=1e-12)
assert e["/uncertainty/convergence/total_kt_co2e_mean"].shape == (2, 4, 13)
assert e["/uncertainty/convergence/window"][()] == 2
assert e["/uncertainty/sensitivity_total_kt_co2e"].shape == (2, e["/ensemble/parameter_names"].shape[0])
# 1990-2002 covers no EU accounting test: undetermined in every member, no share.
assert np.isnan(e["/ensemble/eu_compliance"][:]).all() and e["/ensemble/eu_compliance"].shape == (10, 3)
assert (e["/uncertainty/eu_compliance_determined"][:] == 0).all()
PY

# A named entry with measure files (Bossenstrategie, from 2024: the runs go to 2030): its draw 0 is the
# plain run with that measure file, --member of its draw 1 is its row, and it differs from plain Hd.
printf '[ensemble]\nscenarios = Hd\ndraws = 1\n[ensemble.scenario]\nforest = Hd %s\n' \
  "$SRC/configs/measures/bossenstrategie.ini" > ens_measures.ini
to2030=(--set run.end_year=2030)
run "${to2030[@]}" --ensemble ens_measures.ini --output out/em.h5 2> em.err || fail "ensemble with measures failed"
run "${to2030[@]}" --ensemble ens_measures.ini --member 3 --output out/em3.h5 2> em3.err || fail "--member 3 failed"
run "${to2030[@]}" --config "$SRC/configs/measures/bossenstrategie.ini" --output out/plain_m.h5 2> pm.err \
  || fail "plain run with measures failed"
/usr/bin/python3 - out/em.h5 out/em3.h5 out/plain_m.h5 <<'PY' || fail "the measure entry is not run with its measures"
import sys, h5py, numpy as np
e, m3, p = (h5py.File(f) for f in sys.argv[1:])
net = e["/ensemble/net_kt_co2e"]
assert np.array_equal(net[2], p["/inventory/net_kt_co2e"][:]), "draw 0 of 'forest' is not the plain run with its measures"
assert np.array_equal(net[3], m3["/inventory/net_kt_co2e"][:]), "--member 3 is not row 3"
assert not np.array_equal(net[0], net[2]), "the measures changed nothing"
assert "/measures/ids" in m3 and e["/ensemble/members/measures"][2].decode().endswith("bossenstrategie.ini")
PY

# A killed ensemble resumes from the records of its finished members (run.checkpoint_dir/members) and
# writes the same file; on 2 groups the other group's progress at the kill does not matter.
for layout in 1x1 2x2; do
  ranks=${layout%x*}; groups=${layout#*x}
  rm -rf checkpoints
  set +e
  POLDER_FAULT_AFTER_MEMBER=5 RANKS=$ranks run --ensemble ens.ini --groups "$groups" --output out/killed.h5 > kill.log 2>&1
  rc=$?
  set -e
  [ "$rc" -ne 0 ] && [ ! -e out/killed.h5 ] || fail "the killed ensemble ($layout) exited $rc or left a file"
  [ -e checkpoints/members/member_5.h5 ] || fail "no record of member 5 ($layout): $(ls checkpoints/members)"
  RANKS=$ranks run --ensemble ens.ini --groups "$groups" --resume --output "out/resumed_$layout.h5" || fail "--resume ($layout) failed"
  same_inventory out/ens.h5 "out/resumed_$layout.h5"
  for g in /ensemble /uncertainty; do h5diff out/ens.h5 "out/resumed_$layout.h5" $g > /dev/null || fail "resumed ($layout) differs in $g"; done
done
OMP_NUM_THREADS=1 "$POLDER" run --config run.ini --ensemble ens.ini --resume --output out/resumed_log.h5 > resume.log 2>&1 \
  || fail "--resume of a finished ensemble failed: $(tail -3 resume.log)"
grep -q -- "--resume: 9 finished member(s) read back" resume.log || fail "--resume did not read back 9 members: $(grep resume resume.log)"

# polder report --uncertainty: the mean and 95 % interval of the total, per entry, as in /uncertainty.
"$POLDER" report out/ens.h5 --uncertainty --year 2002 --format csv > unc.csv || fail "report --uncertainty failed"
/usr/bin/python3 - out/ens.h5 unc.csv <<'PY' || fail "report --uncertainty does not print /uncertainty"
import csv, sys, h5py
e = h5py.File(sys.argv[1])
rows = [r for r in csv.reader(l for l in open(sys.argv[2]) if not l.startswith("#"))]
assert rows[0][1:] == ["Hd mean", "Hd 2.5%", "Hd 97.5%", "Hd +-%", "Ld mean", "Ld 2.5%", "Ld 97.5%", "Ld +-%"], rows[0]
total = rows[1]
assert total[0] == "4 Total LULUCF", total
for s in range(2):
    for k, stat in enumerate(["mean", "p2_5", "p97_5"]):
        want = e["/uncertainty/total_kt_co2e_" + stat][s, -1]
        assert abs(float(total[1 + 4 * s + k]) - want) <= 1e-5 * max(1, abs(want)), (stat, total, want)
assert len(rows) == 9
PY
set +e
"$POLDER" report out/plain.h5 --uncertainty > plain_unc.out 2> plain_unc.err
rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "has no /uncertainty" plain_unc.err || fail "report --uncertainty of a single run: exit $rc, $(cat plain_unc.err)"

expect_error() {  # expect_error NAME PATTERN -- command...
  local name=$1 pattern=$2; shift 3
  rm -rf out_bad && mkdir out_bad
  set +e
  "$@" --output out_bad/x.h5 > "$name.out" 2> "$name.err"
  local rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$name: exit code $rc, expected 2 ($(cat "$name.err"))"
  grep -q -- "$pattern" "$name.err" || fail "$name: message '$(cat "$name.err")' does not mention '$pattern'"
  [ -z "$(ls out_bad)" ] || fail "$name: output written: $(ls out_bad)"
}
printf '[ensemble]\ndraws = 0\n' > zero.ini
printf '[ensemble]\nscenarios = Hd Xd\ndraws = 2\n' > unknown.ini
expect_error draws_zero "ensemble.draws" -- "$POLDER" run --config run.ini --quiet --ensemble zero.ini
expect_error unknown_scenario "ensemble.scenarios" -- "$POLDER" run --config run.ini --quiet --ensemble unknown.ini
expect_error too_many_groups "ensemble.groups" -- "$MPIEXEC" -n 2 "$POLDER" run --config run.ini --quiet --ensemble ens.ini --groups 3
expect_error zero_groups "ensemble.groups" -- "$POLDER" run --config run.ini --quiet --ensemble ens.ini --groups 0
expect_error member_range "--member 10" -- "$POLDER" run --config run.ini --quiet --ensemble ens.ini --member 10
expect_error member_alone "--member: needs an ensemble" -- "$POLDER" run --config run.ini --quiet --member 1
expect_error resume_other_ensemble "was written by another ensemble" -- "$POLDER" run --config run.ini --quiet --ensemble ens.ini --resume --set ensemble.seed=5
echo "ensemble: --member = its row, 5 decompositions/groupings identical, resume equals uninterrupted, statistics and report --uncertainty checked, 7 bad inputs exit 2"
