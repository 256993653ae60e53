// Rasters in other projections and resolutions come out aligned on the national grid.
#ifdef POLDER_HAVE_GDAL

#include <cmath>

#include "tests/io/ingest_test_files.hpp"

using namespace polder;
using polder::testing::IngestTest;
namespace gd = polder::testing::gdal;
using grid::NationalGrid;

namespace {

constexpr int k_2021 = 6;  // map-year index of 2021 in the test stack
constexpr std::int32_t k_outside_cols = 20;

/// Bounds of the test window (with a margin) in another CRS.
struct Bounds {
  double x0, y0, x1, y1;
};
Bounds window_bounds(const gd::FromRd& to, double margin) {
  Bounds b{1e300, 1e300, -1e300, -1e300};
  const auto w = IngestTest::k_window;
  for (const double x : {w.x_west_m(), w.x_west_m() + 25.0 * w.n_cols})
    for (const double y : {w.y_north_m(), w.y_north_m() - 25.0 * w.n_rows}) {
      const auto [px, py] = to(x, y);
      b.x0 = std::min(b.x0, px), b.x1 = std::max(b.x1, px), b.y0 = std::min(b.y0, py), b.y1 = std::max(b.y1, py);
    }
  return {b.x0 - margin, b.y0 - margin, b.x1 + margin, b.y1 + margin};
}

}  // namespace

TEST_F(IngestTest, Wgs84GeoTiffClassBoundaryLandsOnTheRightRdCells) {
  // A land-use raster in lon/lat (0.0005 x 0.0003 degrees, about 34 x 33 m): class 3 west of a meridian,
  // class 8 east of it. Each RD cell must take the class of the source pixel under its centre.
  const gd::FromRd to_wgs84("EPSG:4326");
  const auto b = window_bounds(to_wgs84, 0.002);
  const double dlon = 0.0005, dlat = 0.0003;
  const double lon0 = std::floor(b.x0 / dlon) * dlon, lat1 = std::ceil(b.y1 / dlat) * dlat;
  gd::RasterSpec spec;
  spec.srs = "EPSG:4326";
  spec.nx = static_cast<int>(std::ceil((b.x1 - lon0) / dlon));
  spec.ny = static_cast<int>(std::ceil((lat1 - b.y0) / dlat));
  const double gt[6] = {lon0, dlon, 0, lat1, 0, -dlat};
  std::copy(gt, gt + 6, spec.geotransform);
  spec.type = GDT_Byte;
  const int k_boundary = spec.nx / 2;
  spec.bands.emplace_back(static_cast<std::size_t>(spec.nx * spec.ny));
  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i) spec.bands[0][static_cast<std::size_t>(j * spec.nx + i)] = i < k_boundary ? 3 : 8;
  gd::write_raster(path("lu_wgs84.tif"), spec);

  ingest(config("[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = lu_wgs84.tif\nmethod = nearest\n"), base());
  const auto lu = read<std::uint8_t>(path("out.nc"), "land_use", k_2021);
  int west = 0, east = 0, checked = 0;
  for (int r = 0; r < k_window.n_rows; ++r)
    for (int c = 0; c < k_window.n_cols; ++c) {
      const auto got = lu[static_cast<std::size_t>(r * k_window.n_cols + c)];
      if (c < k_outside_cols) {
        ASSERT_EQ(got, 0);
        continue;
      }
      const auto [lon, lat] =
          to_wgs84(NationalGrid::x_center(k_window.col0 + c), NationalGrid::y_center(k_window.row0 + r));
      const double pixel = (lon - lon0) / dlon;
      if (std::abs(pixel - k_boundary) < 1e-3) continue;  // centre on the meridian itself
      const int expected = pixel < k_boundary ? 3 : 8;
      ASSERT_EQ(got, expected) << "row " << r << " col " << c << " lon " << lon;
      (expected == 3 ? west : east)++;
      ++checked;
    }
  EXPECT_GT(west, 5000);
  EXPECT_GT(east, 5000);
  EXPECT_EQ(checked, west + east);
}

