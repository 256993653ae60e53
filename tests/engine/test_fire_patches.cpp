#include <gtest/gtest.h>

#include <algorithm>

#include "solver/engine/fire_patches.hpp"
#include "solver/grid/national_grid.hpp"

using namespace polder;
using grid::NationalGrid;

namespace {
std::int64_t id(std::int32_t r, std::int32_t c) { return NationalGrid::cell_id(r, c); }
}  // namespace

TEST(FirePatches, JoinsEightNeighboursAndCountsPatchesOfThirtyHectares) {
  std::vector<std::int64_t> ids;
  // A 480-cell block (30 ha exactly), a diagonal chain of 3 cells, a single cell, and two cells at the
  // ends of neighbouring rows that must not join across the grid's east edge.
  for (std::int32_t r = 100; r < 120; ++r)
    for (std::int32_t c = 200; c < 224; ++c) ids.push_back(id(r, c));
  ids.push_back(id(10, 10));
  ids.push_back(id(11, 11));
  ids.push_back(id(12, 10));
  ids.push_back(id(500, 500));
  ids.push_back(id(600, NationalGrid::n_cols - 1));
  ids.push_back(id(601, 0));
  std::reverse(ids.begin(), ids.end());  // order does not matter
  const auto p = engine::fire_patches(ids);
  EXPECT_EQ(p.patches, 5);
  EXPECT_EQ(p.large_cells, 480);
  EXPECT_EQ(p.largest_cells, 480);
}

TEST(FirePatches, OneCellShortOfThirtyHectaresIsNotEffisSized) {
  std::vector<std::int64_t> ids;
  for (std::int32_t k = 0; k < 479; ++k) ids.push_back(id(50, 1000 + k));  // one long line
  const auto p = engine::fire_patches(ids);
  EXPECT_EQ(p.patches, 1);
  EXPECT_EQ(p.large_cells, 0);
  EXPECT_EQ(p.largest_cells, 479);
  EXPECT_EQ(engine::fire_patches(std::vector<std::int64_t>{}).patches, 0);
}
