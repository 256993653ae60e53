// Polygon layers (GeoPackage) rasterised at cell centres, attributes through class maps.
#ifdef POLDER_HAVE_GDAL

#include <cstdio>

#include "tests/io/ingest_test_files.hpp"

using namespace polder;
using polder::testing::IngestTest;
namespace gd = polder::testing::gdal;

namespace {

/// A rectangle of whole cells of the test window (window-relative rows/cols, end exclusive) as WKT in
/// `srs`, with extra vertices along the edges so it keeps its shape after reprojection.
std::string cell_rectangle(int r0, int c0, int r1, int c1, const std::string& srs) {
  const auto w = IngestTest::k_window;
  const double x0 = w.x_west_m() + 25.0 * c0, x1 = w.x_west_m() + 25.0 * c1;
  const double y1 = w.y_north_m() - 25.0 * r0, y0 = w.y_north_m() - 25.0 * r1;
  const gd::FromRd to(srs);
  std::string wkt = "POLYGON((";
  const auto point = [&](double x, double y) {
    const auto [px, py] = to(x, y);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%.12f %.12f,", px, py);
    wkt += buf;
  };
  constexpr int n = 20;
  for (int i = 0; i < n; ++i) point(x0 + (x1 - x0) * i / n, y0);
  for (int i = 0; i < n; ++i) point(x1, y0 + (y1 - y0) * i / n);
  for (int i = 0; i < n; ++i) point(x1 - (x1 - x0) * i / n, y1);
  for (int i = 0; i < n; ++i) point(x0, y1 - (y1 - y0) * i / n);
  point(x0, y0);
  wkt.back() = ')';
  return wkt + ")";
}

}  // namespace

TEST_F(IngestTest, GeoPackageSoilPolygonsInWgs84WithTextCodes) {
  // Soil polygons (text codes of the soil map) and, in a second layer, peat thickness in cm.
  const std::string wgs84 = "EPSG:4326";
  gd::write_polygons(path("soil.gpkg"), wgs84, "soilarea", "first_soilcode", true,
                     {{cell_rectangle(10, 30, 60, 90, wgs84), std::string("hVb")},
                      {cell_rectangle(10, 90, 60, 150, wgs84), std::string("Zn21")},
                      {cell_rectangle(80, 30, 150, 190, wgs84), std::string("pMn55A")},
                      {cell_rectangle(150, 30, 160, 190, wgs84), std::string("WATER")}});
  gd::write_polygons(path("peat.gpkg"), wgs84, "peat", "thickness_cm", false,
                     {{cell_rectangle(10, 30, 60, 90, wgs84), 120.0}});
  const auto s = ingest(config("[layer soil]\nvariable = soil\nsource = soil.gpkg\nattribute = first_soilcode\n"
                               "classmap = " +
                               classmaps() +
                               "/bodemkaart_to_polder.ini\nmissing = 3\n"
                               "[layer peat]\nvariable = peat_thickness\nsource = peat.gpkg\nattribute = thickness_cm\n"
                               "missing = 0\n"),
                        base());
  EXPECT_EQ(s.from_layers.size(), 2U);
  const auto soil = read<std::uint8_t>(path("out.nc"), "soil");
  const auto peat = read<float>(path("out.nc"), "peat_thickness");
  int counted[7] = {};
  for (int r = 0; r < k_window.n_rows; ++r)
    for (int c = 0; c < k_window.n_cols; ++c) {
      const auto k = static_cast<std::size_t>(r * k_window.n_cols + c);
      int expected = 3;  // no polygon: `missing`
      if (r >= 10 && r < 60 && c >= 30 && c < 90) expected = 5;
      if (r >= 10 && r < 60 && c >= 90 && c < 150) expected = 1;
      if (r >= 80 && r < 150 && c >= 30 && c < 190) expected = 2;
      if (r >= 150 && c >= 30 && c < 190) expected = 0;
      if (c < 20) expected = 0;  // outside the territory: fill
      ASSERT_EQ(soil[k], expected) << "row " << r << " col " << c;
      ASSERT_EQ(peat[k], c < 20 ? -9999.0F : expected == 5 ? 120.0F : 0.0F) << "row " << r << " col " << c;
      if (c >= 20) counted[expected]++;
    }
  EXPECT_EQ(counted[5], 50 * 60);
  EXPECT_EQ(counted[0], 10 * 160);
}