TEST_F(IngestTest, LaeaRaster100mClassesNearestAndFieldAveraged) {
  // EPSG:3035 at 100 m, two bands: classes split at a LAEA easting, and a linear field.
  const gd::FromRd to_laea("EPSG:3035");
  const auto b = window_bounds(to_laea, 300);
  const double h = 100;
  const double x0 = std::floor(b.x0 / h) * h, y1 = std::ceil(b.y1 / h) * h;
  gd::RasterSpec spec;
  spec.srs = "EPSG:3035";
  spec.nx = static_cast<int>(std::ceil((b.x1 - x0) / h));
  spec.ny = static_cast<int>(std::ceil((y1 - b.y0) / h));
  const double gt[6] = {x0, h, 0, y1, 0, -h};
  std::copy(gt, gt + 6, spec.geotransform);
  const int k_boundary = spec.nx / 2;
  const auto field = [&](double x, double y) { return (x - x0) / h * 0.5 + (y1 - y) / h * 0.25; };
  spec.bands.assign(2, std::vector<double>(static_cast<std::size_t>(spec.nx * spec.ny)));
  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i) {
      const auto k = static_cast<std::size_t>(j * spec.nx + i);
      spec.bands[0][k] = i < k_boundary ? 1 : 13;
      spec.bands[1][k] = field(x0 + (i + 0.5) * h, y1 - (j + 0.5) * h);
    }
  gd::write_raster(path("laea.tif"), spec);

  ingest(config("[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = laea.tif\nmethod = nearest\n"
                "[layer marsh]\nvariable = marsh_elevation\nsource = laea.tif\nband = 2\nmethod = average\n"),
         base());
  const auto lu = read<std::uint8_t>(path("out.nc"), "land_use", k_2021);
  const auto marsh = read<float>(path("out.nc"), "marsh_elevation");
  int forest = 0, water = 0;
  double max_error = 0;
  for (int r = 0; r < k_window.n_rows; ++r)
    for (int c = k_outside_cols; c < k_window.n_cols; ++c) {
      const auto k = static_cast<std::size_t>(r * k_window.n_cols + c);
      const auto [x, y] = to_laea(NationalGrid::x_center(k_window.col0 + c), NationalGrid::y_center(k_window.row0 + r));
      const double pixel = (x - x0) / h;
      if (std::abs(pixel - k_boundary) > 1e-3) {
        const int expected = pixel < k_boundary ? 1 : 13;
        ASSERT_EQ(lu[k], expected) << "row " << r << " col " << c;
        (expected == 1 ? forest : water)++;
      }
      // A 25 m cell lies in one or a few 100 m pixels: its average is the field within half a pixel.
      max_error = std::max(max_error, std::abs(static_cast<double>(marsh[k]) - field(x, y)));
    }
  EXPECT_GT(forest, 5000);
  EXPECT_GT(water, 5000);
  EXPECT_LT(max_error, 0.38);
}

TEST_F(IngestTest, FineRdRasterIsAveragedExactlyAndGapsTakeTheMissingValue) {
  // 5 m pixels on the national lattice: each cell averages exactly its 5 x 5 pixels. The source
  // covers cols 40.. and rows ..119 of the window; the rest of the territory gets `missing`.
  gd::RasterSpec spec;
  spec.srs = "EPSG:28992";
  spec.nx = 160 * 5;
  spec.ny = 120 * 5;
  const double gt[6] = {k_window.x_west_m() + 40 * 25.0, 5, 0, k_window.y_north_m(), 0, -5};
  std::copy(gt, gt + 6, spec.geotransform);
  spec.bands.emplace_back(static_cast<std::size_t>(spec.nx * spec.ny));
  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i)
      spec.bands[0][static_cast<std::size_t>(j * spec.nx + i)] = (i % 40) + (j % 40) / 100.0;
  gd::write_raster(path("fine.tif"), spec);

  ingest(config("[layer marsh]\nvariable = marsh_elevation\nsource = fine.tif\nmissing = -1\n"), base());
  const auto marsh = read<float>(path("out.nc"), "marsh_elevation");
  for (int r = 0; r < k_window.n_rows; ++r)
    for (int c = 0; c < k_window.n_cols; ++c) {
      const float got = marsh[static_cast<std::size_t>(r * k_window.n_cols + c)];
      if (c < k_outside_cols) {
        ASSERT_EQ(got, -9999.0F);
      } else if (c < 40 || r >= 120) {  // the source does not reach these cells

        ASSERT_EQ(got, -1.0F) << r << "," << c;
      } else {
        const int i0 = (c - 40) * 5, j0 = r * 5;
        const double expected = (i0 % 40) + 2 + ((j0 % 40) + 2) / 100.0;
        ASSERT_NEAR(got, expected, 1e-4) << r << "," << c;
      }
    }
}

