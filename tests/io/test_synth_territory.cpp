#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "io/synth/geojson_provinces.hpp"
#include "io/synth/territory.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

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

namespace {

/// A FeatureCollection of the twelve provinces as unit squares, province PV21 named `name` (JSON text).
std::string twelve_squares(const std::string& name) {
  std::string s = R"({"type":"FeatureCollection","features":[)";
  for (int pv = 20; pv <= 31; ++pv) {
    const std::string x = std::to_string((pv - 20) * 10);
    s += std::string(pv > 20 ? "," : "") + R"({"type":"Feature","properties":{"statcode":"PV)" + std::to_string(pv) +
         R"(","statnaam":")" + (pv == 21 ? name : "P") + R"("},"geometry":{"type":"Polygon","coordinates":[[[)" + x +
         ",0],[" + x + ",1],[" + x + "1,1],[" + x + "1,0],[" + x + ",0]]]}}";
  }
  return s + "]}";
}

}  // namespace

TEST(SynthTerritory, GeoJsonEscapesAreDecodedToUtf8) {
  using io::synth::read_province_outlines;
  EXPECT_EQ(read_province_outlines(twelve_squares("Frysl\\u00e2n"), "test")[1].name, "Frysl\xc3\xa2n");
  EXPECT_EQ(read_province_outlines(twelve_squares("a\\/b\\\"c\\td"), "test")[1].name, "a/b\"c\td");
  EXPECT_EQ(read_province_outlines(twelve_squares("\\u20ac \\ud83c\\udf37"), "test")[1].name,
            "\xe2\x82\xac \xf0\x9f\x8c\xb7");  // euro sign, and a surrogate pair (tulip)
  EXPECT_THROW(read_province_outlines(twelve_squares("bad \\q"), "test"), InputError);
  EXPECT_THROW(read_province_outlines(twelve_squares("half \\ud83c"), "test"), InputError);
  EXPECT_THROW(read_province_outlines(twelve_squares("short \\u00e"), "test"), InputError);
}
