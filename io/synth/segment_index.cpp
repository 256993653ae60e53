#include "io/synth/segment_index.hpp"

#include <algorithm>
#include <cmath>

#include "solver/grid/national_grid.hpp"

namespace polder::io::synth {

using grid::NationalGrid;

SegmentIndex::SegmentIndex(const std::vector<std::vector<PointM>>& lines, const std::vector<double>& reach_m) {
  m_tile_cols = (NationalGrid::n_cols + k_tile - 1) / k_tile;
  const std::int32_t tile_rows = (NationalGrid::n_rows + k_tile - 1) / k_tile;
  m_tiles.resize(static_cast<std::size_t>(m_tile_cols) * static_cast<std::size_t>(tile_rows));
  const double cs = NationalGrid::cell_size_m;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const auto& pts = lines[l];
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
      const Segment seg{pts[i].x_m, pts[i].y_m, pts[i + 1].x_m, pts[i + 1].y_m, static_cast<std::int32_t>(l)};
      const auto id = static_cast<std::uint32_t>(m_segments.size());
      m_segments.push_back(seg);
      const double r = reach_m[l];
      const double x_lo = std::min(seg.x0, seg.x1) - r, x_hi = std::max(seg.x0, seg.x1) + r;
      const double y_lo = std::min(seg.y0, seg.y1) - r, y_hi = std::max(seg.y0, seg.y1) + r;
      const auto c0 = std::clamp(static_cast<std::int32_t>(std::floor(x_lo / cs)) / k_tile, 0, m_tile_cols - 1);
      const auto c1 = std::clamp(static_cast<std::int32_t>(std::floor(x_hi / cs)) / k_tile, 0, m_tile_cols - 1);
      const auto r0 = std::clamp(static_cast<std::int32_t>(std::floor((NationalGrid::y_max_m - y_hi) / cs)) / k_tile, 0,
                                 tile_rows - 1);
      const auto r1 = std::clamp(static_cast<std::int32_t>(std::floor((NationalGrid::y_max_m - y_lo) / cs)) / k_tile, 0,
                                 tile_rows - 1);
      for (std::int32_t tr = r0; tr <= r1; ++tr)
        for (std::int32_t tc = c0; tc <= c1; ++tc)
          m_tiles[static_cast<std::size_t>(tr) * static_cast<std::size_t>(m_tile_cols) + static_cast<std::size_t>(tc)]
              .push_back(id);
    }
  }
}

NearestSegment SegmentIndex::nearest(std::int32_t row, std::int32_t col) const {
  NearestSegment best;
  const auto& ids = m_tiles[static_cast<std::size_t>(row / k_tile) * static_cast<std::size_t>(m_tile_cols) +
                            static_cast<std::size_t>(col / k_tile)];
  if (ids.empty()) return best;
  const double x = NationalGrid::x_center(col), y = NationalGrid::y_center(row);
  for (const std::uint32_t id : ids) {
    const auto& s = m_segments[id];
    const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((x - s.x0) * dx + (y - s.y0) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = s.x0 + t * dx - x, ey = s.y0 + t * dy - y;
    const double d = std::sqrt(ex * ex + ey * ey);
    if (d < best.distance_m) best = {d, s.line};
  }
  return best;
}

}  // namespace polder::io::synth
