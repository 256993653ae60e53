#include <gtest/gtest.h>

#include <numeric>

#include "solver/parallel/decomposition.hpp"

using polder::grid::TileLayout;
using polder::parallel::Decomposition;

namespace {
TileLayout irregular_layout() {
  // A ragged "country": weights vary from tile to tile, some tiles empty.
  TileLayout probe(128);
  std::vector<std::int64_t> counts(static_cast<std::size_t>(probe.n_tiles()), 0);
  for (std::int32_t t = 0; t < probe.n_tiles(); ++t) {
    const auto g = probe.geometry(t);
    const double dx = g.tile_col - 40.0, dy = g.tile_row - 50.0;
    if (dx * dx + dy * dy < 35.0 * 35.0) counts[static_cast<std::size_t>(t)] = 1000 + (t * 7919) % 15000;
  }
  return TileLayout(128, counts);
}
}  // namespace

TEST(Decomposition, EveryActiveTileHasExactlyOneOwner) {
  const auto layout = irregular_layout();
  for (int p : {1, 2, 3, 4, 7, 64}) {
    const Decomposition d(layout, p);
    std::int64_t cells = 0;
    std::size_t tiles = 0;
    for (int r = 0; r < p; ++r) {
      for (auto t : d.tiles_of(r)) EXPECT_EQ(d.owner(t), r);
      tiles += d.tiles_of(r).size();
      cells += d.cells_of(r);
    }
    EXPECT_EQ(tiles, layout.active_tiles().size());
    EXPECT_EQ(cells, layout.total_active());
  }
}

TEST(Decomposition, SegmentsTileTheGlobalOrderDealtOutInTurn) {
  const auto layout = irregular_layout();
  for (int p : {1, 2, 3, 5}) {
    for (int k : {1, 4, 8}) {
      const Decomposition d(layout, p, {}, k);
      // Segment j of the global order belongs to rank j mod p: walk them in that order.
      std::int32_t next_tile = 0;
      std::int64_t next_cell = 0;
      for (int j = 0; j < p * k; ++j) {
        const int r = j % p;
        ASSERT_EQ(d.segments_of(r).size(), static_cast<std::size_t>(k));
        const auto& g = d.segments_of(r)[static_cast<std::size_t>(j / p)];
        ASSERT_EQ(g.first_tile_index, next_tile) << p << " ranks, " << k << " segments, run " << j;
        ASSERT_EQ(g.first_cell, next_cell);
        std::int64_t cells = 0;
        for (std::int32_t i = 0; i < g.n_tiles; ++i) {
          const auto t = d.tile_order()[static_cast<std::size_t>(g.first_tile_index + i)];
          EXPECT_EQ(d.owner(t), r);
          cells += layout.active_count(t);
        }
        EXPECT_EQ(cells, g.n_cells);
        next_tile += g.n_tiles;
        next_cell += g.n_cells;
      }
      EXPECT_EQ(static_cast<std::size_t>(next_tile), layout.active_tiles().size());
      EXPECT_EQ(next_cell, layout.total_active());
    }
  }
}

TEST(Decomposition, BalancesActiveCells) {
  const auto layout = irregular_layout();
  for (int p : {2, 3, 4, 16}) {
    const Decomposition d(layout, p, {}, 1);
    const double ideal = static_cast<double>(layout.total_active()) / p;
    for (int r = 0; r < p; ++r) {
      // One segment per rank: within one tile's weight (at most 16,000 cells here) of the ideal share.
      EXPECT_NEAR(static_cast<double>(d.cells_of(r)), ideal, 16000.0) << "rank " << r << " of " << p;
    }
  }
}

TEST(Decomposition, OrderIsIndependentOfRankCount) {
  const auto layout = irregular_layout();
  const Decomposition a(layout, 1), b(layout, 5);
  EXPECT_EQ(a.tile_order(), b.tile_order());
}

TEST(Decomposition, MoreRanksThanTilesLeavesSomeEmpty) {
  TileLayout probe(256);
  std::vector<std::int64_t> counts(static_cast<std::size_t>(probe.n_tiles()), 0);
  counts[10] = 5;
  counts[11] = 5;
  const TileLayout layout(256, counts);
  const Decomposition d(layout, 4);
  std::size_t owned = 0;
  for (int r = 0; r < 4; ++r) owned += d.tiles_of(r).size();
  EXPECT_EQ(owned, 2U);
}

TEST(Decomposition, SegmentsBalanceToWithinOneTilePerSegment) {
  const auto layout = irregular_layout();
  for (int p : {2, 3, 4}) {
    const Decomposition d(layout, p);
    const double ideal = static_cast<double>(layout.total_active()) / p;
    const double slack = 16000.0 * Decomposition::k_default_segments_per_rank;
    for (int r = 0; r < p; ++r) EXPECT_NEAR(static_cast<double>(d.cells_of(r)), ideal, slack) << r << " of " << p;
  }
}