TEST_F(IngestTest, ModeTakesTheMajorityClassOfFinePixels) {
  gd::RasterSpec spec;
  spec.srs = "EPSG:28992";
  spec.nx = k_window.n_cols * 5;
  spec.ny = k_window.n_rows * 5;
  const double gt[6] = {k_window.x_west_m(), 5, 0, k_window.y_north_m(), 0, -5};
  std::copy(gt, gt + 6, spec.geotransform);
  spec.type = GDT_Byte;
  spec.bands.emplace_back(static_cast<std::size_t>(spec.nx * spec.ny));
  const auto majority = [](int cell) { return 1 + cell % 17; };
  const auto minority = [](int cell) { return 1 + (cell + 5) % 17; };
  for (int j = 0; j < spec.ny; ++j)
    for (int i = 0; i < spec.nx; ++i) {
      const int cell = (j / 5) * k_window.n_cols + i / 5;
      spec.bands[0][static_cast<std::size_t>(j * spec.nx + i)] =
          (j % 5) * 5 + (i % 5) < 13 ? majority(cell) : minority(cell);
    }
  gd::write_raster(path("fine_classes.tif"), spec);
  ingest(config("[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = fine_classes.tif\n"), base());
  const auto lu = read<std::uint8_t>(path("out.nc"), "land_use", k_2021);
  for (int cell = 0; cell < static_cast<int>(lu.size()); ++cell) {
    if (cell % k_window.n_cols >= k_outside_cols) {
      ASSERT_EQ(lu[static_cast<std::size_t>(cell)], majority(cell)) << cell;
    }
  }
}

namespace {
/// An aligned 25 m RD raster over the test window with values from `code(row, col)`.
template <typename F>
void write_aligned(const std::string& file, const std::string& driver, const std::string& srs, F code) {
  gd::RasterSpec spec;
  spec.driver = driver;
  spec.srs = srs;
  spec.nx = IngestTest::k_window.n_cols;
  spec.ny = IngestTest::k_window.n_rows;
  const double gt[6] = {IngestTest::k_window.x_west_m(), 25, 0, IngestTest::k_window.y_north_m(), 0, -25};
  std::copy(gt, gt + 6, spec.geotransform);
  spec.bands.emplace_back(static_cast<std::size_t>(spec.nx * spec.ny));
  for (int r = 0; r < spec.ny; ++r)
    for (int c = 0; c < spec.nx; ++c) spec.bands[0][static_cast<std::size_t>(r * spec.nx + c)] = code(r, c);
  gd::write_raster(file, spec);
}
}  // namespace

TEST_F(IngestTest, LgnCodesAreMappedThroughTheClassMap) {
  const int lgn[] = {1, 2, 11, 16, 45, 25};
  const int polder[] = {3, 8, 1, 13, 4, 11};
  write_aligned(path("lgn.tif"), "GTiff", "EPSG:28992", [&](int, int c) { return lgn[c % 6]; });
  ingest(config("[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = lgn.tif\nclassmap = " + classmaps() +
                "/lgn_to_polder.ini\n"),
         base());
  const auto lu = read<std::uint8_t>(path("out.nc"), "land_use", k_2021);
  for (int c = k_outside_cols; c < k_window.n_cols; ++c)
    ASSERT_EQ(lu[static_cast<std::size_t>(7 * k_window.n_cols + c)], polder[c % 6]);
}

