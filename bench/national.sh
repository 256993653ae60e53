#!/usr/bin/env bash
# National benchmark (not a test): STREAM triad on this machine, then the national 25 m run
# 1990-2050 with all processes on, repeated; prints medians of wall time, cell-years per second,
# peak memory per active cell and the engine's effective memory traffic as a share of the triad.
#   bench/national.sh [repeats=3] [ranks=2] [threads=1] [build directory=build]
# The build tuned for the machine (preset `native`) gives the same bits and runs faster:
#   bash jobs/build.sh native && bench/national.sh 3 2 1 build-native
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
ranks=${2:-2}
threads=${3:-1}
bin=${4:-build}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
[ -f build/data/national.nc ] || mpirun -n 2 --oversubscribe build/polder synth --region national \
  --output build/data/national.nc --climate-output build/data/climate.nc
mkdir -p build/out/bench
triad=$(OMP_NUM_THREADS=$((ranks * threads)) "$bin"/polder_stream 80 10)
echo "$triad"
for i in $(seq 1 "$repeats"); do
  OMP_NUM_THREADS=$threads mpirun -n "$ranks" --oversubscribe --bind-to none "$bin"/polder run \
    --config configs/national.ini --quiet --set run.checkpoint_every=0 --output "build/out/bench/run_$i.h5"
done
/usr/bin/python3 - "$repeats" "$triad" <<'PY'
import sys, statistics, h5py
repeats, triad = int(sys.argv[1]), sys.argv[2]
best = float(triad.split("best_GBps=")[1].split()[0])
rows = []
for i in range(1, repeats + 1):
    with h5py.File(f"build/out/bench/run_{i}.h5", "r") as f:
        p = f["provenance"].attrs
        years = int(p["end_year"]) - int(p["start_year"]) + 1
        cells = int(p["active_cells"])
        rows.append(dict(wall=float(p["wall_time_s"]), loop=float(p["years_time_s"]), load=float(p["load_time_s"]),
                         init=float(p["initialise_time_s"]), years=years, cells=cells,
                         rss=int(p["peak_rss_bytes"]), state=int(p["state_bytes_per_cell"]),
                         ranks=int(p["mpi_ranks"]), threads=int(p["omp_threads"])))
med = lambda k: statistics.median(r[k] for r in rows)
r0 = rows[0]
cell_years = r0["cells"] * r0["years"]
rate = cell_years / med("loop")
traffic = 2 * r0["state"] * rate / 1e9  # state read and written once per cell-year
print(f"national run: {r0['cells']} active cells x {r0['years']} years on {r0['ranks']} rank(s) x {r0['threads']} thread(s), {repeats} runs")
print(f"  wall time (median): {med('wall'):.1f} s = load and check inputs {med('load'):.1f} s + initial state "
      f"{med('init'):.1f} s + yearly loop {med('loop'):.1f} s (+ writing); all runs: "
      + ", ".join(f"{r['wall']:.1f}" for r in rows))
print(f"  cell-years per second (loop): {rate/1e6:.1f} M")
print(f"  peak memory: {med('rss')/2**30:.2f} GiB in all ranks = {med('rss')/r0['cells']:.0f} bytes per active cell "
      f"(state {r0['state']} bytes per cell)")
print(f"  effective state traffic {traffic:.1f} GB/s = {100*traffic/best:.0f}% of the STREAM triad best {best:.1f} GB/s")
PY
