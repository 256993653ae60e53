#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "grid/national_grid.hpp"
#include "synth/geojson_provinces.hpp"
#include "synth/territory.hpp"

using namespace polder;
using polder::io::synth::Territory;

namespace {

/// Cells per province (index 0 = outside) and per water body over the whole national grid.
struct Counts {
  std::array<std::int64_t, 13> province{};
  std::vector<std::int64_t> water;
  std::int64_t province_land = 0;
};

Counts count_national(const Territory& t) {
  Counts out;
  out.water.assign(t.water_bodies().size() + 1, 0);
  std::vector<std::uint8_t> prov(grid::NationalGrid::n_cols), water(grid::NationalGrid::n_cols);
  for (std::int32_t r = 0; r < grid::NationalGrid::n_rows; ++r) {
    t.classify_row(r, 0, grid::NationalGrid::n_cols, prov.data(), water.data());
    for (std::int32_t c = 0; c < grid::NationalGrid::n_cols; ++c) {
      ++out.province[prov[static_cast<std::size_t>(c)]];
      ++out.water[water[static_cast<std::size_t>(c)]];
      if (prov[static_cast<std::size_t>(c)] != 0 && water[static_cast<std::size_t>(c)] == 0) ++out.province_land;
    }
  }
  return out;
}

}  // namespace

TEST(SynthTerritory, ParsesTheTwelveEmbeddedProvinces) {
  const auto& outlines = io::synth::embedded_province_outlines();
  ASSERT_EQ(outlines.size(), 12U);
  EXPECT_EQ(outlines[0].statcode, "PV20");
  EXPECT_EQ(outlines[0].name, "Groningen");
  EXPECT_EQ(outlines[11].name, "Limburg");
  for (const auto& p : outlines) EXPECT_FALSE(p.shape.rings.empty()) << p.name;
}

TEST(SynthTerritory, TotalMatchesTheReportingTerritory) {
  const Counts c = count_national(Territory::national());
  std::int64_t inside = 0;
  for (int p = 1; p <= 12; ++p) inside += c.province[static_cast<std::size_t>(p)];
  const double kha = static_cast<double>(inside) * grid::NationalGrid::cell_area_ha / 1000.0;
  // CRT 4.1 total area 4,154.19 kha (crt_nl_land_areas.csv); the issue allows +-0.5 %.
  EXPECT_NEAR(kha, 4154.19, 4154.19 * 0.005);
  const double land_kha = static_cast<double>(c.province_land) * grid::NationalGrid::cell_area_ha / 1000.0;
  // The outlines themselves cover 3,509.4 kha (shoelace area of the GeoJSON).
  EXPECT_NEAR(land_kha, 3509.4, 3.0);
  // Every water body adds cells (the drawn polygons are clipped against the outlines, not empty).
  const auto& waters = Territory::national().water_bodies();
  for (std::size_t w = 0; w < waters.size(); ++w) EXPECT_GT(c.water[w + 1], 1000) << waters[w].name;
}
