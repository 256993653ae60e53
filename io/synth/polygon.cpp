#include "io/synth/polygon.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/grid/national_grid.hpp"

namespace polder::io::synth {

using grid::NationalGrid;

double signed_area_m2(const Ring& ring) {
  double twice = 0;
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const auto& a = ring[i];
    const auto& b = ring[(i + 1) % n];
    twice += a.x_m * b.y_m - b.x_m * a.y_m;
  }
  return 0.5 * twice;
}

BoxM bounding_box(const Polygon& polygon) {
  BoxM box{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
           std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const auto& ring : polygon.rings)
    for (const auto& p : ring) {
      box.x_min = std::min(box.x_min, p.x_m);
      box.y_min = std::min(box.y_min, p.y_m);
      box.x_max = std::max(box.x_max, p.x_m);
      box.y_max = std::max(box.y_max, p.y_m);
    }
  return box;
}

bool contains(const Polygon& polygon, double x_m, double y_m) {
  bool inside = false;
  for (const auto& ring : polygon.rings) {
    for (std::size_t i = 0, n = ring.size(), j = n - 1; i < n; j = i++) {
      const auto& a = ring[i];
      const auto& b = ring[j];
      if ((a.y_m <= y_m) != (b.y_m <= y_m)) {
        const double x_cross = a.x_m + (y_m - a.y_m) * (b.x_m - a.x_m) / (b.y_m - a.y_m);
        if (x_cross > x_m) inside = !inside;
      }
    }
  }
  return inside;
}

ScanlineRasteriser::ScanlineRasteriser(const Polygon& polygon) {
  double y_min = std::numeric_limits<double>::max(), y_max = std::numeric_limits<double>::lowest();
  for (const auto& ring : polygon.rings) {
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
      const auto& a = ring[i];
      const auto& b = ring[(i + 1) % n];
      if (a.y_m == b.y_m) continue;  // horizontal edges never cross a scan line
      const auto& lo = a.y_m < b.y_m ? a : b;
      const auto& hi = a.y_m < b.y_m ? b : a;
      // Same half-open rule as contains(): an edge crosses y when lo.y <= y < hi.y.
      m_edges.push_back({lo.x_m, lo.y_m, (hi.x_m - lo.x_m) / (hi.y_m - lo.y_m), lo.y_m, hi.y_m});
      y_min = std::min(y_min, lo.y_m);
      y_max = std::max(y_max, hi.y_m);
    }
  }
  if (m_edges.empty()) return;
  // Rows whose centre y lies in [y_min, y_max): centre(row) = y_max_grid - (row + 0.5) * 25.
  const double cs = NationalGrid::cell_size_m;
  m_first_row = std::max(0, static_cast<std::int32_t>(std::floor((NationalGrid::y_max_m - y_max) / cs - 0.5)));
  m_last_row = std::min(NationalGrid::n_rows - 1,
                        static_cast<std::int32_t>(std::ceil((NationalGrid::y_max_m - y_min) / cs - 0.5)));
  const std::int32_t n_buckets = NationalGrid::n_rows / k_rows_per_bucket + 1;
  m_buckets.resize(static_cast<std::size_t>(n_buckets));
  for (std::uint32_t e = 0; e < m_edges.size(); ++e) {
    const auto& edge = m_edges[e];
    const auto r_top = static_cast<std::int32_t>(std::floor((NationalGrid::y_max_m - edge.y_hi) / cs - 0.5));
    const auto r_bottom = static_cast<std::int32_t>(std::ceil((NationalGrid::y_max_m - edge.y_lo) / cs - 0.5));
    const std::int32_t b0 = std::clamp(r_top, 0, NationalGrid::n_rows - 1) / k_rows_per_bucket;
    const std::int32_t b1 = std::clamp(r_bottom, 0, NationalGrid::n_rows - 1) / k_rows_per_bucket;
    for (std::int32_t b = b0; b <= b1; ++b) m_buckets[static_cast<std::size_t>(b)].push_back(e);
  }
}

void ScanlineRasteriser::row_spans(std::int32_t row, std::vector<ColumnSpan>& spans, std::int32_t col_min,
                                   std::int32_t col_max) const {
  if (row < m_first_row || row > m_last_row) return;
  const double y = NationalGrid::y_center(row);
  thread_local std::vector<double> crossings;
  crossings.clear();
  for (const std::uint32_t e : m_buckets[static_cast<std::size_t>(row / k_rows_per_bucket)]) {
    const auto& edge = m_edges[e];
    if (y >= edge.y_lo && y < edge.y_hi) crossings.push_back(edge.x0 + (y - edge.y_lo) * edge.dx_per_dy);
  }
  std::sort(crossings.begin(), crossings.end());
  const double cs = NationalGrid::cell_size_m;
  for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
    // Cells whose centre x = (c + 0.5) * 25 satisfies a <= x < b: an odd number of crossings lies at
    // or left of x, so an odd number lies strictly right of it, as contains() counts (x_cross > x).
    const auto c0 = static_cast<std::int32_t>(std::ceil((crossings[i] - NationalGrid::x_min_m) / cs - 0.5));
    const auto c1 = static_cast<std::int32_t>(std::ceil((crossings[i + 1] - NationalGrid::x_min_m) / cs - 0.5));
    const std::int32_t b = std::max(c0, col_min), e = std::min(c1, col_max);
    if (b < e) spans.push_back({b, e});
  }
}

}  // namespace polder::io::synth
