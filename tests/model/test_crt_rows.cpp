#include <gtest/gtest.h>

#include <set>

#include "solver/model/crt_rows.hpp"
#include "solver/reporting/crt_arithmetic.hpp"

using namespace polder::model;
using polder::reporting::category_co2e_kt;
using polder::reporting::national_row;
using polder::reporting::row_gases;

TEST(CrtRows, CodesFollowTheCrtNumbering) {
  EXPECT_EQ(crt_row_code(conversion_row(0, 0)), "4.A.1");
  EXPECT_EQ(crt_row_code(conversion_row(0, 1)), "4.A.2.1");  // cropland converted to forest land
  EXPECT_EQ(crt_row_code(conversion_row(0, 5)), "4.A.2.5");  // other land converted to forest land
  EXPECT_EQ(crt_row_code(conversion_row(1, 0)), "4.B.2.1");  // forest land converted to cropland
  EXPECT_EQ(crt_row_code(conversion_row(1, 2)), "4.B.2.2");  // grassland converted to cropland
  EXPECT_EQ(crt_row_code(conversion_row(4, 5)), "4.E.2.5");
  EXPECT_EQ(crt_row_name(conversion_row(2, 1)), "Cropland converted to grassland");
  EXPECT_EQ(crt_row_name(conversion_row(3, 3)), "Wetlands remaining wetlands");
  std::set<std::string> codes;
  for (int r = 0; r < k_conversion_rows; ++r) codes.insert(crt_row_code(r));
  EXPECT_EQ(codes.size(), static_cast<std::size_t>(k_conversion_rows));
}

TEST(InventoryTables, GasesAndSignsFollowTheCrt) {
  YearTotals y;
  const auto set = [&](int p, int row, Quantity q, double v) {
    y.ledger[ledger_index(p, row, qi(q))] = static_cast<std::int64_t>(v / k_ledger_quantum);
  };
  const int forest = conversion_row(0, 0), grass = conversion_row(2, 2);
  set(0, forest, Quantity::lb_gain_tc, 1000.0);  // 1 kt C gained: a removal
  set(0, forest, Quantity::lb_loss_tc, 400.0);
  set(3, grass, Quantity::organic_soil_tc, -300.0);  // peat oxidation: an emission
  set(3, grass, Quantity::doc_tc, 10.0);
  set(3, grass, Quantity::ch4_organic_t, 2.0);
  set(3, grass, Quantity::n2o_organic_t, 1.0);
  const auto f = national_row(y, forest);
  EXPECT_NEAR(f.co2_t, -44.0 / 12.0 * 600.0, 1e-6);
  const auto g = row_gases(y, 3, grass);
  EXPECT_NEAR(g.co2_t, 44.0 / 12.0 * 310.0, 1e-6);
  EXPECT_NEAR(g.co2e_t(), 44.0 / 12.0 * 310.0 + 28.0 * 2.0 + 265.0 * 1.0, 1e-6);
  const auto cat = category_co2e_kt(y);
  EXPECT_NEAR(cat[0], -2.2, 1e-9);
  EXPECT_NEAR(cat[2], g.co2e_t() * 1e-3, 1e-12);
  EXPECT_NEAR(category_co2e_kt(y, 3)[0], 0.0, 1e-12);  // province 4 has no forest flux
}
