#pragma once
// The climate forcing of a run: one KNMI'23 scenario's annual fields on the coarse climate grid, held
// whole on every rank (a few MB), and the nearest-cell lookup from a 25 m cell to its climate cell.

#include <cstdint>
#include <string>
#include <vector>

#include "io/netcdf/input_checks.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::engine {

/// The fields of one year, indexed by climate cell (row-major, north-up).
struct ClimateYear {
  std::size_t cells = 0;  ///< number of climate cells in each field
  const float* tas_c = nullptr;
  const float* precip_deficit_mm = nullptr;
  const float* gw_anomaly_cm = nullptr;
  double sea_level_cm = 0.0;
  double sea_level_rise_cm = 0.0;  ///< change since the previous year
};

class ClimateForcing {
 public:
  /// Collective: reads `scenario` from the climate file and checks it covers `window`.
  ClimateForcing(const parallel::Comm& comm, const std::string& path, const std::string& scenario,
                 const grid::GridWindow& window);

  ClimateYear year(std::int32_t year) const;
  bool covers(std::int32_t year) const { return year >= m_first_year && year <= m_last_year; }
  std::int32_t first_year() const { return m_first_year; }
  std::int32_t last_year() const { return m_last_year; }
  std::int32_t last_observed_year() const { return m_info.last_observed_year; }
  /// Number of climate cells (fields of a year are indexed 0 .. cell_count() - 1).
  std::size_t cell_count() const { return static_cast<std::size_t>(m_nx) * static_cast<std::size_t>(m_ny); }

  /// Climate cell holding the centre of national cell (row, col).
  std::int32_t cell_of(std::int32_t row, std::int32_t col) const {
    const double x = grid::NationalGrid::x_center(col), y = grid::NationalGrid::y_center(row);
    const auto cx = static_cast<std::int32_t>((x - m_x_west) / m_info.cell_width_m);
    const auto cy = static_cast<std::int32_t>((m_y_north - y) / m_info.cell_height_m);
    return cy * m_nx + cx;
  }

 private:
  io::ClimateInfo m_info;
  std::int32_t m_first_year = 0;
  std::int32_t m_last_year = 0;
  std::int32_t m_nx = 0;
  std::int32_t m_ny = 0;
  double m_x_west = 0.0;
  double m_y_north = 0.0;
  std::vector<float> m_tas, m_deficit, m_gw, m_sea_level;
};

}  // namespace polder::engine
