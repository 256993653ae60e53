// polder compare's pure part: runs are refused unless they share input stack, climate file, grid and
// years (each difference named), and the comparison holds each run's values and other - base exactly,
// per CRT category, total and CRT row, nationally and for a province, with the year and category filters.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "solver/core/error.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/reporting/inventory_builder.hpp"
#include "solver/reporting/run_comparison.hpp"
#include "tests/reporting/report_fixture.hpp"

using namespace polder;
using namespace polder::reporting;

namespace {

/// The fixture run with the provenance polder run writes (digests, grid, parameters).
InventoryData run(const std::string& source,
                  const std::vector<model::YearTotals>& years = polder::testing::report_years()) {
  InventoryData built = build_inventory_data(years, polder::testing::report_eu_parameters());
  InventoryData d(source);
  for (const auto& [path, set] : built.all()) d.put(path, set);
  d.put("/provenance/inputs/role", text_dataset({"input stack", "climate"}));
  d.put("/provenance/inputs/path", text_dataset({"stack.nc", "climate.nc"}));
  d.put("/provenance/inputs/digest", text_dataset({"aaaaaaaaaaaaaaaa1111", "cccccccccccccccc2222"}));
  d.put("/provenance/parameters/name", text_dataset({"eu.annex_iia.value_2030", "nl.land_use_goal_2030"}));
  d.put("/provenance/parameters/value", f64_dataset({2}, {4523, 1800}));
  d.put("/provenance/parameters/source", text_dataset({"Annex IIa column D", "Kamerbrief kst-28625-356"}));
  d.set_attribute("/", "scenario", "Hd");
  d.set_attribute("/provenance", "region", "utrecht");
  d.set_attribute("/provenance", "tile_size", "32");
  d.set_attribute("/provenance", "active_cells", "76800");
  d.set_attribute("/provenance", "seed", "7");
  return d;
}

RunFacts facts(const InventoryData& d) {
  RunFacts f = run_facts(d);
  f.label = d.source();
  return f;
}

template <typename E, typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "";
}

std::string refusal(const InventoryData& base, const InventoryData& other, bool common = false) {
  return error_of<InputError>([&] { check_comparable({facts(base), facts(other)}, common); });
}

/// The fixture run with every CRT net emission of grassland (row 4.C.1) raised by `extra` tonnes of CO2
/// booked as organic-soil carbon loss: a second run with a known difference.
std::vector<model::YearTotals> changed_years(double extra_t_c) {
  auto years = polder::testing::report_years();
  for (auto& y : years) {
    const auto i = model::ledger_index(5, model::conversion_row(2, 2), model::qi(model::Quantity::organic_soil_tc));
    y.ledger[i] -= static_cast<std::int64_t>(extra_t_c / model::k_ledger_quantum);
  }
  return years;
}

}  // namespace

TEST(RunComparison, FactsComeFromTheProvenance) {
  const auto f = facts(run("base.h5"));
  EXPECT_EQ(f.input_digest, "aaaaaaaaaaaaaaaa1111");
  EXPECT_EQ(f.climate_digest, "cccccccccccccccc2222");
  EXPECT_EQ(f.region, "utrecht");
  EXPECT_EQ(f.tile_size.value_or(0), 32);
  EXPECT_EQ(f.active_cells.value_or(0), 76800);
  EXPECT_EQ(f.scenario, "Hd");
  EXPECT_EQ((f.years), (std::vector<std::int32_t>{2020, 2021, 2022}));
  EXPECT_FALSE(f.measure_files.has_value());  // an inventory from before measures were recorded
  auto d = run("m.h5");
  d.set_attribute("/provenance", "measure_files", "configs/measures/a.ini\nconfigs/measures/b.ini\n");
  ASSERT_TRUE(run_facts(d).measure_files.has_value());
  EXPECT_EQ(*run_facts(d).measure_files,
            (std::vector<std::string>{"configs/measures/a.ini", "configs/measures/b.ini"}));
  d.set_attribute("/provenance", "measure_files", "");
  EXPECT_TRUE(run_facts(d).measure_files->empty());
}

