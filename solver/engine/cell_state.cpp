#include "solver/engine/cell_state.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace polder::engine {
namespace {

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels answer EINVAL and the first touch faults instead
#endif

/// Faults in [begin, end) from all OpenMP threads. The kernel zeroes each fresh page in the thread
/// that faults it; on virtual machines that hand memory to the guest lazily (Firecracker, measured
/// 0.3-1.2 GB/s per thread, docs/performance.md) a serial first touch of a national state takes tens
/// of seconds. Populating in parallel chunks splits that cost over the threads; nothing is read or
/// written through C++ objects here, and a kernel without MADV_POPULATE_WRITE just skips it.
void populate(std::uintptr_t begin, std::uintptr_t end) {
  constexpr std::uintptr_t chunk = std::uintptr_t{64} << 20;
  const auto n = static_cast<std::int64_t>((end - begin + chunk - 1) / chunk);
#pragma omp parallel for schedule(dynamic, 1)
  for (std::int64_t k = 0; k < n; ++k) {
    const std::uintptr_t a = begin + static_cast<std::uintptr_t>(k) * chunk;
    const std::uintptr_t b = a + chunk < end ? a + chunk : end;
    (void)madvise(reinterpret_cast<void*>(a), b - a, MADV_POPULATE_WRITE);
  }
}

/// Sizes `v` to `n` copies of `value`. Large arrays are backed by transparent huge pages where the
/// kernel allows it (madvise before the first touch): a national state is several GB, and touching it
/// in 4 KiB pages costs millions of page faults.
template <typename T>
void allocate(std::vector<T>& v, std::size_t n, T value, std::size_t& bytes_per_cell) {
  std::vector<T>().swap(v);
  v.reserve(n);
  constexpr std::size_t huge = std::size_t{2} << 20;
  const std::size_t bytes = n * sizeof(T);
  if (bytes >= 4 * huge) {
    const auto begin = (reinterpret_cast<std::uintptr_t>(v.data()) + huge - 1) & ~(huge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(v.data()) + bytes) & ~(huge - 1);
    if (end > begin) {
      madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
      populate(begin, end);
    }
  }
  v.assign(n, value);
  bytes_per_cell += sizeof(T);
}

}  // namespace

void CellState::resize(std::size_t n, std::size_t n_map_years) {
  m_bytes_per_cell = 0;
  allocate<std::uint16_t>(local_index, n, 0, m_bytes_per_cell);
  allocate<std::uint8_t>(province, n, 0, m_bytes_per_cell);
  land_use_map.resize(n_map_years);
  for (auto& m : land_use_map) allocate<std::uint8_t>(m, n, 0, m_bytes_per_cell);
  allocate<std::uint8_t>(soil, n, 0, m_bytes_per_cell);
  allocate(glg_cm, n, 0.0F, m_bytes_per_cell);
  allocate(ghg_cm, n, 0.0F, m_bytes_per_cell);
  allocate(ditch_fraction, n, 0.0F, m_bytes_per_cell);
  allocate<std::uint8_t>(species, n, 0, m_bytes_per_cell);
  allocate<std::uint8_t>(yield_class, n, 0, m_bytes_per_cell);
  allocate(marsh_elevation_cm, n, 0.0F, m_bytes_per_cell);
  allocate<std::int16_t>(seagrass_since, n, 0, m_bytes_per_cell);
  allocate<std::uint16_t>(climate_cell, n, 0, m_bytes_per_cell);
  allocate<std::uint8_t>(land_use, n, 0, m_bytes_per_cell);
  allocate<std::uint8_t>(converted_from, n, 0, m_bytes_per_cell);
  allocate<std::int16_t>(converted_year, n, 0, m_bytes_per_cell);
  allocate(biomass_c, n, 0.0, m_bytes_per_cell);
  allocate(dead_wood_c, n, 0.0, m_bytes_per_cell);
  allocate(litter_c, n, 0.0, m_bytes_per_cell);
  allocate(mineral_soc_c, n, 0.0, m_bytes_per_cell);
  allocate(peat_c, n, 0.0, m_bytes_per_cell);
  allocate(soc_rate, n, 0.0F, m_bytes_per_cell);
  allocate<std::uint8_t>(soc_years_left, n, 0, m_bytes_per_cell);
  allocate(stand_age, n, 0.0F, m_bytes_per_cell);
  allocate<std::int16_t>(burnt_year, n, 0, m_bytes_per_cell);
  allocate<std::uint8_t>(rewetted, n, 0, m_bytes_per_cell);
}

std::size_t CellState::bytes_per_cell() const { return m_bytes_per_cell; }

}  // namespace polder::engine
