#pragma once
// The synthetic reporting territory: the 12 province outlines plus the water bodies they leave out.
// Every territory cell has a province: its own outline, or for water cells the province nearest to it
// (nearest on the coarse 100 m grid, an exact Euclidean distance transform of the outlines).

#include <cstdint>
#include <vector>

#include "io/synth/geojson_provinces.hpp"
#include "io/synth/polygon.hpp"
#include "io/synth/water_bodies.hpp"

namespace polder::io::synth {

class Territory {
 public:
  /// The national territory, built once per process from the embedded outlines (thread-safe).
  static const Territory& national();

  Territory(const std::vector<ProvinceOutline>& provinces, const std::vector<WaterBodyData>& waters);

  /// For national `row`, columns [col0, col0 + n): province code (1..12; 0 outside the territory) and
  /// water body (1-based index into water_bodies(); 0 for province land or outside).
  void classify_row(std::int32_t row, std::int32_t col0, std::int32_t n, std::uint8_t* province,
                    std::uint8_t* water) const;

  const std::vector<WaterBodyData>& water_bodies() const { return m_waters; }
  /// Province of the coarse cell holding national cell (row, col): its own, or the nearest one.
  std::uint8_t nearest_province(std::int32_t row, std::int32_t col) const;

 private:
  std::vector<ScanlineRasteriser> m_provinces;  ///< index code - 1
  std::vector<WaterBodyData> m_waters;
  std::vector<ScanlineRasteriser> m_water_rasters;
  std::vector<std::uint8_t> m_nearest_province;  ///< on the coarse grid
};

}  // namespace polder::io::synth
