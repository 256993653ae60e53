#pragma once
// Coastal wetlands: elevation of salt-marsh and intertidal cells relative to mean high water (MHW), and
// the seagrass meadow near Griend, whose cells get the year they became seagrass. The meadow grows from
// 30 ha (2018) over 276 ha (2021) to 1,668 ha (2024) (RWS / Waddenvereniging, domain.md section 5);
// the years between are interpolated geometrically (assumption A15).

#include <cstdint>
#include <vector>

#include "io/synth/cell_drivers.hpp"
#include "io/synth/thresholds.hpp"

namespace polder::io::synth {

/// cm relative to MHW for salt marsh (+10..+80) and intertidal flat / seagrass (-240..-10); 0 elsewhere.
float marsh_elevation_cm(const CellDrivers& d, const Thresholds& t, std::uint8_t land_use_code);

/// The Griend seagrass meadow: every rank builds it identically from the full-resolution cells of a
/// fixed box around Griend, so it does not depend on the region or the decomposition.
class SeagrassMeadow {
 public:
  SeagrassMeadow(const DriverModel& model, const Thresholds& thresholds);
  /// Establishment year of national cell (row, col); 0 if it never becomes seagrass.
  std::int16_t since(std::int32_t row, std::int32_t col) const;
  /// Cells per establishment year 2018..2024 (for reports and tests).
  const std::vector<std::int64_t>& cells_per_year() const { return m_cells_per_year; }

  static constexpr int k_first_year = 2018;
  static constexpr int k_last_year = 2024;

 private:
  std::int32_t m_row0 = 0, m_col0 = 0, m_rows = 0, m_cols = 0;
  std::vector<std::int16_t> m_since;  ///< over the box, row-major
  std::vector<std::int64_t> m_cells_per_year;
};

}  // namespace polder::io::synth
