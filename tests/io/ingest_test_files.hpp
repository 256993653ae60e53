#pragma once
// Test inputs for `polder ingest`, made with the GDAL API: rasters (GeoTIFF, ASCII grid) and polygon
// layers (GeoPackage) in any CRS, plus a point transform to compute what a cell should receive.

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <mpi.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "io/ingest/gdal_session.hpp"
#include "io/ingest/ingest.hpp"
#include "io/netcdf/nc_file.hpp"
#include "solver/grid/national_grid.hpp"
#include "tests/support/test_stack.hpp"

namespace polder::testing::gdal {

inline OGRSpatialReference srs_of(const std::string& text) {
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(text.c_str()) != OGRERR_NONE) throw std::runtime_error("bad srs " + text);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

struct RasterSpec {
  std::string driver = "GTiff";
  std::string srs;  ///< "" = no CRS in the file
  double geotransform[6] = {0, 1, 0, 0, 0, -1};
  int nx = 0, ny = 0;
  std::vector<std::vector<double>> bands;  ///< each nx * ny, row-major from the north
  GDALDataType type = GDT_Float64;
  std::optional<double> nodata;
};

/// Writes a raster (via a MEM copy, so drivers without Create such as AAIGrid work too).
inline void write_raster(const std::string& path, const RasterSpec& spec) {
  io::ingest::ensure_gdal();
  auto* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  std::unique_ptr<GDALDataset> ds(
      mem->Create("", spec.nx, spec.ny, static_cast<int>(spec.bands.size()), spec.type, nullptr));
  double gt[6];
  std::copy(std::begin(spec.geotransform), std::end(spec.geotransform), gt);
  ds->SetGeoTransform(gt);
  if (!spec.srs.empty()) {
    const auto srs = srs_of(spec.srs);
    ds->SetSpatialRef(&srs);
  }
  for (std::size_t b = 0; b < spec.bands.size(); ++b) {
    auto* band = ds->GetRasterBand(static_cast<int>(b) + 1);
    if (spec.nodata) band->SetNoDataValue(*spec.nodata);
    auto values = spec.bands[b];
    if (band->RasterIO(GF_Write, 0, 0, spec.nx, spec.ny, values.data(), spec.nx, spec.ny, GDT_Float64, 0, 0, nullptr) !=
        CE_None)
      throw std::runtime_error("cannot fill raster");
  }
  auto* driver = GetGDALDriverManager()->GetDriverByName(spec.driver.c_str());
  std::unique_ptr<GDALDataset> out(driver->CreateCopy(path.c_str(), ds.get(), FALSE, nullptr, nullptr, nullptr));
  if (!out) throw std::runtime_error("cannot write " + path + ": " + CPLGetLastErrorMsg());
}

struct Polygon {
  std::string wkt;                          ///< in the layer's CRS
  std::variant<std::string, double> value;  ///< attribute value (text or number)
};

/// Writes a polygon layer (GPKG by default) with one attribute `field` (text or real).
inline void write_polygons(const std::string& path, const std::string& srs_text, const std::string& layer_name,
                           const std::string& field, bool text_field, const std::vector<Polygon>& polygons,
                           const std::string& driver_name = "GPKG") {
  io::ingest::ensure_gdal();
  std::filesystem::remove(path);
  auto* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
  std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw std::runtime_error("cannot create " + path);
  auto srs = srs_of(srs_text);
  OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), &srs, wkbPolygon, nullptr);
  OGRFieldDefn def(field.c_str(), text_field ? OFTString : OFTReal);
  layer->CreateField(&def);
  for (const auto& p : polygons) {
    OGRFeature f(layer->GetLayerDefn());
    if (const auto* s = std::get_if<std::string>(&p.value))
      f.SetField(0, s->c_str());
    else
      f.SetField(0, std::get<double>(p.value));
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkt(p.wkt.c_str(), &srs, &g) != OGRERR_NONE) throw std::runtime_error("bad wkt");
    f.SetGeometryDirectly(g);
    if (layer->CreateFeature(&f) != OGRERR_NONE) throw std::runtime_error("cannot write a feature");
  }
}

/// Transforms points from RD New to another CRS (traditional x/y order: lon/lat for EPSG:4326).
class FromRd {
 public:
  explicit FromRd(const std::string& target) : m_rd(srs_of(grid::k_rd_new_wkt)), m_target(srs_of(target)) {
    m_ct.reset(OGRCreateCoordinateTransformation(&m_rd, &m_target));
  }
  std::pair<double, double> operator()(double x, double y) const {
    double px = x, py = y;
    m_ct->Transform(1, &px, &py);
    return {px, py};
  }

 private:
  struct Deleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
  };
  OGRSpatialReference m_rd, m_target;
  std::unique_ptr<OGRCoordinateTransformation, Deleter> m_ct;
};

inline void write_text(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace polder::testing::gdal

namespace polder::testing {

/// A fresh folder per test, the default test stack as a base, and shortcuts to run an ingest and
/// read what it wrote.
class IngestTest : public ::testing::Test {
 public:
  /// The default test stack's window (rows 5000–5159, cols 5000–5199; cols < 5020 outside).
  static constexpr grid::GridWindow k_window{5000, 5000, 160, 200};

 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("polder_ingest_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  static const parallel::Comm& self() {
    static const auto comm = parallel::Comm::borrow(MPI_COMM_SELF);
    return comm;
  }
  std::string path(const std::string& name) const { return (m_dir / name).string(); }
  static std::string classmaps() {
    return (std::filesystem::path(POLDER_SOURCE_DIR) / "configs" / "classmaps").string();
  }
  /// The default test stack, written once per test.
  std::string base() {
    std::string p = path("base.nc");
    if (!std::filesystem::exists(p)) write_test_stack(self(), p);
    return p;
  }
  std::string config(const std::string& text) const {
    std::string p = path("ingest.ini");
    gdal::write_text(p, text);
    return p;
  }
  io::ingest::IngestSummary ingest(const std::string& config_path, const std::string& base_path = "",
                                   std::optional<grid::GridWindow> window = std::nullopt,
                                   const std::string& region = "") const {
    io::ingest::IngestRequest r;
    r.config_path = config_path;
    r.output_path = path("out.nc");
    r.base_path = base_path;
    r.window = window;
    r.region = region;
    r.force = true;
    return io::ingest::run_ingest(r, self());
  }
  template <typename T>
  static std::vector<T> read(const std::string& file, const std::string& var, int year_index = -1) {
    io::NcFile f(self(), file, io::NcFile::Mode::read);
    const auto ny = f.dim_length("y"), nx = f.dim_length("x");
    std::vector<T> v(ny * nx);
    if (year_index >= 0)
      f.read<T>(var, {static_cast<std::size_t>(year_index), 0, 0}, {1, ny, nx}, std::span<T>(v));
    else
      f.read<T>(var, {0, 0}, {ny, nx}, std::span<T>(v));
    return v;
  }
  /// Error message of a failing ingest ("" if it succeeds).
  std::string ingest_error(const std::string& config_path, const std::string& base_path = "") const {
    try {
      ingest(config_path, base_path);
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }

  std::filesystem::path m_dir;
};

#define EXPECT_HAS(haystack, needle) EXPECT_NE((haystack).find(needle), std::string::npos) << (haystack)

}  // namespace polder::testing
