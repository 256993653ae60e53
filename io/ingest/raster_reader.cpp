// Rasters (GeoTIFF, ASCII grid, anything GDAL reads): GDALWarp onto the block's extent of the national
// 25 m lattice in RD New, exact transformation (-et 0), nearest/mode/average resampling. Cells whose
// centre lies outside the source's footprint get no data: GDAL 3.6's average and mode give the cells
// just outside a raster's edge that edge's value (a zero-width overlap still counts), so the footprint,
// reprojected to RD as a polygon, masks them.

#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include "io/ingest/gdal_session.hpp"
#include "io/ingest/layer_reader.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io::ingest {
namespace {

/// argv for the GDAL utility functions (GDALWarp, GDALTranslate).
class Argv {
 public:
  Argv& add(const std::string& a) {
    m_args.push_back(a);
    return *this;
  }
  Argv& add(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return add(std::string(buf));
  }
  char** get() {
    m_ptrs.clear();
    for (auto& a : m_args) m_ptrs.push_back(a.data());
    m_ptrs.push_back(nullptr);
    return m_ptrs.data();
  }

 private:
  std::vector<std::string> m_args;
  std::vector<char*> m_ptrs;
};

const char* gdal_resampling(Resampling r) {
  switch (r) {
    case Resampling::nearest:
      return "near";
    case Resampling::mode:
      return "mode";
    case Resampling::average:
      return "average";
  }
  return "near";
}

using Ring = std::vector<std::pair<double, double>>;

/// The outline of a raster in RD New (64 points a side), or empty if it cannot be transformed.
Ring footprint_in_rd(GDALDatasetH ds) {
  double gt[6];
  if (GDALGetGeoTransform(ds, gt) != CE_None) return {};
  OGRSpatialReference src;
  const char* wkt = GDALGetProjectionRef(ds);
  if (wkt == nullptr || src.importFromWkt(wkt) != OGRERR_NONE) return {};
  src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference rd;
  rd.importFromWkt(grid::k_rd_new_wkt);
  rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const double nx = GDALGetRasterXSize(ds), ny = GDALGetRasterYSize(ds);
  constexpr int k_steps = 64;
  std::vector<double> xs, ys;
  const auto add = [&](double p, double l) {
    xs.push_back(gt[0] + p * gt[1] + l * gt[2]);
    ys.push_back(gt[3] + p * gt[4] + l * gt[5]);
  };
  for (int i = 0; i < k_steps; ++i) add(nx * i / k_steps, 0);
  for (int i = 0; i < k_steps; ++i) add(nx, ny * i / k_steps);
  for (int i = 0; i < k_steps; ++i) add(nx * (k_steps - i) / k_steps, ny);
  for (int i = 0; i < k_steps; ++i) add(0, ny * (k_steps - i) / k_steps);
  if (!src.IsSame(&rd)) {
    const std::unique_ptr<OGRCoordinateTransformation, void (*)(OGRCoordinateTransformation*)> ct(
        OGRCreateCoordinateTransformation(&src, &rd), OGRCoordinateTransformation::DestroyCT);
    std::vector<int> ok(xs.size(), 0);
    if (!ct || !ct->Transform(static_cast<int>(xs.size()), xs.data(), ys.data(), nullptr, ok.data())) return {};
    if (std::find(ok.begin(), ok.end(), 0) != ok.end()) return {};
  }
  Ring ring;
  for (std::size_t i = 0; i < xs.size(); ++i) ring.emplace_back(xs[i], ys[i]);
  return ring;
}

/// Sets to NaN every cell of `block` whose centre lies outside `ring` (even-odd rule, per row).
void mask_outside_footprint(const Ring& ring, const grid::GridWindow& block, std::span<double> values) {
  std::vector<double> crossings;
  for (std::int32_t r = 0; r < block.n_rows; ++r) {
    const double y = grid::NationalGrid::y_center(block.row0 + r);
    crossings.clear();
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const auto& [x0, y0] = ring[i];
      const auto& [x1, y1] = ring[(i + 1) % ring.size()];
      if ((y0 > y) != (y1 > y)) crossings.push_back(x0 + (y - y0) * (x1 - x0) / (y1 - y0));
    }
    std::sort(crossings.begin(), crossings.end());
    std::size_t k = 0;
    bool inside = false;
    for (std::int32_t c = 0; c < block.n_cols; ++c) {
      const double x = grid::NationalGrid::x_center(block.col0 + c);
      while (k < crossings.size() && crossings[k] <= x) {
        inside = !inside;
        ++k;
      }
      if (!inside)
        values[static_cast<std::size_t>(r) * static_cast<std::size_t>(block.n_cols) + static_cast<std::size_t>(c)] =
            std::numeric_limits<double>::quiet_NaN();
    }
  }
}

