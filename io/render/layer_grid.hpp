#pragma once
// One stack layer reduced to picture pixels: each pixel covers `scale` x `scale` cells and takes their
// mode (class layers; cells outside the territory count as "outside") or the mean over territory
// cells (continuous layers). Rows of pixels are shared out over the ranks and gathered on rank 0,
// with the full-resolution class areas or value range alongside.

#include <cstdint>
#include <optional>
#include <vector>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/nc_file.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io::render {

struct LayerGrid {
  int width = 0;  ///< pixels
  int height = 0;
  int scale = 1;  ///< cells per pixel side
  bool classes = false;
  std::vector<std::int32_t> codes;        ///< classes: mode code per pixel, -1 outside the territory
  std::vector<float> values;              ///< continuous: mean per pixel, NaN where no territory cell
  std::vector<std::int64_t> class_cells;  ///< classes: territory cells per code (0..255), full resolution
  double min = 0, max = 0;                ///< continuous: range over territory cells, full resolution
  std::int64_t territory_cells = 0;
};

/// The scale that keeps a picture of `window` at most about 1,400 pixels tall.
int default_scale(const grid::GridWindow& window);

/// Collective over `comm`; the result is complete on rank 0 only. `year_index` for land_use.
LayerGrid read_layer_grid(const NcFile& file, const StackInfo& info, const VariableSpec& spec,
                          std::optional<std::size_t> year_index, int scale, const parallel::Comm& comm);

}  // namespace polder::io::render
