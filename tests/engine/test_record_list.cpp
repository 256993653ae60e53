// Process lists: merging new records and dropping flagged ones keep the list sorted by cell with every
// column moved together, in place, whatever the pattern (empty list, all at the front, all at the back,
// interleaved, everything dropped).
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "solver/engine/process_lists.hpp"

using namespace polder;
using engine::TransitionList;

namespace {

/// The list as cell -> (key, rate, years) for comparison.
std::map<std::uint16_t, std::tuple<std::uint16_t, float, std::uint8_t>> as_map(const TransitionList& l) {
  std::map<std::uint16_t, std::tuple<std::uint16_t, float, std::uint8_t>> m;
  for (std::size_t r = 0; r < l.size(); ++r) m[l.cell[r]] = {l.key[r], l.rate[r], l.years_left[r]};
  return m;
}

void add(TransitionList& l, std::uint16_t cell) {
  const std::size_t r = l.push_back(cell, static_cast<std::uint16_t>(cell % 432));
  l.rate[r] = static_cast<float>(cell) * 0.5F;
  l.years_left[r] = static_cast<std::uint8_t>(cell % 20);
}

}  // namespace

TEST(RecordList, MergeAndEraseMatchAReference) {
  std::mt19937 rng(5);
  for (int trial = 0; trial < 200; ++trial) {
    TransitionList list, added;
    std::map<std::uint16_t, std::tuple<std::uint16_t, float, std::uint8_t>> reference;
    std::vector<std::uint16_t> cells;
    for (std::uint16_t c = 0; c < 400; ++c)
      if (rng() % 3 == 0) cells.push_back(c);
    // Some trials start empty, some add only before or after the existing cells.
    const int mode = trial % 4;
    for (const auto c : cells) {
      const bool to_list = mode == 0 ? false : mode == 1 ? c < 200 : mode == 2 ? c >= 200 : rng() % 2 == 0;
      add(to_list ? list : added, c);
    }
    reference = as_map(list);
    for (const auto& [c, v] : as_map(added)) reference[c] = v;
    list.merge(added);
    EXPECT_TRUE(added.empty());
    ASSERT_EQ(as_map(list), reference);
    ASSERT_TRUE(std::is_sorted(list.cell.begin(), list.cell.end()));
    for (std::size_t r = 0; r < list.size(); ++r) ASSERT_EQ(list.find(list.cell[r]), static_cast<std::ptrdiff_t>(r));
    // Drop a random subset (sometimes all).
    std::vector<std::uint8_t> drop(list.size());
    for (std::size_t r = 0; r < list.size(); ++r) {
      drop[r] = (trial % 7 == 0 || rng() % 4 == 0) ? 1 : 0;
      if (drop[r]) reference.erase(list.cell[r]);
    }
    list.erase_flagged(drop);
    ASSERT_EQ(as_map(list), reference);
  }
}

TEST(RecordList, FindOnAnEmptyListAndAbsentCells) {
  TransitionList l;
  EXPECT_EQ(l.find(3), -1);
  add(l, 2);
  add(l, 9);
  EXPECT_EQ(l.find(3), -1);
  EXPECT_EQ(l.find(9), 1);
}

// A splice (drop rows and merge new records in one move) gives the list that erase_rows then merge
// give, column by column, for drops and additions before, between, after and at the same place.
TEST(RecordList, SpliceEqualsEraseThenMerge) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 400; ++trial) {
    TransitionList a, b, added_a, added_b;
    for (std::uint16_t c = 0; c < 300; ++c) {
      const auto r = rng() % 5;
      if (r < 2) add(a, c);
      if (r == 2 || (r == 3 && trial % 3 == 0)) add(added_a, c);
    }
    // Drop some existing records (sometimes all, sometimes none); an added cell may replace a dropped one.
    std::vector<std::uint32_t> drop;
    for (std::uint32_t r = 0; r < a.size(); ++r)
      if (trial % 11 == 0 || (trial % 5 != 0 && rng() % 4 == 0)) drop.push_back(r);
    TransitionList kept_added;
    for (std::size_t r = 0; r < added_a.size(); ++r) {
      const std::ptrdiff_t at = a.find(added_a.cell[r]);
      if (at >= 0 && !std::binary_search(drop.begin(), drop.end(), static_cast<std::uint32_t>(at))) continue;
      add(kept_added, added_a.cell[r]);
    }
    for (std::size_t r = 0; r < kept_added.size(); ++r) add(added_b, kept_added.cell[r]);
    b = a;
    a.splice(drop, kept_added);
    b.erase_rows(drop);
    b.merge(added_b);
    ASSERT_EQ(a.cell, b.cell) << "trial " << trial;
    ASSERT_EQ(a.key, b.key);
    ASSERT_EQ(a.rate, b.rate);
    ASSERT_EQ(a.years_left, b.years_left);
    EXPECT_TRUE(kept_added.empty());
  }
}
