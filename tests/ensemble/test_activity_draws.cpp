// Activity-data draws: reproducible, the same for any decomposition and tile visit order, kept in
// 1 ha patches, at the keep fraction on average, and nothing removed in the central draw.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "solver/ensemble/activity_draws.hpp"

using namespace polder::ensemble;

namespace {
constexpr std::int64_t k_cols = 96, k_rows = 80;  // a small grid, row-major cell ids

/// Decisions for every cell, visiting tiles of `tile` cells in the given tile order and the cells of
/// each tile in reverse if asked: what ranks of two decompositions would compute.
std::map<std::int64_t, int> visit(std::int64_t tile, const std::vector<std::int64_t>& tile_order, bool reverse,
                                  std::int64_t draw, double keep) {
  std::map<std::int64_t, int> out;
  const std::int64_t tiles_x = k_cols / tile;
  for (const std::int64_t t : tile_order) {
    const std::int64_t r0 = (t / tiles_x) * tile, c0 = (t % tiles_x) * tile;
    std::vector<std::int64_t> cells;
    for (std::int64_t r = r0; r < r0 + tile; ++r)
      for (std::int64_t c = c0; c < c0 + tile; ++c) cells.push_back(r * k_cols + c);
    if (reverse) std::reverse(cells.begin(), cells.end());
    for (const auto id : cells) {
      const auto patch = patch_id(id, k_cols);
      out[id] =
          (keep_mapped_change(31, draw, patch, 2, keep) ? 1 : 0) + (keep_organic_soil(31, draw, patch, keep) ? 2 : 0);
    }
  }
  return out;
}
}  // namespace

TEST(ActivityDraws, SameDecisionsForAnyDecompositionAndVisitOrder) {
  std::vector<std::int64_t> by_rows(static_cast<std::size_t>((k_cols / 16) * (k_rows / 16)));
  for (std::size_t i = 0; i < by_rows.size(); ++i) by_rows[i] = static_cast<std::int64_t>(i);
  std::vector<std::int64_t> scrambled(static_cast<std::size_t>((k_cols / 8) * (k_rows / 8)));
  for (std::size_t i = 0; i < scrambled.size(); ++i)
    scrambled[i] = static_cast<std::int64_t>((i * 37) % scrambled.size());
  for (const std::int64_t draw : {1, 17}) {
    const auto a = visit(16, by_rows, false, draw, 0.7);
    const auto b = visit(8, scrambled, true, draw, 0.7);
    ASSERT_EQ(a.size(), static_cast<std::size_t>(k_cols * k_rows));
    EXPECT_EQ(a, b);
  }
}

TEST(ActivityDraws, PatchesKeepOrLoseTogether) {
  EXPECT_EQ(patch_id(0, k_cols), 0);
  EXPECT_EQ(patch_id(3 * k_cols + 3, k_cols), 0);  // the 4 x 4 block of cell (0, 0)
  EXPECT_EQ(patch_id(4, k_cols), 1);
  EXPECT_EQ(patch_id(4 * k_cols, k_cols), k_cols / 4);
  const auto d = visit(16, {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14,
                            15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29},
                       false, 3, 0.5);
  int mixed = 0;
  for (std::int64_t r = 0; r < k_rows; r += 4)
    for (std::int64_t c = 0; c < k_cols; c += 4) {
      const int first = d.at(r * k_cols + c);
      for (std::int64_t i = 0; i < 4; ++i)
        for (std::int64_t j = 0; j < 4; ++j) mixed += d.at((r + i) * k_cols + c + j) != first;
    }
  EXPECT_EQ(mixed, 0);
}

TEST(ActivityDraws, KeepFractionOnAverageAndIndependentStreams) {
  const int n = 100000;
  const double f = 0.8;
  int kept = 0, both = 0, organic = 0;
  for (int p = 0; p < n; ++p) {
    const bool change = keep_mapped_change(11, 5, p, 0, f);
    const bool soil = keep_organic_soil(11, 5, p, f);
    kept += change;
    organic += soil;
    both += change && soil;
  }
  const double se = std::sqrt(f * (1 - f) / n);
  EXPECT_NEAR(kept / double(n), f, 5 * se);
  EXPECT_NEAR(organic / double(n), f, 5 * se);
  EXPECT_NEAR(both / double(n), f * f, 5 * std::sqrt(f * f * (1 - f * f) / n));  // independent streams
  // Another draw, another interval: other decisions.
  int same_draw = 0, same_interval = 0;
  for (int p = 0; p < 1000; ++p) {
    same_draw += keep_mapped_change(11, 5, p, 0, f) == keep_mapped_change(11, 6, p, 0, f);
    same_interval += keep_mapped_change(11, 5, p, 0, f) == keep_mapped_change(11, 5, p, 1, f);
  }
  EXPECT_LT(same_draw, 800);  // independent: agreement f^2 + (1-f)^2 = 0.68 of the time
  EXPECT_LT(same_interval, 800);
}

TEST(ActivityDraws, CentralDrawAndFullKeepChangeNothing) {
  for (int p = 0; p < 1000; ++p) {
    EXPECT_TRUE(keep_mapped_change(1, 0, p, 0, 0.0));
    EXPECT_TRUE(keep_organic_soil(1, 0, p, 0.0));
    EXPECT_TRUE(keep_mapped_change(1, 3, p, 0, 1.0));
  }
  EXPECT_FALSE(keep_mapped_change(1, 3, 5, 0, 0.0));
}

TEST(ActivityDraws, ThinningAMapSequenceMovesRejectedChangesLater) {
  std::vector<std::uint8_t> codes = {1, 2, 2, 3};
  EXPECT_EQ(thin_land_use_sequence(codes, 1, 4, 9, 1.0), 0);
  EXPECT_EQ(codes, (std::vector<std::uint8_t>{1, 2, 2, 3}));
  // Nothing kept: each later map is taken to be wrong in turn, the cell keeps its first use.
  EXPECT_EQ(thin_land_use_sequence(codes, 1, 4, 9, 0.0), 3);
  EXPECT_EQ(codes, (std::vector<std::uint8_t>{1, 1, 1, 1}));
  // Central draw: untouched.
  std::vector<std::uint8_t> central = {1, 2, 2, 3};
  EXPECT_EQ(thin_land_use_sequence(central, 1, 0, 9, 0.0), 0);
  // A partial keep gives the same result as the single decisions.
  for (int p = 0; p < 200; ++p) {
    std::vector<std::uint8_t> c = {5, 7, 7};
    thin_land_use_sequence(c, 3, 2, p, 0.5);
    const bool first = keep_mapped_change(3, 2, p, 0, 0.5);
    EXPECT_EQ(c[1], first ? 7 : 5);
    EXPECT_EQ(c[2], first || keep_mapped_change(3, 2, p, 1, 0.5) ? 7 : 5);
  }
}