TEST_F(IngestTest, ProvincesFromStatcodesInRd) {
  const std::string rd = "EPSG:28992";
  gd::write_polygons(path("prov.gpkg"), rd, "provincies", "statcode", true,
                     {{cell_rectangle(0, 0, 160, 100, rd), std::string("PV26")},
                      {cell_rectangle(0, 100, 160, 200, rd), std::string("PV25")}});
  ingest(config("[layer province]\nvariable = province\nsource = prov.gpkg\nattribute = statcode\nclassmap = " +
                classmaps() + "/provinces_to_polder.ini\n"),
         base());
  const auto prov = read<std::uint8_t>(path("out.nc"), "province");
  EXPECT_EQ(prov[10], 0);
  EXPECT_EQ(prov[50], 7);
  EXPECT_EQ(prov[99], 7);
  EXPECT_EQ(prov[100], 6);
  EXPECT_EQ(prov[159 * 200 + 199], 6);
}

TEST_F(IngestTest, UnknownPolygonCodeAttributeOrLayer) {
  const std::string rd = "EPSG:28992";
  gd::write_polygons(path("prov.gpkg"), rd, "provincies", "statcode", true,
                     {{cell_rectangle(0, 0, 160, 100, rd), std::string("PV26")},
                      {cell_rectangle(0, 100, 160, 200, rd), std::string("PV99")}});
  const std::string map = classmaps() + "/provinces_to_polder.ini";
  auto msg = ingest_error(config("[layer province]\nvariable = province\nsource = prov.gpkg\nattribute = statcode\n"
                                 "classmap = " +
                                 map + "\n"),
                          base());
  EXPECT_HAS(msg, "layer 'province'");
  EXPECT_HAS(msg, "statcode = 'PV99', a code class map '" + map + "' does not list");
  msg = ingest_error(config("[layer province]\nvariable = province\nsource = prov.gpkg\nattribute = statcod\n"
                            "classmap = " +
                            map + "\n"),
                     base());
  EXPECT_HAS(msg, "has no attribute 'statcod' (did you mean 'statcode'?)");
  msg = ingest_error(config("[layer province]\nvariable = province\nsource = prov.gpkg\nlayer = provincie\n"
                            "attribute = statcode\nclassmap = " +
                            map + "\n"),
                     base());
  EXPECT_HAS(msg, "no layer 'provincie' (did you mean 'provincies'?)");
  EXPECT_FALSE(std::filesystem::exists(path("out.nc")));
}

TEST_F(IngestTest, TerritoryFromAPolygonMasksEveryVariable) {
  const std::string rd = "EPSG:28992";
  gd::write_polygons(path("nl.gpkg"), rd, "territory", "name", true,
                     {{cell_rectangle(20, 40, 140, 180, rd), std::string("x")}});
  const auto s = ingest(config("[layer territory]\nvariable = territory\nsource = nl.gpkg\nvalue = 1\n"), base());
  EXPECT_EQ(s.territory_cells, 120 * 140);
  const auto territory = read<std::uint8_t>(path("out.nc"), "territory");
  const auto glg = read<float>(path("out.nc"), "glg");
  const auto base_glg = read<float>(base(), "glg");
  for (int r = 0; r < k_window.n_rows; ++r)
    for (int c = 0; c < k_window.n_cols; ++c) {
      const auto k = static_cast<std::size_t>(r * k_window.n_cols + c);
      const bool inside = r >= 20 && r < 140 && c >= 40 && c < 180;
      ASSERT_EQ(territory[k], inside ? 1 : 0);
      ASSERT_EQ(glg[k], inside ? base_glg[k] : -9999.0F);
    }
}

#endif  // POLDER_HAVE_GDAL
