#pragma once
// Reads one ingest layer onto blocks of the national grid: a raster warped with GDALWarp, a vector
// layer rasterised at cell centres, or a constant. Every rank opens its own readers and reads its own
// blocks (GDAL is not collective).

#include <memory>
#include <span>

#include "io/ingest/ingest_config.hpp"
#include "solver/grid/grid_window.hpp"

namespace polder::io::ingest {

class LayerReader {
 public:
  LayerReader() = default;
  LayerReader(const LayerReader&) = delete;
  LayerReader& operator=(const LayerReader&) = delete;
  virtual ~LayerReader() = default;

  /// Source values on `block` (a national window, row-major), NaN where the source has no data.
  virtual void read(const grid::GridWindow& block, std::span<double> out) = 0;
  /// True if read() returns Polder codes already (vector layers apply their class map per feature).
  virtual bool mapped() const { return false; }
};

/// Opens the layer's source and checks it (file, band, layer, attribute, CRS). `window` is the output
/// window (vector readers load only the features that reach it). Throws InputError / ConfigError
/// naming the layer and file.
std::unique_ptr<LayerReader> open_layer(const LayerSpec& spec, const grid::GridWindow& window);

std::unique_ptr<LayerReader> open_raster_layer(const LayerSpec& spec);
std::unique_ptr<LayerReader> open_vector_layer(const LayerSpec& spec, const grid::GridWindow& window);

}  // namespace polder::io::ingest
