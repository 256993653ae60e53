// The 4.D sub-rows: booked beside the ledger for wetland rows only, and closed onto the 4.D rows so
// that they add up exactly, with only rounding moved and anything larger refused.
#include <gtest/gtest.h>

#include "solver/core/error.hpp"
#include "solver/engine/tile_ledger.hpp"
#include "solver/engine/wetland_closure.hpp"

using namespace polder;
using model::LandCategory;
using model::LandUse;
using model::Quantity;

namespace {
constexpr int k_wet = model::index(LandCategory::wetlands);
constexpr auto code(LandUse lu) { return static_cast<std::uint8_t>(lu); }
int key(int province0, int to, int from) { return province0 * model::k_ledger_rows + model::conversion_row(to, from); }
}  // namespace

TEST(WetlandSubrows, OnlyWetlandRowsAreBookedToSubrows) {
  engine::TileLedger tl;
  std::array<double, model::k_quantities> per_ha{};
  per_ha[model::qi(Quantity::mineral_soil_tc)] = 2.0;
  tl.add_wetland(key(4, k_wet, k_wet), code(LandUse::salt_marsh), per_ha.data(), 0.0625);
  tl.add_wetland(key(4, k_wet, 2), code(LandUse::seagrass), per_ha.data(), 0.0625);    // converted to 4.D
  tl.add_wetland(key(4, 2, 2), code(LandUse::grassland_agri), per_ha.data(), 0.0625);  // not 4.D: ignored
  std::vector<std::int64_t> ledger(model::k_ledger_size, 0), trans(model::k_transition_size, 0), wetland;
  std::int64_t r = 0, s = 0, bad = 0;
  tl.fold_into(ledger, trans, r, s, bad, nullptr, &wetland);
  ASSERT_EQ(wetland.size(), model::k_wetland_ledger_size);
  const auto at = [&](model::WetlandSubrow sub) {
    return wetland[model::wetland_index(4, static_cast<int>(sub), model::qi(Quantity::mineral_soil_tc))];
  };
  EXPECT_EQ(at(model::WetlandSubrow::salt_marsh), engine::TileLedger::quantise(0.125));
  EXPECT_EQ(at(model::WetlandSubrow::seagrass), engine::TileLedger::quantise(0.125));
  std::int64_t total = 0;
  for (const auto v : wetland) total += v;
  EXPECT_EQ(total, 2 * engine::TileLedger::quantise(0.125));
  EXPECT_EQ(bad, 0);
}

TEST(WetlandSubrows, ClosureMovesRoundingToTheLargestSubrowAndRefusesMore) {
  model::YearTotals y;
  y.year = 2000;
  const int q = model::qi(Quantity::ch4_wetland_t);
  y.ledger[model::ledger_index(2, model::conversion_row(k_wet, k_wet), q)] = 1000;
  y.ledger[model::ledger_index(2, model::conversion_row(k_wet, 1), q)] = 503;
  y.wetland[model::wetland_index(2, 0, q)] = 300;
  y.wetland[model::wetland_index(2, 3, q)] = 1200;  // open water, the largest
  engine::close_wetland_subrows(y, 1);              // 3 quanta short: rounding
  EXPECT_EQ(y.wetland[model::wetland_index(2, 3, q)], 1203);
  EXPECT_EQ(y.wetland[model::wetland_index(2, 0, q)], 300);

  model::YearTotals missed = y;
  missed.ledger[model::ledger_index(5, model::conversion_row(k_wet, k_wet), q)] = 1000000;  // no sub-row booked
  EXPECT_THROW(engine::close_wetland_subrows(missed, 1), InternalError);
}
