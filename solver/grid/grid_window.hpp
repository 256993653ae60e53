#pragma once
// A rectangular window of the national grid, in national row/column indices. Input files cover a
// window (a province's bounding box, or the whole grid); tiles and windows are intersected with it.

#include <algorithm>
#include <cstdint>

#include "solver/grid/national_grid.hpp"

namespace polder::grid {

struct GridWindow {
  std::int32_t row0 = 0;  ///< first national row (north)
  std::int32_t col0 = 0;  ///< first national column (west)
  std::int32_t n_rows = 0;
  std::int32_t n_cols = 0;

  static constexpr GridWindow national() { return {0, 0, NationalGrid::n_rows, NationalGrid::n_cols}; }
  constexpr std::int32_t row1() const { return row0 + n_rows; }
  constexpr std::int32_t col1() const { return col0 + n_cols; }
  constexpr std::int64_t size() const { return std::int64_t{n_rows} * n_cols; }
  constexpr bool empty() const { return n_rows <= 0 || n_cols <= 0; }
  constexpr bool contains(std::int32_t row, std::int32_t col) const {
    return row >= row0 && row < row1() && col >= col0 && col < col1();
  }
  constexpr bool inside_national() const {
    return row0 >= 0 && col0 >= 0 && row1() <= NationalGrid::n_rows && col1() <= NationalGrid::n_cols;
  }
  constexpr GridWindow intersect(const GridWindow& o) const {
    const std::int32_t r0 = std::max(row0, o.row0), c0 = std::max(col0, o.col0);
    const std::int32_t r1 = std::min(row1(), o.row1()), c1 = std::min(col1(), o.col1());
    return {r0, c0, std::max(0, r1 - r0), std::max(0, c1 - c0)};
  }
  /// RD x of the west edge / y of the north edge of the window, metres.
  constexpr double x_west_m() const { return NationalGrid::x_min_m + col0 * NationalGrid::cell_size_m; }
  constexpr double y_north_m() const { return NationalGrid::y_max_m - row0 * NationalGrid::cell_size_m; }
  friend constexpr bool operator==(const GridWindow&, const GridWindow&) = default;
};

}  // namespace polder::grid
