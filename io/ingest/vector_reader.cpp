// Vector layers (GeoPackage, Shapefile, GeoJSON, ...): features reaching the output window are loaded
// once, their attribute mapped to a Polder value and their geometry reprojected to RD New; each block
// is then rasterised at cell centres (a cell takes the value of the polygon containing its centre; where
// polygons overlap, the later feature wins).

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <vector>

#include "io/config/suggest.hpp"
#include "io/ingest/gdal_session.hpp"
#include "io/ingest/layer_reader.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io::ingest {
namespace {

struct TransformDeleter {
  void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using Transform = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

OGRLayer* find_layer(GDALDataset& ds, const LayerSpec& spec) {
  std::vector<std::string> names;
  for (int i = 0; i < ds.GetLayerCount(); ++i) names.emplace_back(ds.GetLayer(i)->GetName());
  if (spec.layer.empty()) {
    if (names.size() == 1) return ds.GetLayer(0);
    throw ConfigError(cat(spec.label(), ": the file has ", names.size(), " layers; name one with 'layer = ...' in ",
                          spec.where, " (layers: ", names.empty() ? std::string("none") : [&] {
                            std::string s;
                            for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
                            return s;
                          }(), ")"));
  }
  OGRLayer* layer = ds.GetLayerByName(spec.layer.c_str());
  if (layer == nullptr)
    throw ConfigError(cat(spec.label(), ": no layer '", spec.layer, "'", suggestion_suffix(spec.layer, names)));
  return layer;
}

class VectorReader final : public LayerReader {
 public:
  VectorReader(const LayerSpec& spec, const grid::GridWindow& window) : m_spec(spec) {
    ensure_gdal();
    const QuietGdal quiet;
    if (!std::filesystem::exists(spec.source)) throw InputError(cat(spec.label(), ": file not found"));
    m_source = Dataset(GDALOpenEx(spec.source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!m_source) throw InputError(cat(spec.label(), ": GDAL cannot open it as vector data: ", last_gdal_error()));
    auto& ds = *GDALDataset::FromHandle(m_source.get());
    OGRLayer* src = find_layer(ds, spec);

    OGRSpatialReference src_srs;
    if (!spec.srs.empty()) {
      if (src_srs.SetFromUserInput(spec.srs.c_str()) != OGRERR_NONE)
        throw ConfigError(cat(spec.where, ": cannot understand srs = '", spec.srs, "'"));
    } else if (src->GetSpatialRef() != nullptr) {
      src_srs = *src->GetSpatialRef();
    } else {
      throw InputError(cat(spec.label(), ": layer '", src->GetName(),
                           "' has no coordinate reference system; add "
                           "'srs = EPSG:xxxx' to ",
                           spec.where));
    }
    src_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    m_rd.importFromWkt(grid::k_rd_new_wkt);
    m_rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    Transform to_rd, from_rd;
    if (!src_srs.IsSame(&m_rd)) {
      to_rd.reset(OGRCreateCoordinateTransformation(&src_srs, &m_rd));
      from_rd.reset(OGRCreateCoordinateTransformation(&m_rd, &src_srs));
      if (!to_rd || !from_rd)
        throw InputError(cat(spec.label(), ": no transformation from its CRS to RD New: ", last_gdal_error()));
    }

    int field = -1;
    OGRFieldType field_type = OFTString;
    if (!spec.attribute.empty()) {
      OGRFeatureDefn* defn = src->GetLayerDefn();
      field = defn->GetFieldIndex(spec.attribute.c_str());
      if (field < 0) {
        std::vector<std::string> fields;
        for (int i = 0; i < defn->GetFieldCount(); ++i) fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
        throw ConfigError(cat(spec.label(), ": layer '", src->GetName(), "' has no attribute '", spec.attribute, "'",
                              suggestion_suffix(spec.attribute, fields)));
      }
      field_type = defn->GetFieldDefn(field)->GetType();
    }

    // Only features that reach the output window.
    const double h = grid::NationalGrid::cell_size_m;
    double x0 = window.x_west_m(), y1 = window.y_north_m(), x1 = x0 + h * window.n_cols, y0 = y1 - h * window.n_rows;
    if (from_rd) {
      double a = 0, b = 0, c = 0, d = 0;
      if (from_rd->TransformBounds(x0, y0, x1, y1, &a, &b, &c, &d, 21) == FALSE)
        throw InputError(cat(spec.label(), ": cannot transform the window into the layer's CRS"));
      x0 = a, y0 = b, x1 = c, y1 = d;
    }
    src->SetSpatialFilterRect(x0, y0, x1, y1);
    src->ResetReading();

    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("Memory");
    if (mem == nullptr) throw InternalError("GDAL has no 'Memory' vector driver");
    m_features = Dataset(GDALDataset::ToHandle(mem->Create("", 0, 0, 0, GDT_Unknown, nullptr)));
    m_layer = GDALDataset::FromHandle(m_features.get())->CreateLayer("features", &m_rd, wkbUnknown, nullptr);
    OGRFieldDefn value_field("value", OFTReal);
    if (m_layer == nullptr || m_layer->CreateField(&value_field) != OGRERR_NONE)
      throw InternalError("cannot create the in-memory feature layer for rasterising");

    for (auto& feature : *src) {
      const OGRGeometry* geometry = feature->GetGeometryRef();
      if (geometry == nullptr) continue;
      const auto value = feature_value(*feature, field, field_type);
      if (!value) continue;
      std::unique_ptr<OGRGeometry> g(geometry->clone());
      if (to_rd && g->transform(to_rd.get()) != OGRERR_NONE)
        throw InputError(cat(spec.label(), ": feature ", feature->GetFID(), " cannot be transformed to RD New"));
      OGRFeature out(m_layer->GetLayerDefn());
      out.SetField(0, *value);
      out.SetGeometryDirectly(g.release());
      if (m_layer->CreateFeature(&out) != OGRERR_NONE) throw InternalError("cannot store a feature in memory");
    }
  }

  void read(const grid::GridWindow& block, std::span<double> out) override {
    if (block.empty()) return;
    const QuietGdal quiet;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    const Dataset raster(GDALDataset::ToHandle(mem->Create("", block.n_cols, block.n_rows, 1, GDT_Float64, nullptr)));
    if (!raster) throw InternalError("cannot create an in-memory raster for rasterising");
    const double h = grid::NationalGrid::cell_size_m;
    double transform[6] = {block.x_west_m(), h, 0, block.y_north_m(), 0, -h};
    auto& ds = *GDALDataset::FromHandle(raster.get());
    ds.SetGeoTransform(transform);
    ds.SetSpatialRef(&m_rd);
    GDALRasterBand* band = ds.GetRasterBand(1);
    band->Fill(std::numeric_limits<double>::quiet_NaN());
    m_layer->SetSpatialFilterRect(block.x_west_m(), block.y_north_m() - h * block.n_rows,
                                  block.x_west_m() + h * block.n_cols, block.y_north_m());
    int band_list[] = {1};
    OGRLayerH layers[] = {OGRLayer::ToHandle(m_layer)};
    const char* options[] = {"ATTRIBUTE=value", nullptr};
    if (GDALRasterizeLayers(raster.get(), 1, band_list, 1, layers, nullptr, nullptr, nullptr,
                            const_cast<char**>(options), nullptr, nullptr) != CE_None)
      throw InputError(cat(m_spec.label(), ": rasterising failed: ", last_gdal_error()));
    if (band->RasterIO(GF_Read, 0, 0, block.n_cols, block.n_rows, out.data(), block.n_cols, block.n_rows, GDT_Float64,
                       0, 0, nullptr) != CE_None)
      throw InputError(cat(m_spec.label(), ": reading the rasterised block failed: ", last_gdal_error()));
  }

  bool mapped() const override { return true; }

 private:
  /// The Polder value of a feature (class map or scale/offset applied), or nothing (no data).
  std::optional<double> feature_value(OGRFeature& f, int field, OGRFieldType type) const {
    if (m_spec.value && field < 0) return *m_spec.value;
    if (!f.IsFieldSetAndNotNull(field)) return std::nullopt;
    const bool numeric = type == OFTInteger || type == OFTInteger64 || type == OFTReal;
    if (m_spec.classmap) {
      const auto r = numeric ? m_spec.classmap->lookup(f.GetFieldAsDouble(field))
                             : m_spec.classmap->lookup(std::string(f.GetFieldAsString(field)));
      if (r.kind == ClassMap::Kind::unknown)
        throw InputError(cat(m_spec.label(), ": feature ", f.GetFID(), " has ", m_spec.attribute, " = '",
                             f.GetFieldAsString(field), "', a code class map '", m_spec.classmap->path(),
                             "' does not list; add it (or a 'default = ...' line) to the class map"));
      if (r.kind == ClassMap::Kind::nodata) return std::nullopt;
      return r.value;
    }
    double v = 0;
    if (numeric) {
      v = f.GetFieldAsDouble(field);
    } else {
      const char* text = f.GetFieldAsString(field);
      char* end = nullptr;
      v = std::strtod(text, &end);
      if (end == text || *end != '\0')
        throw InputError(cat(m_spec.label(), ": feature ", f.GetFID(), " has ", m_spec.attribute, " = '", text,
                             "', which is not a number; text codes need a class map"));
    }
    return v * m_spec.scale + m_spec.offset;
  }

  const LayerSpec& m_spec;
  OGRSpatialReference m_rd;
  Dataset m_source;
  Dataset m_features;
  OGRLayer* m_layer = nullptr;
};

}  // namespace

std::unique_ptr<LayerReader> open_vector_layer(const LayerSpec& spec, const grid::GridWindow& window) {
  return std::make_unique<VectorReader>(spec, window);
}

}  // namespace polder::io::ingest
