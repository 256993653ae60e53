#!/usr/bin/env bash
# National benchmark (not a test). On this machine, in one script so every ratio compares
# measurements taken together:
#   1. the STREAM triad (polder_stream) and the dense floor program ../shared/bench/soa_floor.cpp
#      (the simplified all-process year of DESIGN.md, built here from that file) over the same cell
#      count and years as the national run;
#   2. the national 25 m run 1990-2050, all processes on, `repeats` times at `ranks` x `threads`, each
#      also repeating one member from the kept input (--repeat 1: what a further ensemble member costs);
#   3. one run at 1 rank x `threads` for the parallel efficiency 1 -> `ranks`.
# Prints medians of wall, load, initial state, loop, cell-years/s, peak bytes per active cell, the
# repeated member, the loop's ratio to the floor and the state traffic as a share of the triad.
#   bench/national.sh [repeats=3] [ranks=2] [threads=1] [build directory=build] [floor source]
# The build tuned for the machine (preset `native`) gives the same bits and runs faster:
#   bash jobs/build.sh native && bench/national.sh 3 2 1 build-native
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
ranks=${2:-2}
threads=${3:-1}
bin=${4:-build}
floor_src=${5:-../shared/bench/soa_floor.cpp}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
out=build/out/bench
mkdir -p "$out" build/data
[ -f build/data/national.nc ] || mpirun -n 2 --oversubscribe "$bin"/polder synth --region national \
  --output build/data/national.nc --climate-output build/data/climate.nc
run() {  # run NAME RANKS [extra options]
  local name=$1 n=$2
  shift 2
  OMP_NUM_THREADS=$threads mpirun -n "$n" --oversubscribe --bind-to none "$bin"/polder run \
    --config configs/national.ini --quiet --set run.checkpoint_every=0 --output "$out/$name.h5" "$@"
}
triad=$(OMP_NUM_THREADS=$((ranks * threads)) "$bin"/polder_stream 80 10)
echo "$triad"
for i in $(seq 1 "$repeats"); do run "run_$i" "$ranks" --repeat 1; done
run one_rank 1
# The floor over the national active-cell count and year count, with the engine's total threads.
cells=$(/usr/bin/python3 -c "import h5py; print(int(h5py.File('$out/run_1.h5','r')['provenance'].attrs['active_cells']))")
floor=""
if [ -f "$floor_src" ]; then
  g++ -O3 -march=native -ffast-math -fopenmp "$floor_src" -o "$out/soa_floor"
  floor=$(OMP_NUM_THREADS=$((ranks * threads)) "$out/soa_floor" "$cells" 61)
  echo "$floor"
else
  echo "no floor program at $floor_src: ratio to the floor left out"
fi
/usr/bin/python3 - "$repeats" "$triad" "$floor" "$out" <<'PY'
import sys, statistics, h5py
repeats, triad, floor, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
best = float(triad.split("best_GBps=")[1].split()[0])
def read(name):
    with h5py.File(f"{out}/{name}.h5", "r") as f:
        p = f["provenance"].attrs
        return dict(wall=float(p["wall_time_s"]), loop=float(p["years_time_s"]), load=float(p["load_time_s"]),
                    init=float(p["initialise_time_s"]), years=int(p["end_year"]) - int(p["start_year"]) + 1,
                    cells=int(p["active_cells"]), rss=int(p["peak_rss_bytes"]), state=int(p["state_bytes_per_cell"]),
                    ranks=int(p["mpi_ranks"]), threads=int(p["omp_threads"]),
                    repeat=float(p.get("repeat_member_s", float("nan"))),
                    repeat_loop=float(p.get("repeat_member_loop_s", float("nan"))))
rows = [read(f"run_{i}") for i in range(1, repeats + 1)]
one = read("one_rank")
med = lambda k: statistics.median(r[k] for r in rows)
r0 = rows[0]
cell_years = r0["cells"] * r0["years"]
rate = cell_years / med("loop")
traffic = 2 * r0["state"] * rate / 1e9  # state read and written once per cell-year
print(f"national run: {r0['cells']} active cells x {r0['years']} years on {r0['ranks']} rank(s) x {r0['threads']} thread(s), {repeats} runs")
print(f"  wall time (median): {med('wall'):.1f} s = load and check inputs {med('load'):.1f} s + initial state "
      f"{med('init'):.1f} s + yearly loop {med('loop'):.1f} s (+ writing); all runs: "
      + ", ".join(f"{r['wall']:.1f}" for r in rows))
print(f"  repeated member from the kept input (median): {med('repeat'):.1f} s, of which loop {med('repeat_loop'):.1f} s")
print(f"  cell-years per second (loop): {rate/1e6:.1f} M")
print(f"  peak memory: {med('rss')/2**30:.2f} GiB in all ranks = {med('rss')/r0['cells']:.0f} bytes per active cell "
      f"(state {r0['state']} bytes per cell)")
print(f"  effective state traffic {traffic:.1f} GB/s = {100*traffic/best:.0f}% of the STREAM triad best {best:.1f} GB/s")
if floor:
    fwall = float(floor.split("wall=")[1].split()[0])
    print(f"  dense floor program: loop {fwall:.1f} s; the engine's loop is {med('loop')/fwall:.1f}x the floor")
eff = one["loop"] / (r0["ranks"] * med("loop"))
print(f"  parallel efficiency 1 -> {r0['ranks']} ranks (loop): {100*eff:.0f}% (1 rank: loop {one['loop']:.1f} s, wall {one['wall']:.1f} s)")
PY