TEST(RunComparison, ComparableRunsMayDifferInScenarioSeedAndParameters) {
  const auto base = run("base.h5");
  auto other = run("other.h5", changed_years(1000));
  other.set_attribute("/", "scenario", "Ld");
  other.set_attribute("/provenance", "seed", "8");
  auto fo = facts(other);
  fo.parameters_digest = "another";
  EXPECT_EQ(check_comparable({facts(base), fo}, false), (std::vector<std::int32_t>{2020, 2021, 2022}));
}

TEST(RunComparison, EachDifferenceOfInputGridOrYearsIsNamed) {
  const auto base = run("base.h5");
  auto other = run("other.h5");
  other.put("/provenance/inputs/digest", text_dataset({"bbbbbbbbbbbbbbbb1111", "cccccccccccccccc2222"}));
  auto msg = refusal(base, other);
  EXPECT_NE(msg.find("input stack digest differs: base.h5 aaaaaaaaaaaa... vs other.h5 bbbbbbbbbbbb..."),
            std::string::npos)
      << msg;
  EXPECT_EQ(msg.find("climate file digest"), std::string::npos) << msg;

  other = run("other.h5");
  other.put("/provenance/inputs/digest", text_dataset({"aaaaaaaaaaaaaaaa1111", "dddd"}));
  EXPECT_NE(refusal(base, other).find("climate file digest differs"), std::string::npos);

  other = run("other.h5");
  other.set_attribute("/provenance", "region", "national");
  other.set_attribute("/provenance", "tile_size", "64");
  other.set_attribute("/provenance", "active_cells", "76801");
  msg = refusal(base, other);
  EXPECT_NE(msg.find("region differs: base.h5 'utrecht' vs other.h5 'national'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("grid tile size differs: base.h5 32 vs other.h5 64"), std::string::npos) << msg;
  EXPECT_NE(msg.find("active cell count differs: base.h5 76800 vs other.h5 76801"), std::string::npos) << msg;

  // Years: the same list, unless --common-years, which needs an overlap and compares only it.
  auto years = polder::testing::report_years();
  years.pop_back();
  other = run("short.h5", years);
  msg = refusal(base, other);
  EXPECT_NE(msg.find("years differ: base.h5 2020-2022 vs short.h5 2020-2021"), std::string::npos) << msg;
  EXPECT_EQ(check_comparable({facts(base), facts(other)}, true), (std::vector<std::int32_t>{2020, 2021}));
  years = polder::testing::report_years();
  for (auto& y : years) y.year += 10;
  other = run("later.h5", years);
  EXPECT_NE(refusal(base, other, true).find("no year in common: base.h5 2020-2022 vs later.h5 2030-2032"),
            std::string::npos);
}

TEST(RunComparison, EveryRunIsCheckedAgainstTheBase) {
  const auto base = run("base.h5"), same = run("same.h5");
  auto far = run("far.h5");
  far.set_attribute("/provenance", "tile_size", "16");
  const auto msg = error_of<InputError>([&] { check_comparable({facts(base), facts(same), facts(far)}, false); });
  EXPECT_NE(msg.find("far.h5 16"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("same.h5"), std::string::npos) << msg;
}

TEST(RunComparison, SummaryHoldsValuesAndDifferencesFromTheBase) {
  const auto base = run("base.h5");
  const auto other = run("other.h5", changed_years(1000));  // 1000 t C more lost: +3.667 kt CO2
  const std::vector<const InventoryData*> data = {&base, &other};
  const std::vector<RunFacts> f = {facts(base), facts(other)};
  const auto c = compare_runs(data, f, {2020, 2021, 2022}, {});
  ASSERT_EQ(c.years.size(), 3U);
  ASSERT_EQ(c.rows.size(), 8U);  // 4.A ... 4.G and the total
  EXPECT_EQ(c.rows[2].code, "4.C");
  EXPECT_EQ(c.rows[7].code, "4");  // the total, as in CRT Table 4
  const std::size_t nc = model::k_crt_categories;
  for (std::size_t y = 0; y < 3; ++y) {
    for (std::size_t k = 0; k < nc; ++k) {
      EXPECT_EQ(c.value(0, y, k), base.f64("/inventory/net_kt_co2e")[y * nc + k]);
      EXPECT_EQ(c.value(1, y, k), other.f64("/inventory/net_kt_co2e")[y * nc + k]);
      EXPECT_EQ(c.difference(1, y, k), c.value(1, y, k) - c.value(0, y, k));
      EXPECT_EQ(c.difference(0, y, k), 0.0);
    }
    EXPECT_EQ(c.value(1, y, 7), other.f64("/inventory/total_kt_co2e")[y]);
    EXPECT_NEAR(c.difference(1, y, 2), 44.0 / 12.0, 1e-9);  // grassland
    EXPECT_NEAR(c.difference(1, y, 7), 44.0 / 12.0, 1e-9);  // the total
    EXPECT_EQ(c.difference(1, y, 0), 0.0);                  // forest untouched
  }
  const auto t = comparison_table(c);
  ASSERT_EQ(t.columns, (std::vector<std::string>{"1 base", "2", "2 - 1"}));
  ASSERT_EQ(t.blocks.size(), 3U);
  EXPECT_EQ(t.blocks[1].year, 2021);
  EXPECT_EQ(t.blocks[1].rows[2].cells[2].value, c.difference(1, 1, 2));
}

TEST(RunComparison, FiltersSelectYearsCategoryAndProvince) {
  const auto base = run("base.h5"), other = run("other.h5", changed_years(1000));
  const std::vector<const InventoryData*> data = {&base, &other};
  const std::vector<RunFacts> f = {facts(base), facts(other)};
  ComparisonRequest q;
  q.filter.last_year_by_default = true;  // the terminal
  EXPECT_EQ(compare_runs(data, f, {2020, 2021, 2022}, q).years, (std::vector<std::int32_t>{2022}));
  q.filter.first_year = 2020;
  q.filter.last_year = 2021;
  q.filter.category = 2;
  const auto c = compare_runs(data, f, {2020, 2021, 2022}, q);
  EXPECT_EQ(c.years, (std::vector<std::int32_t>{2020, 2021}));
  ASSERT_EQ(c.rows.size(), 1U);  // one category, no total
  EXPECT_EQ(c.rows[0].code, "4.C");
  q.filter.first_year = 2019;
  EXPECT_THROW(compare_runs(data, f, {2020, 2021, 2022}, q), ConfigError);

  // A province: its land categories from /provinces and their sum; 4.G is national.
  ComparisonRequest p;
  p.filter.province = 5;
  const auto g = compare_runs(data, f, {2020, 2021, 2022}, p);
  ASSERT_EQ(g.rows.size(), 7U);
  const auto prov = other.f64("/provinces/net_kt_co2e");
  double total = 0.0;
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(g.value(1, 2, k), prov[(2 * 12 + 5) * 7 + k]);
    total += prov[(2 * 12 + 5) * 7 + k];
  }
  EXPECT_EQ(g.value(1, 2, 6), total);
  EXPECT_NEAR(g.difference(1, 2, 2), 44.0 / 12.0, 1e-9);
  p.filter.category = model::k_crt_hwp;
  EXPECT_THROW(compare_runs(data, f, {2020, 2021, 2022}, p), ConfigError);
}

TEST(RunComparison, CrtRowsComeFromTheCrtTableAndTheLedger) {
  const auto base = run("base.h5"), other = run("other.h5", changed_years(1000));
  const std::vector<const InventoryData*> data = {&base, &other};
  const std::vector<RunFacts> f = {facts(base), facts(other)};
  ComparisonRequest q;
  q.quantity = parse_compared_quantity("crt");
  const auto c = compare_runs(data, f, {2020, 2021, 2022}, q);
  ASSERT_EQ(c.rows.size(), 36U);
  // The CRT layout: per category the land remaining, then the conversions to it.
  EXPECT_EQ(c.rows[0].code, "4.A.1");
  EXPECT_EQ(c.rows[1].code, "4.A.2.1");
  EXPECT_EQ(c.rows[6].code, "4.B.1");
  EXPECT_EQ(c.rows[12].code, "4.C.1");
  const auto& codes = base.text("/crt/rows");
  for (std::size_t k = 0; k < 36; ++k) {
    const auto r = static_cast<std::size_t>(std::find(codes.begin(), codes.end(), c.rows[k].code) - codes.begin());
    ASSERT_LT(r, 36U) << c.rows[k].code;
    EXPECT_EQ(c.value(1, 1, k), other.f64("/crt/net_kt_co2e")[36 + r]) << c.rows[k].code;
  }
  const int grass = model::conversion_row(2, 2);
  EXPECT_NEAR(c.difference(1, 1, 12), 44.0 / 12.0, 1e-9);

  q.filter.category = 2;  // grassland rows only
  const auto g = compare_runs(data, f, {2020, 2021, 2022}, q);
  ASSERT_EQ(g.rows.size(), 6U);
  EXPECT_EQ(g.rows[0].code, "4.C.1");
  // Per province from the ledger, with the CRT arithmetic: Gelderland holds all grassland here.
  q.filter.province = 5;
  const auto p = compare_runs(data, f, {2020, 2021, 2022}, q);
  EXPECT_NEAR(p.value(1, 1, 0), other.f64("/crt/net_kt_co2e")[36 + static_cast<std::size_t>(grass)], 1e-9);
  EXPECT_NEAR(p.difference(1, 1, 0), 44.0 / 12.0, 1e-9);
  q.filter.province.reset();
  q.filter.category = model::k_crt_hwp;
  EXPECT_THROW(compare_runs(data, f, {2020, 2021, 2022}, q), ConfigError);
  EXPECT_THROW(parse_compared_quantity("4.A"), ConfigError);
}

TEST(RunComparison, TargetsCompareThe2030TotalWithBothGoals) {
  InventoryData d("t.h5");
  d.put("/inventory/years", int_dataset(ValueType::i32, {3}, {2029, 2030, 2031}));
  d.put("/inventory/total_kt_co2e", f64_dataset({3}, {5000, 4000, 3000}));
  d.put("/provenance/parameters/name", text_dataset({"eu.annex_iia.value_2030", "nl.land_use_goal_2030"}));
  d.put("/provenance/parameters/value", f64_dataset({2}, {4523, 1800}));
  d.put("/provenance/parameters/source", text_dataset({"Annex IIa column D", "Kamerbrief kst-28625-356"}));
  const auto targets = targets_in_provenance(d);
  ASSERT_TRUE(targets.nl_goal_2030_kt && targets.eu_value_2030_kt);
  EXPECT_EQ(*targets.nl_goal_2030_kt, 1800.0);
  RunFacts f;
  f.label = "t";
  const auto t = targets_table({&d}, {f}, targets);
  const auto& cells = t.blocks.at(0).rows.at(0).cells;
  EXPECT_EQ(cells[0].value, 4000.0);
  EXPECT_EQ(cells[1].value, 2200.0);    // 4000 - 1800: the Dutch goal missed by 2.2 Mt
  EXPECT_EQ(cells[2].value, -523.0);    // 4000 - 4523: within the EU value
  EXPECT_EQ(cells[3].text, "missing");  // no EU accounting in this file
  EXPECT_EQ(cells[5].text, "not in run");
  EXPECT_NE(t.note.find("kst-28625-356"), std::string::npos);
  const auto none = targets_table({&d}, {f}, PolicyTargets{});
  EXPECT_EQ(none.blocks[0].rows[0].cells[1].text, "no goal");
}

TEST(RunComparison, LabelsAreFileStemsMadeUnique) {
  EXPECT_EQ(run_labels({"out/Hd_none.h5", "out/Ld_all.h5"}), (std::vector<std::string>{"Hd_none", "Ld_all"}));
  EXPECT_EQ(run_labels({"a/run.h5", "b/run.h5", "c.h5"}), (std::vector<std::string>{"run#1", "run#2", "c"}));
}
