// The exact reduction: tile sums rounded to quanta and added as integers give the same totals in any
// grouping and order, which floating-point sums do not.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "solver/engine/tile_ledger.hpp"

using namespace polder;

TEST(TileLedger, IntegerReductionIsOrderIndependent) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> value(-1e3, 1e3);
  std::vector<std::vector<double>> tiles(200);
  for (auto& t : tiles)
    for (int k = 0; k < 50; ++k) t.push_back(value(rng) * std::pow(10.0, k % 7 - 3));

  const auto total = [&](const std::vector<std::size_t>& order, std::size_t groups) {
    // Tiles folded into `groups` partial ledgers (threads or ranks), then partials added.
    std::vector<std::vector<std::int64_t>> partial(groups, std::vector<std::int64_t>(model::k_ledger_size, 0));
    std::vector<std::vector<std::int64_t>> trans(groups, std::vector<std::int64_t>(model::k_transition_size, 0));
    std::int64_t r = 0, s = 0, bad = 0;
    engine::TileLedger tl;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const auto& t = tiles[order[k]];
      for (const double v : t) tl.row(3, 7)[2] += v;
      tl.fold_into(partial[k % groups], trans[k % groups], r, s, bad);
    }
    std::int64_t sum = 0;
    for (const auto& p : partial) sum += p[model::ledger_index(3, 7, 2)];
    return sum;
  };
  std::vector<std::size_t> order(tiles.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto reference = total(order, 1);
  for (std::size_t groups : {2, 3, 7}) {
    std::shuffle(order.begin(), order.end(), rng);
    EXPECT_EQ(total(order, groups), reference) << groups << " groups";
  }
}

TEST(TileLedger, SlotsAreIndependentAndClearedAfterFolding) {
  engine::TileLedger tl;
  tl.row(0, 0)[0] += 1.5;
  tl.row(11, 35)[20] += 2.25;
  tl.row(0, 0)[0] += 0.5;
  tl.add_transition(2, 1, 4, 0.0625);
  std::vector<std::int64_t> ledger(model::k_ledger_size, 0), trans(model::k_transition_size, 0);
  std::int64_t r = 0, s = 0, bad = 0;
  tl.fold_into(ledger, trans, r, s, bad);
  EXPECT_EQ(ledger[model::ledger_index(0, 0, 0)], engine::TileLedger::quantise(2.0));
  EXPECT_EQ(ledger[model::ledger_index(11, 35, 20)], engine::TileLedger::quantise(2.25));
  EXPECT_EQ(trans[model::transition_index(2, 1, 4)], engine::TileLedger::quantise(0.0625));
  tl.fold_into(ledger, trans, r, s, bad);  // nothing left to add
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(ledger[model::ledger_index(0, 0, 0)], engine::TileLedger::quantise(2.0));
}

TEST(TileLedger, NonFiniteSumsAreCountedNotAdded) {
  engine::TileLedger tl;
  tl.row(1, 2)[3] += std::numeric_limits<double>::quiet_NaN();
  tl.row(1, 2)[4] += std::numeric_limits<double>::infinity();
  tl.row(1, 2)[5] += 1e12;  // beyond the integer ledger's range
  tl.row(1, 2)[6] += 1.0;
  tl.add_balance(std::numeric_limits<double>::quiet_NaN(), 1.0);
  std::vector<std::int64_t> ledger(model::k_ledger_size, 0), trans(model::k_transition_size, 0);
  std::int64_t r = 0, s = 0, bad = 0;
  tl.fold_into(ledger, trans, r, s, bad);
  EXPECT_EQ(bad, 4);
  EXPECT_EQ(ledger[model::ledger_index(1, 2, 3)], 0);
  EXPECT_EQ(ledger[model::ledger_index(1, 2, 6)], engine::TileLedger::quantise(1.0));
}
