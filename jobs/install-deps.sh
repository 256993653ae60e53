#!/usr/bin/env bash
# Installs every Debian 12 package Polder needs to build, test and run (as root). Does nothing when
# all are present, so it is cheap to call from every entry script.
set -euo pipefail
packages=(
  build-essential cmake git pkg-config
  libopenmpi-dev openmpi-bin
  libhdf5-openmpi-dev hdf5-tools
  libnetcdf-mpi-dev netcdf-bin
  libboost-program-options-dev
  libgdal-dev gdal-bin
  libpng-dev librandom123-dev libssl-dev libdeflate-dev libxlsxwriter-dev
  libgtest-dev googletest libbenchmark-dev
  python3-numpy python3-h5py python3-netcdf4 python3-openpyxl python3-xarray
  chromium fonts-dejavu-core
  clang-format clang-tidy clang libclang-rt-14-dev libomp-dev
  slurm-wlm munge
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /tmp/polder-apt.log 2>&1 || {
  tail -30 /tmp/polder-apt.log
  exit 1
}
echo "install-deps: done"
