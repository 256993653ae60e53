#pragma once
// The relative mineral-soil climate offset x of each climate cell (kernels/climate_response.hpp),
// computed from the climate record itself: x = 0 before the first climate year, then one step per
// year. It depends only on the forcing, so a run started in any year, or restarted from a checkpoint,
// sees the same values without storing them. A tile touches a handful of climate cells; the cache
// keeps the ones it has computed for the current year.

#include <array>
#include <cstdint>

#include "solver/engine/climate_forcing.hpp"
#include "solver/kernels/climate_response.hpp"

namespace polder::engine {

/// x(year) of climate cell `cell` (0 before the climate record).
inline double soil_climate_offset(const ClimateForcing& climate, const kernels::ClimateResponseParams& p,
                                  std::int32_t year, std::uint16_t cell) {
  double x = 0.0;
  for (std::int32_t y = climate.first_year(); y <= year; ++y) {
    const ClimateYear cy = climate.year(y);
    x = kernels::soil_climate_offset_step(p, x, cy.precip_deficit_mm[cell], cy.tas_c[cell]);
  }
  return x;
}

class SoilClimateCache {
 public:
  SoilClimateCache(const ClimateForcing* climate, const kernels::ClimateResponseParams& p, std::int32_t year,
                   bool active)
      : m_climate(climate),
        m_params(p),
        m_year(year),
        m_active(active && climate != nullptr && p.mineral_soil_response) {}

  /// Whether the mineral-soil climate response acts at all in this run.
  bool active() const { return m_active; }

  /// x(year) and x(year) - x(year - 1) of a climate cell; both 0 when the response is off.
  struct Offset {
    double x = 0.0;
    double delta = 0.0;
  };
  Offset get(std::uint16_t cell) {
    if (!m_active) return {};
    for (std::size_t k = 0; k < m_used; ++k)
      if (m_cell[k] == cell) return m_value[k];
    const double before = soil_climate_offset(*m_climate, m_params, m_year - 1, cell);
    const double now = soil_climate_offset(*m_climate, m_params, m_year, cell);
    const Offset o{now, now - before};
    const std::size_t slot = m_used < m_cell.size() ? m_used++ : m_next++ % m_cell.size();
    m_cell[slot] = cell;
    m_value[slot] = o;
    return o;
  }

 private:
  const ClimateForcing* m_climate;
  const kernels::ClimateResponseParams& m_params;
  std::int32_t m_year;
  bool m_active;
  std::array<std::uint16_t, 16> m_cell{};
  std::array<Offset, 16> m_value{};
  std::size_t m_used = 0;
  std::size_t m_next = 0;
};

}  // namespace polder::engine
