// The booking of span-kernel outputs: lane_sum is the four-lane sum it documents, bit for bit, for every
// length (including 0 and the tails), and KeyBooker books each column per reporting key as a sum over
// the key's runs, whatever the runs' lengths.
#include <gtest/gtest.h>

#include <array>
#include <random>
#include <vector>

#include "solver/engine/booking.hpp"

using namespace polder;

namespace {

double four_lane_reference(const std::vector<double>& x, std::size_t n) {
  std::array<double, 4> lane{};
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4)
    for (std::size_t k = 0; k < 4; ++k) lane[k] += x[i + k];
  for (; i < n; ++i) lane[0] += x[i];
  return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

}  // namespace

TEST(Booking, LaneSumIsTheFourLaneSumBitForBit) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(-1e3, 1e3);
  std::vector<double> x(300);
  for (auto& v : x) v = u(rng) * (rng() % 7 == 0 ? 1e-9 : 1.0);  // magnitudes that round differently
  for (std::size_t n = 0; n <= x.size(); ++n) ASSERT_EQ(engine::lane_sum(x.data(), n), four_lane_reference(x, n)) << n;
}

TEST(Booking, KeyBookerSumsEachColumnPerKeyOverItsRuns) {
  // Keys in runs of 1 to 9 records, a key coming back after others, two columns booked to two quantities.
  std::vector<engine::ReportKey> keys;
  std::mt19937_64 rng(5);
  const std::array<engine::ReportKey, 3> pool = {7, 40, 7 + model::k_ledger_rows};  // rows 7, 4; provinces 1, 2
  while (keys.size() < 500) {
    const auto k = pool[rng() % pool.size()];
    for (std::size_t r = 0, len = 1 + rng() % 9; r < len; ++r) keys.push_back(k);
  }
  std::vector<double> a(keys.size()), b(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    a[i] = 0.5 + static_cast<double>(i % 13);
    b[i] = -static_cast<double>(i % 5);
  }
  const std::array<const double*, 2> columns = {a.data(), b.data()};
  const std::array<engine::Booking, 2> table = {{{0, model::Quantity::organic_soil_tc}, {1, model::Quantity::doc_tc}}};
  engine::TileLedger ledger;
  engine::KeyBooker booker;
  booker.book(keys, columns, table, ledger);
  std::vector<std::int64_t> folded(model::k_ledger_size, 0), transitions(model::k_transition_size, 0);
  std::int64_t residual = 0, scale = 0, nonfinite = 0;
  ledger.fold_into(folded, transitions, residual, scale, nonfinite);
  for (const auto key : pool) {
    double sa = 0.0, sb = 0.0;
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) {
        sa += a[i];
        sb += b[i];
      }
    const int province0 = key / model::k_ledger_rows, row = key % model::k_ledger_rows;
    const auto at = [&](model::Quantity q) {
      return static_cast<double>(folded[model::ledger_index(province0, row, model::qi(q))]) * model::k_ledger_quantum;
    };
    // Integer-valued sums (x the cell area, 0.0625 ha) are exact in any order.
    EXPECT_DOUBLE_EQ(at(model::Quantity::organic_soil_tc), sa * engine::k_cell_ha) << key;
    EXPECT_DOUBLE_EQ(at(model::Quantity::doc_tc), sb * engine::k_cell_ha) << key;
  }
  EXPECT_EQ(nonfinite, 0);
}
