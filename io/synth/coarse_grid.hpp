#pragma once
// The coarse 100 m companion of the national grid: 4 x 4 national cells per coarse cell, same origin.
// National fields that need a whole-country view (nearest province, distances to the coast and the
// rivers, city influence) are computed on it once per process, identically on every rank, and sampled
// by the 25 m cells (nearest or bilinear).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "grid/national_grid.hpp"

namespace polder::io::synth {

struct CoarseGrid {
  static constexpr std::int32_t k_factor = 4;  ///< national cells per coarse cell along each axis
  static constexpr std::int32_t n_rows = grid::NationalGrid::n_rows / k_factor;  // 3400
  static constexpr std::int32_t n_cols = grid::NationalGrid::n_cols / k_factor;  // 2850
  static constexpr double cell_size_m = grid::NationalGrid::cell_size_m * k_factor;  // 100 m
  static constexpr std::size_t size() { return static_cast<std::size_t>(n_rows) * n_cols; }
  static constexpr std::size_t index(std::int32_t row, std::int32_t col) {
    return static_cast<std::size_t>(row) * n_cols + static_cast<std::size_t>(col);
  }
  /// RD centre of a coarse cell.
  static constexpr double x_center(std::int32_t col) { return (col + 0.5) * cell_size_m; }
  static constexpr double y_center(std::int32_t row) { return grid::NationalGrid::y_max_m - (row + 0.5) * cell_size_m; }
};

/// A float field on the coarse grid with bilinear sampling at national cell centres.
class CoarseField {
public:
  CoarseField() : m_values(CoarseGrid::size(), 0.0F) {}
  explicit CoarseField(std::vector<float> values) : m_values(std::move(values)) {}

  float& at(std::int32_t row, std::int32_t col) { return m_values[CoarseGrid::index(row, col)]; }
  float at(std::int32_t row, std::int32_t col) const { return m_values[CoarseGrid::index(row, col)]; }
  std::vector<float>& values() { return m_values; }
  const std::vector<float>& values() const { return m_values; }

  /// Bilinear value at the centre of national cell (row, col), clamped at the edges.
  float sample(std::int32_t row, std::int32_t col) const {
    // National cell centre in coarse-cell units, relative to coarse cell centres.
    const float fr = (static_cast<float>(row) + 0.5F) / CoarseGrid::k_factor - 0.5F;
    const float fc = (static_cast<float>(col) + 0.5F) / CoarseGrid::k_factor - 0.5F;
    const std::int32_t r0 = std::clamp(static_cast<std::int32_t>(std::floor(fr)), 0, CoarseGrid::n_rows - 2);
    const std::int32_t c0 = std::clamp(static_cast<std::int32_t>(std::floor(fc)), 0, CoarseGrid::n_cols - 2);
    const float tr = std::clamp(fr - static_cast<float>(r0), 0.0F, 1.0F);
    const float tc = std::clamp(fc - static_cast<float>(c0), 0.0F, 1.0F);
    const float a = at(r0, c0), b = at(r0, c0 + 1), c = at(r0 + 1, c0), d = at(r0 + 1, c0 + 1);
    const float top = a + (b - a) * tc;
    const float bottom = c + (d - c) * tc;
    return top + (bottom - top) * tr;
  }
  /// Value of the coarse cell holding national cell (row, col).
  float nearest(std::int32_t row, std::int32_t col) const {
    return at(row / CoarseGrid::k_factor, col / CoarseGrid::k_factor);
  }

private:
  std::vector<float> m_values;
};

}  // namespace polder::io::synth
