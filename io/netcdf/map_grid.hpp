#pragma once
// The grid of a map file: square cells of 25, 100, 250 or 1000 m aligned with the national grid's
// north-west corner (x = 0, y = 640 000 m), so a map cell always holds whole 25 m cells and maps of
// different regions share cell edges. It covers every map cell that a window's cells fall into; map
// cells at the window's edge may reach beyond it.

#include <cstdint>

#include "solver/core/error.hpp"
#include "solver/grid/grid_window.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/model/map_field.hpp"

namespace polder::io {

inline bool is_map_resolution(std::int32_t m) {
  for (const auto r : model::k_map_resolutions_m)
    if (r == m) return true;
  return false;
}

struct MapGrid {
  std::int32_t resolution_m = 25;
  std::int32_t factor = 1;  ///< 25 m cells per map-cell side
  std::int32_t row0 = 0;    ///< first map row, counted from the national north edge in map cells
  std::int32_t col0 = 0;    ///< first map column, from the national west edge
  std::int32_t n_rows = 0;
  std::int32_t n_cols = 0;

  static MapGrid covering(const grid::GridWindow& window, std::int32_t resolution_m) {
    POLDER_VERIFY(is_map_resolution(resolution_m), "map resolution ", resolution_m, " m");
    POLDER_VERIFY(!window.empty() && window.inside_national(), "map window outside the national grid");
    MapGrid g;
    g.resolution_m = resolution_m;
    g.factor = resolution_m / static_cast<std::int32_t>(grid::NationalGrid::cell_size_m);
    g.row0 = window.row0 / g.factor;
    g.col0 = window.col0 / g.factor;
    g.n_rows = (window.row1() - 1) / g.factor + 1 - g.row0;
    g.n_cols = (window.col1() - 1) / g.factor + 1 - g.col0;
    return g;
  }

  /// Row-major index in this grid of the map cell holding national cell (row, col).
  std::int64_t map_cell(std::int32_t row, std::int32_t col) const {
    return std::int64_t{row / factor - row0} * n_cols + (col / factor - col0);
  }
  double x_west_m() const { return grid::NationalGrid::x_min_m + double{1.0} * col0 * resolution_m; }
  double y_north_m() const { return grid::NationalGrid::y_max_m - double{1.0} * row0 * resolution_m; }
  double x_center(std::int32_t c) const { return x_west_m() + (c + 0.5) * resolution_m; }
  double y_center(std::int32_t r) const { return y_north_m() - (r + 0.5) * resolution_m; }
};

}  // namespace polder::io
