#include "engine/cell_state.hpp"

#include <sys/mman.h>

namespace polder::engine {
namespace {

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
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
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
