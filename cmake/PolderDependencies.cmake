# Finds every external package Polder uses and exposes each as an imported target.
# Parallel HDF5 and parallel NetCDF-4 are mandatory: a serial build cannot do collective I/O,
# and silently falling back would give a binary that fails at run time on more than one rank.

find_package(MPI 3.0 REQUIRED COMPONENTS C CXX)
find_package(OpenMP 4.5 REQUIRED COMPONENTS CXX)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)

# --- HDF5: must be the MPI-enabled build --------------------------------------------------------
set(HDF5_PREFER_PARALLEL TRUE)
if(NOT HDF5_C_COMPILER_EXECUTABLE AND EXISTS /usr/bin/h5pcc)
  set(HDF5_C_COMPILER_EXECUTABLE /usr/bin/h5pcc)
endif()
find_package(HDF5 1.10 REQUIRED COMPONENTS C)
if(NOT HDF5_IS_PARALLEL)
  message(FATAL_ERROR
    "Polder needs a parallel (MPI) HDF5, but the HDF5 found at '${HDF5_INCLUDE_DIRS}' is serial.\n"
    "On Debian: apt-get install libhdf5-openmpi-dev, or point HDF5_C_COMPILER_EXECUTABLE at h5pcc.")
endif()
add_library(polder_hdf5 INTERFACE)
target_include_directories(polder_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
target_link_libraries(polder_hdf5 INTERFACE ${HDF5_C_LIBRARIES} MPI::MPI_C)
target_compile_definitions(polder_hdf5 INTERFACE ${HDF5_DEFINITIONS})
add_library(polder::hdf5 ALIAS polder_hdf5)

# --- NetCDF-4 with parallel I/O ------------------------------------------------------------------
# Debian ships the MPI build as libnetcdf_mpi with headers in a private folder; its CMake config
# points at the serial headers, so the include folder is located explicitly and checked.
find_path(POLDER_NETCDF_PAR_INCLUDE_DIR netcdf_par.h
  HINTS /usr/lib/x86_64-linux-gnu/netcdf/mpi/include ENV NETCDF_MPI_INCLUDE
  PATH_SUFFIXES netcdf/mpi/include NO_DEFAULT_PATH)
find_path(POLDER_NETCDF_PAR_INCLUDE_DIR netcdf_par.h)
find_library(POLDER_NETCDF_PAR_LIBRARY NAMES netcdf_mpi netcdf
  HINTS ${POLDER_NETCDF_PAR_INCLUDE_DIR}/../.. ${POLDER_NETCDF_PAR_INCLUDE_DIR}/../lib)
if(NOT POLDER_NETCDF_PAR_INCLUDE_DIR OR NOT POLDER_NETCDF_PAR_LIBRARY)
  message(FATAL_ERROR "Polder needs NetCDF-4 built with parallel I/O (netcdf_par.h, libnetcdf_mpi).\n"
                      "On Debian: apt-get install libnetcdf-mpi-dev")
endif()
file(STRINGS "${POLDER_NETCDF_PAR_INCLUDE_DIR}/netcdf_meta.h" _nc_par4 REGEX "define NC_HAS_PARALLEL4")
if(NOT _nc_par4 MATCHES "NC_HAS_PARALLEL4[ \t]+1")
  message(FATAL_ERROR "The NetCDF at ${POLDER_NETCDF_PAR_INCLUDE_DIR} has no parallel NetCDF-4 "
                      "(NC_HAS_PARALLEL4 is not 1). Install libnetcdf-mpi-dev.")
endif()
add_library(polder_netcdf INTERFACE)
target_include_directories(polder_netcdf SYSTEM BEFORE INTERFACE ${POLDER_NETCDF_PAR_INCLUDE_DIR})
target_link_libraries(polder_netcdf INTERFACE ${POLDER_NETCDF_PAR_LIBRARY} polder::hdf5)
add_library(polder::netcdf ALIAS polder_netcdf)
message(STATUS "Polder: parallel NetCDF-4 ${POLDER_NETCDF_PAR_LIBRARY}, parallel HDF5 ${HDF5_VERSION}")

# --- Optional: GDAL for `polder ingest`, libpng for map pictures ---------------------------------
if(POLDER_WITH_GDAL)
  find_package(GDAL CONFIG)
  if(NOT GDAL_FOUND)
    find_package(GDAL 3.0 MODULE REQUIRED)
  endif()
endif()
find_package(PNG REQUIRED)
# libdeflate: fast zlib-format decompression of input-stack chunks (io/netcdf/chunk_reader.cpp).
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
# libxlsxwriter: the CRT workbook of `polder report --xlsx` (Debian libxlsxwriter-dev).
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)

if(POLDER_BUILD_TESTS)
  find_package(GTest 1.10 REQUIRED)
endif()
if(POLDER_BUILD_BENCHMARKS)
  find_package(benchmark QUIET)
endif()
