// The report tables: values in the CRT layout match the inventory datasets they come from, notation
// keys where nothing is estimated or occurs, and filters a table cannot apply are refused.

#include <gtest/gtest.h>

#include <cmath>

#include "solver/core/error.hpp"
#include "solver/reporting/inventory_builder.hpp"
#include "solver/reporting/report_catalogue.hpp"
#include "tests/reporting/report_fixture.hpp"

using namespace polder;
using namespace polder::reporting;

namespace {

InventoryData data() {
  return build_inventory_data(polder::testing::report_years(), polder::testing::report_eu_parameters());
}

ReportTable only(const BuiltReport& r) {
  EXPECT_EQ(r.tables.size(), 1U);
  return r.tables.at(0);
}

ReportSelection named(std::vector<std::string> keys) {
  ReportSelection s;
  s.keys = std::move(keys);
  return s;
}

const ReportRow& row(const ReportBlock& b, const std::string& code) {
  for (const auto& r : b.rows)
    if (r.code == code) return r;
  throw std::runtime_error("no row " + code);
}

}  // namespace

TEST(ReportTables, Table4AFollowsTheCrtLayoutAndTheDatasets) {
  const auto d = data();
  const auto r = build_report(d, named({"4.A"}));
  const auto& t = only(r);
  ASSERT_EQ(t.blocks.size(), 3U);  // every year
  const auto& b = t.blocks[2];
  EXPECT_EQ(b.year, 2022);
  ASSERT_EQ(t.columns.size(), 18U);
  const auto& remaining = row(b, "4.A.1");
  EXPECT_EQ(remaining.label, "Forest land remaining forest land");
  EXPECT_NEAR(remaining.cells[0].value, 1.0, 1e-12);   // 1000 ha = 1 kha
  EXPECT_NEAR(remaining.cells[1].value, 0.9, 1e-12);   // mineral
  EXPECT_NEAR(remaining.cells[3].value, 2.2, 1e-9);    // IEF gains: 2200 t C / 1000 ha
  EXPECT_NEAR(remaining.cells[10].value, 2.2, 1e-9);   // gains, kt C
  EXPECT_NEAR(remaining.cells[11].value, -0.5, 1e-9);  // losses are negative
  const double co2 = d.f64("/crt/co2_kt")[2 * 36 + 0];
  EXPECT_NEAR(remaining.cells[17].value, co2, 1e-12);
  EXPECT_NEAR(co2, -44.0 / 12.0 * (2.2 - 0.5 + 0.02), 1e-9);
  // Nothing converted to forest land: NO, as the CRT writes it.
  EXPECT_EQ(row(b, "4.A.2.1").cells[0].text, "NO");
  EXPECT_EQ(row(b, "4.A").level, 0);
  EXPECT_EQ(row(b, "4.A.2.1").level, 2);
}

TEST(ReportTables, ProvinceFilterUsesTheLedger) {
  const auto d = data();
  auto s = named({"4.C"});
  s.filter.province = 6;  // Utrecht: no grassland
  EXPECT_EQ(only(build_report(d, s)).blocks[0].rows[0].cells[0].text, "NO");
  s.filter.province = 5;  // Gelderland: 550 ha
  EXPECT_NEAR(only(build_report(d, s)).blocks[0].rows[0].cells[0].value, 0.55, 1e-12);
}

TEST(ReportTables, TransitionMatrixAndNotEstimatedTables) {
  const auto d = data();
  const auto& t = only(build_report(d, named({"4.1"})));
  const auto& b = t.blocks[0];
  EXPECT_NEAR(row(b, "4.B").cells[2].value, 0.01, 1e-9);  // cropland -> grassland
  EXPECT_NEAR(row(b, "final").cells[2].value, 0.56, 1e-9);
  EXPECT_NEAR(row(b, "final").cells[6].value, 1.56, 1e-9);
  const auto& n = only(build_report(d, named({"4(I)"})));
  EXPECT_EQ(n.blocks[0].rows[0].cells[2].text, "NE");
}

TEST(ReportTables, YearRangeSelectsAndRefusesYearsNotInTheRun) {
  const auto d = data();
  auto s = named({"summary"});
  s.filter.first_year = 2021;
  s.filter.last_year = 2022;
  const auto& t = only(build_report(d, s));
  ASSERT_EQ(t.blocks[0].rows.size(), 2U);
  EXPECT_EQ(t.blocks[0].rows[0].code, "2021");
  s.filter.first_year = 2019;
  EXPECT_THROW(build_report(d, s), ConfigError);
}

TEST(ReportTables, AFilterATableCannotApplyIsRefused) {
  const auto d = data();
  auto s = named({"4.1"});
  s.filter.province = 3;
  EXPECT_THROW(build_report(d, s), ConfigError);  // no per-province transition matrix
  s = named({"4.A"});
  s.filter.category = 1;
  EXPECT_THROW(build_report(d, s), ConfigError);  // 4.A holds forest land only
  s = named({"eu"});
  s.filter.first_year = 2021;
  EXPECT_THROW(build_report(d, s), ConfigError);  // the periods are fixed by law
  s = named({"no-such-table"});
  EXPECT_THROW(build_report(d, s), ConfigError);
  // Without named tables, the ones that cannot apply the filter are left out and named.
  ReportSelection all;
  all.filter.category = 1;
  const auto r = build_report(d, all);
  EXPECT_NE(std::find(r.left_out.begin(), r.left_out.end(), "4.A"), r.left_out.end());
  EXPECT_NE(std::find(r.left_out.begin(), r.left_out.end(), "4.1"), r.left_out.end());
  for (const auto& t : r.tables) EXPECT_NE(t.key, "4.A");
}

TEST(ReportTables, EuAccountingAskedForARunWithoutItsPeriodsIsAnInputError) {
  const auto d = data();  // 2020-2022: no EU test can be evaluated
  EXPECT_THROW(build_report(d, named({"eu"})), InputError);
  // In the whole workbook the EU sheet is kept, with its terms marked missing.
  const auto r = build_report(d, ReportSelection{});
  bool found = false;
  for (const auto& t : r.tables)
    if (t.key == "eu") {
      found = true;
      EXPECT_EQ(t.blocks[0].rows[0].cells[0].text, "missing");
    }
  EXPECT_TRUE(found);
}

TEST(ReportTables, ParsesCategoriesProvincesAndYears) {
  EXPECT_EQ(parse_category("4.B"), 1);
  EXPECT_EQ(parse_category("grassland"), 2);
  EXPECT_EQ(parse_category("HWP"), 6);
  EXPECT_THROW(parse_category("4.X"), ConfigError);
  EXPECT_EQ(parse_province("Utrecht"), 6);
  EXPECT_EQ(parse_province("fryslân"), 1);
  EXPECT_EQ(parse_province("friesland"), 1);
  EXPECT_THROW(parse_province("utrech"), ConfigError);
  EXPECT_EQ(parse_year_range("2021-2025", "--years"), (std::pair<std::int32_t, std::int32_t>{2021, 2025}));
  EXPECT_EQ(parse_year_range("2020", "--years"), (std::pair<std::int32_t, std::int32_t>{2020, 2020}));
  EXPECT_THROW(parse_year_range("2025-2021", "--years"), ConfigError);
  EXPECT_THROW(parse_year_range("20x1", "--years"), ConfigError);
}
