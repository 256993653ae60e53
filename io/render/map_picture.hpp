#pragma once
// Composes a map picture: title, the layer's pixels framed, a legend (class swatches with their area,
// or a colour bar with the value range) and a distance scale bar.

#include <string>

#include "io/netcdf/stack_schema.hpp"
#include "io/render/layer_grid.hpp"
#include "io/render/rgb_image.hpp"

namespace polder::io::render {

struct MapText {
  std::string title;     ///< e.g. "Land use 2021"
  std::string subtitle;  ///< e.g. "national  |  stack.nc  |  1 pixel = 10 x 10 cells (250 m)"
};

/// Draws `grid` (as read_layer_grid leaves it on rank 0).
RgbImage draw_map(const LayerGrid& grid, const VariableSpec& spec, const MapText& text);

/// Map area of the picture: its top-left corner (for tests: pixel (x, y) of the map is grid pixel
/// (x - left, y - top)).
struct MapPlacement {
  int left;
  int top;
};
MapPlacement map_placement(const LayerGrid& grid);

}  // namespace polder::io::render
