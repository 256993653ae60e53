#include "io/synth/coastal_model.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "io/synth/land_use_model.hpp"
#include "io/synth/noise.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/model/land_use.hpp"

namespace polder::io::synth {
namespace {

using grid::NationalGrid;
using model::LandUse;

/// Meadow area (ha) in each year 2018..2024: 30 (2018), 276 (2021), 1,668 (2024) as reported; between
/// them geometric interpolation (assumption A15).
constexpr double k_meadow_ha[7] = {30.0, 62.9, 131.8, 276.0, 503.1, 916.2, 1668.0};

/// Centre of the meadow: the Griend flats (53.25 N, 5.25 E -> RD 145.8 km, 584.8 km), box +-8 km.
constexpr double k_centre_x_m = 145800.0, k_centre_y_m = 584800.0, k_half_box_m = 8000.0, k_radius_m = 4000.0;

enum Stream : std::uint64_t { s_seagrass = 600 };

float rank01(std::uint16_t key, std::uint32_t threshold) {
  if (threshold >= k_none) return 0.0F;
  return static_cast<float>(key - threshold) / static_cast<float>(k_none - threshold);
}

}  // namespace

float marsh_elevation_cm(const CellDrivers& d, const Thresholds& t, std::uint8_t land_use_code) {
  const auto lu = static_cast<LandUse>(land_use_code);
  if (lu == LandUse::salt_marsh) {
    // Marsh surface 10-80 cm above MHW (assumption A16: typical Wadden marsh platform heights).
    return 10.0F + 70.0F * rank01(d.marsh, t.marsh);
  }
  if ((lu == LandUse::intertidal_flat || lu == LandUse::seagrass) && d.water_body != 0) {
    // Flats between mean low and mean high water: tidal range ~2-2.5 m in the Wadden Sea (A16); seagrass
    // on shallow subtidal ground lies below mean low water (down to -300 cm).
    const std::uint32_t flat = t.tidal_flat[d.water_body - 1U];
    const float rank =
        d.tidal >= flat ? rank01(d.tidal, flat) : -static_cast<float>(flat - d.tidal) / static_cast<float>(flat + 1U);
    return std::max(-300.0F, -240.0F + 230.0F * rank);
  }
  return 0.0F;
}

SeagrassMeadow::SeagrassMeadow(const DriverModel& model, const Thresholds& thresholds) {
  const double cs = NationalGrid::cell_size_m;
  m_col0 = static_cast<std::int32_t>((k_centre_x_m - k_half_box_m) / cs);
  m_row0 = static_cast<std::int32_t>((NationalGrid::y_max_m - k_centre_y_m - k_half_box_m) / cs);
  m_rows = m_cols = static_cast<std::int32_t>(2.0 * k_half_box_m / cs);
  m_since.assign(static_cast<std::size_t>(m_rows) * static_cast<std::size_t>(m_cols), 0);
  m_cells_per_year.assign(k_last_year - k_first_year + 1, 0);

  // Candidates: tidal cells of the Waddenzee inside the box (not salt marsh), ranked by closeness to the
  // centre with a patchy edge, intertidal flats before shallow subtidal water (ties broken by cell id).
  struct Candidate {
    float score;
    std::size_t index;
  };
  std::vector<Candidate> candidates;
  std::vector<std::uint8_t> province(static_cast<std::size_t>(m_cols)), water(static_cast<std::size_t>(m_cols));
  std::vector<CellDrivers> drivers(static_cast<std::size_t>(m_cols));
  for (std::int32_t r = 0; r < m_rows; ++r) {
    model.territory().classify_row(m_row0 + r, m_col0, m_cols, province.data(), water.data());
    model.evaluate_row(m_row0 + r, m_col0, m_cols, province.data(), water.data(), drivers.data());
    for (std::int32_t c = 0; c < m_cols; ++c) {
      const auto w = water[static_cast<std::size_t>(c)];
      if (w == 0 || model.territory().water_bodies()[w - 1U].name != "Waddenzee") continue;
      const CellDrivers& d = drivers[static_cast<std::size_t>(c)];
      const auto base = fixed_class(d, thresholds, k_map_years - 1, 0);
      const bool flat = base == static_cast<std::uint8_t>(LandUse::intertidal_flat);
      if (!flat && base != static_cast<std::uint8_t>(LandUse::coastal_water)) continue;
      const double dx = NationalGrid::x_center(m_col0 + c) - k_centre_x_m;
      const double dy = NationalGrid::y_center(m_row0 + r) - k_centre_y_m;
      const float dist = static_cast<float>(std::sqrt(dx * dx + dy * dy) / k_radius_m);
      const float patch = cell_noise(model.seed(), s_seagrass, m_row0 + r, m_col0 + c, 16.0);
      candidates.push_back(
          {dist + 0.35F * patch + (flat ? 0.0F : 0.6F),
           static_cast<std::size_t>(r) * static_cast<std::size_t>(m_cols) + static_cast<std::size_t>(c)});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score < b.score : a.index < b.index;
  });
  std::size_t taken = 0;
  for (int y = k_first_year; y <= k_last_year; ++y) {
    const auto target =
        static_cast<std::size_t>(std::lround(k_meadow_ha[y - k_first_year] / NationalGrid::cell_area_ha));
    for (; taken < std::min(target, candidates.size()); ++taken)
      m_since[candidates[taken].index] = static_cast<std::int16_t>(y);
    m_cells_per_year[static_cast<std::size_t>(y - k_first_year)] = static_cast<std::int64_t>(taken);
  }
}

std::int16_t SeagrassMeadow::since(std::int32_t row, std::int32_t col) const {
  const std::int32_t r = row - m_row0, c = col - m_col0;
  if (r < 0 || c < 0 || r >= m_rows || c >= m_cols) return 0;
  return m_since[static_cast<std::size_t>(r) * static_cast<std::size_t>(m_cols) + static_cast<std::size_t>(c)];
}

}  // namespace polder::io::synth