TEST_F(IngestTest, UnknownClassCodeNamesTheCodeTheCellAndTheClassMap) {
  // LGN code 7 does not exist; it sits in one cell inside the territory.
  write_aligned(path("lgn.tif"), "GTiff", "EPSG:28992", [](int r, int c) { return r == 33 && c == 77 ? 7 : 1; });
  const std::string map = classmaps() + "/lgn_to_polder.ini";
  const auto msg = ingest_error(
      config("[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = lgn.tif\nclassmap = " + map + "\n"), base());
  EXPECT_HAS(msg, "layer 'lu'");
  EXPECT_HAS(msg, "source code 7 at the cell centred on x = 126937.5 m, y = 514162.5 m");
  EXPECT_HAS(msg, "is not in class map '" + map + "'");
  EXPECT_FALSE(std::filesystem::exists(path("out.nc")));
  EXPECT_FALSE(std::filesystem::exists(path("out.nc.partial-ingest")));
}

TEST_F(IngestTest, UnknownCodesOutsideTheTerritoryAndDefaultEntriesAreFine) {
  write_aligned(path("codes.tif"), "GTiff", "EPSG:28992", [](int, int c) { return c < 20 ? 99 : c < 100 ? 1 : 500; });
  gd::write_text(path("map.ini"),
                 "[classmap]\nvariable = land_use\n[codes]\n1 = forest\ndefault = arable  # all others\n");
  ingest(config("[layer lu]\nvariable = land_use\nmap_year = 2021\nsource = codes.tif\nclassmap = map.ini\n"), base());
  const auto lu = read<std::uint8_t>(path("out.nc"), "land_use", k_2021);
  EXPECT_EQ(lu[5], 0);
  EXPECT_EQ(lu[50], 1);
  EXPECT_EQ(lu[150], 8);
}

TEST_F(IngestTest, AsciiGridNeedsACrsAndScalesMetresToCentimetres) {
  // GLG in metres below surface (1.2 m), as an ASCII grid without a .prj file.
  write_aligned(path("glg.asc"), "AAIGrid", "", [](int, int) { return 1.2; });
  const auto msg = ingest_error(config("[layer glg]\nvariable = glg\nsource = glg.asc\nscale = 100\n"), base());
  EXPECT_HAS(msg, "has no coordinate reference system; add 'srs = EPSG:xxxx'");
  ingest(config("[layer glg]\nvariable = glg\nsource = glg.asc\nsrs = EPSG:28992\nscale = 100\n"), base());
  const auto glg = read<float>(path("out.nc"), "glg");
  EXPECT_EQ(glg[0], -9999.0F);
  EXPECT_NEAR(glg[100], 120.0F, 1e-3);
}

TEST_F(IngestTest, MissingFileAndMissingBand) {
  EXPECT_HAS(ingest_error(config("[layer g]\nvariable = glg\nsource = nowhere.tif\n"), base()),
             "layer 'g' ('" + path("nowhere.tif") + "'): file not found");
  write_aligned(path("one.tif"), "GTiff", "EPSG:28992", [](int, int) { return 100; });
  EXPECT_HAS(ingest_error(config("[layer g]\nvariable = glg\nsource = one.tif\nband = 3\n"), base()),
             "band 3 asked for, but the raster has 1 band");
}

TEST_F(IngestTest, GdalDoesNotLoadItsNetcdfOrHdf5DriversInProcess) {
  io::ingest::ensure_gdal();
  for (const char* name : {"netCDF", "HDF5", "HDF5Image", "BAG"})
    EXPECT_EQ(GDALGetDriverByName(name), nullptr) << name << " is registered";
  for (const char* name : {"GTiff", "AAIGrid", "GPKG", "MEM", "Memory"})
    EXPECT_NE(GDALGetDriverByName(name), nullptr) << name << " is missing";
}

#endif  // POLDER_HAVE_GDAL
