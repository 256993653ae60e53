#pragma once
// The coarse 100 m companion of the national grid: 4 x 4 national cells per coarse cell, same origin.
// National fields that need a whole-country view (nearest province, distances to the coast and the
// rivers, city influence) are computed on it once per process, identically on every rank, and sampled
// by the 25 m cells (nearest or bilinear).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "solver/grid/national_grid.hpp"

namespace polder::io::synth {

struct CoarseGrid {
  static constexpr std::int32_t k_factor = 4;  ///< national cells per coarse cell along each axis
  static constexpr std::int32_t n_rows = grid::NationalGrid::n_rows / k_factor;      // 3400
  static constexpr std::int32_t n_cols = grid::NationalGrid::n_cols / k_factor;      // 2850
  static constexpr double cell_size_m = grid::NationalGrid::cell_size_m * k_factor;  // 100 m
  static constexpr std::size_t size() { return static_cast<std::size_t>(n_rows) * n_cols; }
  static constexpr std::size_t index(std::int32_t row, std::int32_t col) {
    return static_cast<std::size_t>(row) * n_cols + static_cast<std::size_t>(col);
  }
  /// RD centre of a coarse cell.
  static constexpr double x_center(std::int32_t col) { return (col + 0.5) * cell_size_m; }
  static constexpr double y_center(std::int32_t row) { return grid::NationalGrid::y_max_m - (row + 0.5) * cell_size_m; }
};

/// A float field on a coarse grid of `factor` x `factor` national cells (4: 100 m, 8: 200 m) with the
/// national origin, sampled bilinearly or by nearest cell at national cell centres.
class CoarseField {
 public:
  explicit CoarseField(std::int32_t factor = CoarseGrid::k_factor, float fill = 0.0F)
      : m_factor(factor),
        m_rows(grid::NationalGrid::n_rows / factor),
        m_cols(grid::NationalGrid::n_cols / factor),
        m_values(static_cast<std::size_t>(m_rows) * static_cast<std::size_t>(m_cols), fill) {}

  std::int32_t factor() const { return m_factor; }
  std::int32_t n_rows() const { return m_rows; }
  std::int32_t n_cols() const { return m_cols; }
  double cell_size_m() const { return grid::NationalGrid::cell_size_m * m_factor; }
  double x_center(std::int32_t col) const { return (col + 0.5) * cell_size_m(); }
  double y_center(std::int32_t row) const { return grid::NationalGrid::y_max_m - (row + 0.5) * cell_size_m(); }

  float& at(std::int32_t row, std::int32_t col) { return m_values[index(row, col)]; }
  float at(std::int32_t row, std::int32_t col) const { return m_values[index(row, col)]; }
  std::vector<float>& values() { return m_values; }
  const std::vector<float>& values() const { return m_values; }

  /// Bilinear value at the centre of national cell (row, col), clamped at the edges.
  float sample(std::int32_t row, std::int32_t col) const {
    const float f = static_cast<float>(m_factor);
    const float fr = (static_cast<float>(row) + 0.5F) / f - 0.5F;
    const float fc = (static_cast<float>(col) + 0.5F) / f - 0.5F;
    const std::int32_t r0 = std::clamp(static_cast<std::int32_t>(std::floor(fr)), 0, m_rows - 2);
    const std::int32_t c0 = std::clamp(static_cast<std::int32_t>(std::floor(fc)), 0, m_cols - 2);
    const float tr = std::clamp(fr - static_cast<float>(r0), 0.0F, 1.0F);
    const float tc = std::clamp(fc - static_cast<float>(c0), 0.0F, 1.0F);
    const float a = at(r0, c0), b = at(r0, c0 + 1), c = at(r0 + 1, c0), d = at(r0 + 1, c0 + 1);
    const float top = a + (b - a) * tc;
    const float bottom = c + (d - c) * tc;
    return top + (bottom - top) * tr;
  }
  /// Value of the coarse cell holding national cell (row, col).
  float nearest(std::int32_t row, std::int32_t col) const { return at(row / m_factor, col / m_factor); }

 private:
  std::size_t index(std::int32_t row, std::int32_t col) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(m_cols) + static_cast<std::size_t>(col);
  }
  std::int32_t m_factor;
  std::int32_t m_rows;
  std::int32_t m_cols;
  std::vector<float> m_values;
};

}  // namespace polder::io::synth
