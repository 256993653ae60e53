#pragma once
// The ingest config (configs/ingest/*.ini, docs/ingest.md): global settings in [ingest] and one
// [layer NAME] section per stack variable (and map year) to bring in from a GIS file. Parsed and
// validated here without touching GDAL; paths are resolved relative to the config file.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/ingest/class_map.hpp"
#include "io/netcdf/stack_schema.hpp"

namespace polder::io::ingest {

enum class Resampling { nearest, mode, average };
const char* to_string(Resampling r);

enum class SourceKind { raster, vector, constant };

struct LayerSpec {
  std::string name;   ///< the section's NAME
  std::string where;  ///< "config.ini:12", for messages
  const VariableSpec* variable = nullptr;
  std::int32_t map_year = 0;  ///< land_use only
  SourceKind kind = SourceKind::raster;
  std::string source;           ///< resolved path ("" for a constant)
  int band = 1;                 ///< rasters
  std::string layer;            ///< vectors: layer name ("" = the only one)
  std::string attribute;        ///< vectors: attribute to rasterise
  std::optional<double> value;  ///< vectors: burn this instead of an attribute; constants: the value
  Resampling resampling = Resampling::nearest;
  std::optional<ClassMap> classmap;
  std::string srs;                      ///< overrides the source's CRS ("" = use the file's)
  std::optional<double> source_nodata;  ///< overrides the raster band's nodata value
  std::optional<double> missing;        ///< value for territory cells the source leaves without data
  double scale = 1;                     ///< continuous values: polder = source * scale + offset
  double offset = 0;

  std::string label() const;  ///< "layer 'NAME' (SOURCE)"
};

struct IngestConfig {
  std::string path;
  std::string title = "Polder input stack (ingested)";
  std::string source_note;  ///< [ingest] source: free text for the CF `source` attribute
  std::optional<std::int32_t> forest_reference_year;
  std::string region;  ///< [ingest] region (the command line wins)
  std::vector<LayerSpec> layers;

  /// The layer that writes `variable` (map year for land_use), or nullptr.
  const LayerSpec* layer_for(const std::string& variable, std::int32_t map_year = 0) const;
};

/// Reads and validates a config: known keys only (with did-you-mean), each variable at most once,
/// map_year exactly for land_use, class maps loaded, methods valid for the variable's type.
IngestConfig read_ingest_config(const std::string& path);

}  // namespace polder::io::ingest
