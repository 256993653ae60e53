#include <gtest/gtest.h>

#include <set>

#include "solver/core/error.hpp"
#include "solver/grid/hilbert.hpp"
#include "solver/grid/tile_layout.hpp"

using polder::grid::GridWindow;
using polder::grid::NationalGrid;
using polder::grid::TileLayout;

TEST(NationalGrid, ExtentMatchesDesign) {
  EXPECT_EQ(NationalGrid::n_cols, 11400);
  EXPECT_EQ(NationalGrid::n_rows, 13600);
  EXPECT_DOUBLE_EQ(NationalGrid::x_max_m, 285000.0);
  EXPECT_DOUBLE_EQ(NationalGrid::y_min_m, 300000.0);
  EXPECT_DOUBLE_EQ(NationalGrid::cell_area_ha, 0.0625);
  EXPECT_DOUBLE_EQ(NationalGrid::x_center(0), 12.5);
  EXPECT_DOUBLE_EQ(NationalGrid::y_center(0), 639987.5);
}

TEST(TileLayout, TilesCoverTheGridExactlyOnce) {
  const TileLayout layout(256);
  EXPECT_EQ(layout.n_tile_cols(), 45);
  EXPECT_EQ(layout.n_tile_rows(), 54);
  std::int64_t cells = 0;
  for (std::int32_t t = 0; t < layout.n_tiles(); ++t) {
    const auto g = layout.geometry(t);
    EXPECT_TRUE(g.window.inside_national());
    EXPECT_EQ(layout.tile_of_cell(g.window.row0, g.window.col0), t);
    cells += g.window.size();
  }
  EXPECT_EQ(cells, NationalGrid::n_cells);
  // The last column of tiles is clipped: 11400 - 44 * 256 = 136 columns.
  EXPECT_EQ(layout.geometry(layout.tile_id(0, 44)).window.n_cols, 136);
}

TEST(TileLayout, NeighboursAreSymmetric) {
  const TileLayout layout(64);
  for (std::int32_t t : {0, 5, layout.n_tiles() / 2, layout.n_tiles() - 1}) {
    const auto nb = layout.neighbours(t);
    for (int d = 0; d < 8; ++d) {
      if (nb[d] < 0) continue;
      EXPECT_EQ(layout.neighbours(nb[d])[polder::grid::opposite_direction(d)], t);
    }
  }
}

TEST(TileLayout, RejectsBadTileSize) {
  EXPECT_THROW(TileLayout(300), polder::ConfigError);
  EXPECT_THROW(TileLayout(4), polder::ConfigError);
}

TEST(TileLayout, ActiveTilesAndTotals) {
  TileLayout empty(128);
  std::vector<std::int64_t> counts(static_cast<std::size_t>(empty.n_tiles()), 0);
  counts[3] = 10;
  counts[100] = 128 * 128;
  const TileLayout layout(128, counts);
  EXPECT_EQ(layout.total_active(), 10 + 128 * 128);
  EXPECT_EQ(layout.active_tiles(), (std::vector<std::int32_t>{3, 100}));
}

TEST(Hilbert, IsABijectionWithUnitSteps) {
  const std::uint32_t order = 4, n = 16;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> at(n * n);
  std::set<std::uint64_t> seen;
  for (std::uint32_t x = 0; x < n; ++x)
    for (std::uint32_t y = 0; y < n; ++y) {
      const auto d = polder::grid::hilbert_index(order, x, y);
      ASSERT_LT(d, n * n);
      seen.insert(d);
      at[d] = {x, y};
    }
  EXPECT_EQ(seen.size(), n * n);
  for (std::size_t d = 1; d < at.size(); ++d) {
    const auto dx = static_cast<int>(at[d].first) - static_cast<int>(at[d - 1].first);
    const auto dy = static_cast<int>(at[d].second) - static_cast<int>(at[d - 1].second);
    EXPECT_EQ(std::abs(dx) + std::abs(dy), 1) << "step " << d;
  }
}

TEST(GridWindow, Intersect) {
  const GridWindow a{10, 10, 100, 50}, b{50, 0, 100, 30};
  const auto c = a.intersect(b);
  EXPECT_EQ(c, (GridWindow{50, 10, 60, 20}));
  EXPECT_TRUE(a.intersect(GridWindow{500, 500, 5, 5}).empty());
}
