#pragma once
// Exact distance from a national cell centre to a set of polylines (rivers, roads), answered from a
// list of candidate segments per 256 x 256-cell tile, so a query costs a handful of segment distances.

#include <cstdint>
#include <vector>

#include "io/synth/polygon.hpp"

namespace polder::io::synth {

struct NearestSegment {
  double distance_m = 1.0e30;
  std::int32_t line = -1;  ///< index of the polyline, -1 if none within reach
};

class SegmentIndex {
 public:
  /// `reach_m[i]` bounds the distances that matter for polyline i (queries beyond it may miss it).
  SegmentIndex(const std::vector<std::vector<PointM>>& lines, const std::vector<double>& reach_m);

  /// Nearest polyline to the centre of national cell (row, col) among those within their reach.
  NearestSegment nearest(std::int32_t row, std::int32_t col) const;

 private:
  struct Segment {
    double x0, y0, x1, y1;
    std::int32_t line;
  };
  static constexpr std::int32_t k_tile = 256;
  std::vector<Segment> m_segments;
  std::vector<std::vector<std::uint32_t>> m_tiles;  ///< segment ids per national tile (row-major)
  std::int32_t m_tile_cols = 0;
};

}  // namespace polder::io::synth
