#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "io/synth/distance_transform.hpp"
#include "io/synth/polygon.hpp"
#include "io/synth/segment_index.hpp"
#include "solver/grid/national_grid.hpp"

using namespace polder;
using namespace polder::io::synth;

namespace {

/// Cells of national rows [r0, r1) inside by the scan-line rasteriser.
std::vector<std::uint8_t> rasterise(const Polygon& p, std::int32_t r0, std::int32_t r1, std::int32_t c0,
                                    std::int32_t c1) {
  const ScanlineRasteriser raster(p);
  std::vector<std::uint8_t> out(static_cast<std::size_t>((r1 - r0) * (c1 - c0)), 0);
  std::vector<ColumnSpan> spans;
  for (std::int32_t r = r0; r < r1; ++r) {
    spans.clear();
    raster.row_spans(r, spans, c0, c1);
    for (const auto& s : spans)
      for (std::int32_t c = s.col_begin; c < s.col_end; ++c)
        out[static_cast<std::size_t>((r - r0) * (c1 - c0) + (c - c0))] = 1;
  }
  return out;
}

}  // namespace

TEST(SynthPolygon, AxisAlignedSquareCoversExactlyItsCells) {
  // 10 x 10 km square on cell edges: 400 x 400 cells, area 10,000 ha.
  const Polygon square{{{{100000, 500000}, {110000, 500000}, {110000, 510000}, {100000, 510000}}}};
  EXPECT_DOUBLE_EQ(signed_area_m2(square.rings[0]), 1.0e8);
  const std::int32_t r0 = 5000, r1 = 6000, c0 = 3800, c1 = 4800;
  const auto cells = rasterise(square, r0, r1, c0, c1);
  std::int64_t n = 0;
  for (const auto v : cells) n += v;
  EXPECT_EQ(n, 400 * 400);
}

TEST(SynthPolygon, ScanLineAgreesWithPointInPolygonIncludingHoles) {
  // A star-like ring with a hole (even-odd), slanted edges through cell centres and corners.
  Polygon p;
  p.rings.push_back(
      {{100012.5, 500000}, {103000, 500400}, {101500, 501500}, {103100, 503000}, {100000, 502300}, {100700, 501000}});
  p.rings.push_back({{101000, 501000}, {102000, 501100}, {101400, 501900}});
  const std::int32_t r0 = 5430, r1 = 5610, c0 = 3990, c1 = 4140;
  const auto cells = rasterise(p, r0, r1, c0, c1);
  std::int64_t inside = 0;
  for (std::int32_t r = r0; r < r1; ++r)
    for (std::int32_t c = c0; c < c1; ++c) {
      const bool expected = contains(p, grid::NationalGrid::x_center(c), grid::NationalGrid::y_center(r));
      ASSERT_EQ(cells[static_cast<std::size_t>((r - r0) * (c1 - c0) + (c - c0))] != 0, expected)
          << "row " << r << " col " << c;
      inside += expected ? 1 : 0;
    }
  EXPECT_GT(inside, 1000);
}

TEST(SynthPolygon, DistanceTransformIsExactEuclidean) {
  const std::int32_t rows = 40, cols = 50;
  std::vector<std::uint8_t> seed(static_cast<std::size_t>(rows * cols), 0);
  seed[5 * cols + 7] = 1;
  seed[30 * cols + 41] = 1;
  const DistanceField d = distance_transform(rows, cols, seed);
  for (std::int32_t r = 0; r < rows; ++r)
    for (std::int32_t c = 0; c < cols; ++c) {
      const double a = std::hypot(r - 5, c - 7), b = std::hypot(r - 30, c - 41);
      const std::size_t i = static_cast<std::size_t>(r * cols + c);
      EXPECT_NEAR(d.distance[i], std::min(a, b), 1e-4);
      EXPECT_EQ(d.nearest[i], a <= b ? 5 * cols + 7 : 30 * cols + 41) << r << "," << c;
    }
}

TEST(SynthPolygon, SegmentIndexFindsTheNearestLine) {
  const std::vector<std::vector<PointM>> lines = {{{100000, 500000}, {110000, 500000}},
                                                  {{100000, 502000}, {110000, 504000}}};
  const SegmentIndex index(lines, {500.0, 500.0});
  const std::int32_t row = static_cast<std::int32_t>((grid::NationalGrid::y_max_m - 500100.0) / 25.0);
  const std::int32_t col = static_cast<std::int32_t>(105000.0 / 25.0);
  const NearestSegment n = index.nearest(row, col);
  EXPECT_EQ(n.line, 0);
  EXPECT_NEAR(n.distance_m, grid::NationalGrid::y_center(row) - 500000.0, 1e-9);
  EXPECT_EQ(index.nearest(row - 4000, col).line, -1);  // 100 km away: nothing within reach
}
