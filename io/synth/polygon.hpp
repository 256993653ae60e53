#pragma once
// Polygons in RD New metres and their exact rasterisation onto the national 25 m grid. A cell belongs
// to a polygon when its centre is inside by the even-odd rule over all of the polygon's rings, so
// holes and multi-part shapes need no special handling (parts must not overlap).

#include <cstdint>
#include <string>
#include <vector>

namespace polder::io::synth {

struct PointM {
  double x_m = 0;
  double y_m = 0;
};
using Ring = std::vector<PointM>;  ///< closed implicitly (last point joins the first)

struct Polygon {
  std::vector<Ring> rings;  ///< outer boundaries and holes alike (even-odd)
};

/// Signed area of a ring in m² (positive when counter-clockwise in RD, i.e. x east, y north).
double signed_area_m2(const Ring& ring);

/// Axis-aligned bounding box in metres.
struct BoxM {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  bool contains(double x, double y) const { return x >= x_min && x <= x_max && y >= y_min && y <= y_max; }
};
BoxM bounding_box(const Polygon& polygon);

/// Half-open run of national columns [col_begin, col_end) inside a polygon on one row.
struct ColumnSpan {
  std::int32_t col_begin = 0;
  std::int32_t col_end = 0;
};

/// Even-odd point-in-polygon test at one point (slow path; rasterise rows with ScanlineRasteriser).
bool contains(const Polygon& polygon, double x_m, double y_m);

/// Builds the edge list of a polygon once, then answers "which cell centres of national row r are
/// inside" in O(edges crossing the row + log). Thread-safe for concurrent queries.
class ScanlineRasteriser {
 public:
  explicit ScanlineRasteriser(const Polygon& polygon);

  /// Appends to `spans` the column runs of national `row` whose cell centres are inside, in increasing
  /// column order, clipped to [col_min, col_max).
  void row_spans(std::int32_t row, std::vector<ColumnSpan>& spans, std::int32_t col_min = 0,
                 std::int32_t col_max = 11400) const;

  /// National rows [first, last] that can hold inside cells (empty range if last < first).
  std::int32_t first_row() const { return m_first_row; }
  std::int32_t last_row() const { return m_last_row; }

 private:
  struct Edge {
    double x0, y0, dx_per_dy;  ///< x at y0, and slope
    double y_lo, y_hi;         ///< half-open [y_lo, y_hi) in which the edge counts as crossing
  };
  static constexpr std::int32_t k_rows_per_bucket = 64;
  std::vector<Edge> m_edges;
  std::vector<std::vector<std::uint32_t>> m_buckets;  ///< edge ids per block of 64 national rows
  std::int32_t m_first_row = 0;
  std::int32_t m_last_row = -1;
};

}  // namespace polder::io::synth