class RasterReader final : public LayerReader {
 public:
  explicit RasterReader(const LayerSpec& spec) : m_spec(spec) {
    ensure_gdal();
    const QuietGdal quiet;
    if (!std::filesystem::exists(spec.source)) throw InputError(cat(spec.label(), ": file not found"));
    m_source = Dataset(GDALOpenEx(spec.source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!m_source) throw InputError(cat(spec.label(), ": GDAL cannot open it as a raster: ", last_gdal_error()));
    const int bands = GDALGetRasterCount(m_source.get());
    if (spec.band > bands)
      throw InputError(cat(spec.label(), ": band ", spec.band, " asked for, but the raster has ", bands,
                           bands == 1 ? " band" : " bands"));
    const char* wkt = GDALGetProjectionRef(m_source.get());
    if (!spec.srs.empty()) {
      spatial_ref_from(spec.srs, spec.where);
    } else if (wkt == nullptr || *wkt == '\0') {
      throw InputError(
          cat(spec.label(), ": the raster has no coordinate reference system; add 'srs = EPSG:xxxx' to ", spec.where));
    }
    // Band choice and overrides go through an in-memory VRT (GDAL 3.6's gdalwarp has no band option).
    if (spec.band != 1 || !spec.srs.empty() || spec.source_nodata) {
      Argv args;
      args.add("-of").add("VRT").add("-b").add(std::to_string(spec.band));
      if (!spec.srs.empty()) args.add("-a_srs").add(spec.srs);
      if (spec.source_nodata) args.add("-a_nodata").add(*spec.source_nodata);
      GDALTranslateOptions* opts = GDALTranslateOptionsNew(args.get(), nullptr);
      int usage_error = 0;
      m_view = Dataset(GDALTranslate("", m_source.get(), opts, &usage_error));
      GDALTranslateOptionsFree(opts);
      if (!m_view) throw InputError(cat(spec.label(), ": cannot select band ", spec.band, ": ", last_gdal_error()));
    }
    m_footprint = footprint_in_rd(m_view ? m_view.get() : m_source.get());
  }

  void read(const grid::GridWindow& block, std::span<double> out) override {
    if (block.empty()) return;
    const QuietGdal quiet;
    const double h = grid::NationalGrid::cell_size_m;
    const double west = block.x_west_m(), north = block.y_north_m();
    Argv args;
    args.add("-of").add("MEM").add("-t_srs").add(std::string(grid::k_rd_new_wkt));
    args.add("-te").add(west).add(north - h * block.n_rows).add(west + h * block.n_cols).add(north);
    args.add("-ts").add(std::to_string(block.n_cols)).add(std::to_string(block.n_rows));
    args.add("-r").add(gdal_resampling(m_spec.resampling)).add("-ot").add("Float64");
    args.add("-dstnodata").add("nan").add("-et").add("0").add("-wo").add("INIT_DEST=NO_DATA");
    GDALWarpAppOptions* opts = GDALWarpAppOptionsNew(args.get(), nullptr);
    GDALDatasetH in = m_view ? m_view.get() : m_source.get();
    int usage_error = 0;
    const Dataset warped(GDALWarp("", nullptr, 1, &in, opts, &usage_error));
    GDALWarpAppOptionsFree(opts);
    if (!warped)
      throw InputError(cat(m_spec.label(), ": GDAL cannot warp it onto the national grid: ", last_gdal_error()));
    const CPLErr err = GDALRasterIO(GDALGetRasterBand(warped.get(), 1), GF_Read, 0, 0, block.n_cols, block.n_rows,
                                    out.data(), block.n_cols, block.n_rows, GDT_Float64, 0, 0);
    if (err != CE_None) throw InputError(cat(m_spec.label(), ": reading the warped block failed: ", last_gdal_error()));
    if (!m_footprint.empty()) mask_outside_footprint(m_footprint, block, out);
  }

 private:
  const LayerSpec& m_spec;
  Dataset m_source;
  Dataset m_view;
  Ring m_footprint;  ///< the source's outline in RD New; empty: no masking (it could not be transformed)
};

}  // namespace

std::unique_ptr<LayerReader> open_raster_layer(const LayerSpec& spec) { return std::make_unique<RasterReader>(spec); }

}  // namespace polder::io::ingest
