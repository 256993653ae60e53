#!/usr/bin/env bash
# The main job on one machine: install what is missing, build, make the embedded default input (the
# province of Utrecht on the national 25 m grid, with the KNMI'23-style climate file), compute the
# 1990-2023 inventory on 2 MPI ranks and print it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash jobs/install-deps.sh
bash jobs/build.sh
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mkdir -p build/data build/out
if [ ! -f build/data/utrecht.nc ] || [ ! -f build/data/climate.nc ]; then
  mpirun -n 2 --oversubscribe build/polder synth --region utrecht --output build/data/utrecht.nc \
    --climate-output build/data/climate.nc
fi
OMP_NUM_THREADS=1 mpirun -n 2 --oversubscribe build/polder run --config configs/demo.ini
build/polder report build/out/demo.h5 --table summary
