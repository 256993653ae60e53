#pragma once
// National companion fields of the synthetic country, computed once per process from the territory and
// the feature tables, identically on every rank: distances to the North Sea, to land and to the rivers,
// soil landscapes, the influence of towns and the intensity of nature, wetland, forest, orchard and
// ridge zones. Cells sample them bilinearly (smooth fields) or by nearest coarse cell (labels).

#include <cstdint>
#include <vector>

#include "io/synth/coarse_grid.hpp"
#include "io/synth/feature_tables.hpp"
#include "io/synth/segment_index.hpp"
#include "io/synth/territory.hpp"

namespace polder::io::synth {

class Geography {
 public:
  /// Built once per process on first use (thread-safe).
  static const Geography& national();
  explicit Geography(const Territory& territory);

  // ---- 100 m fields --------------------------------------------------------------------------
  const CoarseField& dist_sea_m() const { return m_dist_sea; }    ///< to the North Sea strip
  const CoarseField& dist_land_m() const { return m_dist_land; }  ///< to province land
  /// Soil landscape of the coarse cell: index + 1 into soil_landscape_table(); 0 sand (default);
  /// k_polder for a clay polder reclaimed from a lake.
  std::uint8_t soil_landscape(std::int32_t row, std::int32_t col) const;
  static constexpr std::uint8_t k_polder = 255;
  /// Lake / salt-marsh zone that may hold the cell: index + 1 into lake_zones() / marsh_zones(), or 0.
  std::uint8_t lake_candidate(std::int32_t row, std::int32_t col) const;
  std::uint8_t marsh_candidate(std::int32_t row, std::int32_t col) const;

  // ---- 200 m fields (smooth) -----------------------------------------------------------------
  const CoarseField& urban_potential() const { return m_urban; }
  const CoarseField& nature_forest() const { return m_nature_forest; }
  const CoarseField& nature_heath() const { return m_nature_heath; }
  const CoarseField& nature_sand() const { return m_nature_sand; }
  const CoarseField& organic_potential() const { return m_organic; }
  const CoarseField& wet_existing() const { return m_wet_existing; }
  const CoarseField& wet_development() const { return m_wet_dev; }
  const CoarseField& wet_development_year() const { return m_wet_dev_year; }
  const CoarseField& afforestation() const { return m_afforest; }
  const CoarseField& afforestation_year() const { return m_afforest_year; }
  const CoarseField& orchard() const { return m_orchard; }
  const CoarseField& ridge() const { return m_ridge; }
  const CoarseField& dist_river_m() const { return m_dist_river; }

  // ---- exact polylines --------------------------------------------------------------------------
  const SegmentIndex& rivers() const { return m_rivers; }
  const std::vector<double>& river_width_m() const { return m_river_width; }
  const SegmentIndex& motorways() const { return m_motorways; }

 private:
  CoarseField m_dist_sea, m_dist_land;
  std::vector<std::uint8_t> m_soil_landscape, m_lake_candidate, m_marsh_candidate;
  CoarseField m_urban, m_nature_forest, m_nature_heath, m_nature_sand, m_organic, m_wet_existing, m_wet_dev,
      m_wet_dev_year, m_afforest, m_afforest_year, m_orchard, m_ridge, m_dist_river;
  std::vector<double> m_river_width;
  SegmentIndex m_rivers;
  SegmentIndex m_motorways;
};

/// Weight of a zone at normalised radius r: 1 inside, smooth fall to 0 at r = 1 + falloff.
float zone_weight(double r, double falloff = 0.35);

/// Motorway centre lines, built from the town positions in city_table().
std::vector<std::vector<PointM>> motorway_lines();

}  // namespace polder::io::synth
