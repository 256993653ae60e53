// EU LULUCF accounting on a small hand-made CRT series. Every expected value is worked out by hand in
// the comments from the numbers put into the series, not taken from the code under test.

#include <gtest/gtest.h>

#include <cmath>

#include "solver/model/crt_category.hpp"
#include "solver/reporting/eu_accounting.hpp"
#include "solver/reporting/eu_ensemble.hpp"

using namespace polder::reporting;
using polder::model::conversion_row;

namespace {

constexpr int F = 0, C = 1, G = 2, W = 3, S = 4;  // land categories (to, from)

std::vector<std::int32_t> years(std::int32_t a, std::int32_t b) {
  std::vector<std::int32_t> v;
  for (std::int32_t y = a; y <= b; ++y) v.push_back(y);
  return v;
}

EuParameter given(const std::string& name, double v, bool verified = true) {
  EuParameter p(name);
  p.value = v;
  p.given = true;
  p.verified = verified;
  return p;
}

EuParameters parameters(double frl, double base_year, double wetland_elected = 0.0) {
  EuParameters p;
  p.forest_reference_level = given("eu.forest_reference_level", frl, false);
  p.base_year_emissions = given("eu.base_year_emissions", base_year);
  p.annex_iia_average_2016_2018 = given("eu.annex_iia.average_2016_2018", 4958);
  p.annex_iia_target_change = given("eu.annex_iia.target_change", -435);
  p.annex_iia_value_2030 = given("eu.annex_iia.value_2030", 4523);
  p.managed_wetland_elected = given("eu.managed_wetland_elected", wetland_elected);
  return p;
}

/// The series of the tests, 2005-2030 (or the years given):
///   base 2005-2009: cropland remaining 100, 110, 120, 130, 140 (mean 120); grassland remaining 50;
///                   wetlands remaining 30
///   2021-2025 each year: cropland remaining 90, cropland -> wetlands 10, grassland remaining 70,
///                   cropland -> grassland 5, grassland -> forest -20, forest -> settlements 30,
///                   forest remaining -400 with dead wood +10 kt C, wetlands remaining 40,
///                   settlements remaining 1000; HWP from afforested land -1 (sawnwood), from managed
///                   forest land sawnwood -50, panels -10, paper +5
///   2016-2018: settlements remaining 1000, 1100, 1200 (mean 1100), nothing else
///   2026-2029: settlements remaining `budget_years`; 2030: settlements remaining 600
CrtSeries series(const std::vector<double>& budget_years, const std::vector<std::int32_t>& ys = years(2005, 2030)) {
  CrtSeries s = CrtSeries::zeros(ys);
  for (std::size_t i = 0; i < ys.size(); ++i) {
    const std::int32_t y = ys[i];
    auto& r = s.row_net_kt_co2e[i];
    if (y >= 2005 && y <= 2009) {
      r[conversion_row(C, C)] = 100 + 10.0 * (y - 2005);
      r[conversion_row(G, G)] = 50;
      r[conversion_row(W, W)] = 30;
    }
    if (y >= 2016 && y <= 2018) r[conversion_row(S, S)] = 1000 + 100.0 * (y - 2016);
    if (y >= 2021 && y <= 2025) {
      r[conversion_row(C, C)] = 90;
      r[conversion_row(W, C)] = 10;
      r[conversion_row(G, G)] = 70;
      r[conversion_row(G, C)] = 5;
      r[conversion_row(F, G)] = -20;
      r[conversion_row(S, F)] = 30;
      r[conversion_row(F, F)] = -400;
      r[conversion_row(W, W)] = 40;
      r[conversion_row(S, S)] = 1000;
      s.row_dead_wood_kt_c[i][conversion_row(F, F)] = 10;
      s.hwp_kt_co2[i][index_of_origin(HwpOrigin::afforested_land)][0] = -1;
      auto& mfl = s.hwp_kt_co2[i][index_of_origin(HwpOrigin::managed_forest_land)];
      mfl = {-50, -10, 5};
    }
    if (y >= 2026 && y <= 2029) r[conversion_row(S, S)] = budget_years[static_cast<std::size_t>(y - 2026)];
    if (y == 2030) r[conversion_row(S, S)] = 600;
  }
  return s;
}

const std::string P = "period_2021_2025/";
const std::string B = "budget_2026_2029/";
const std::string T = "target_2030/";

}  // namespace

TEST(EuAccounting, CategoriesFollowArticle2) {
  EXPECT_EQ(accounting_category_of_row(conversion_row(F, F)), AccountingCategory::managed_forest_land);
  EXPECT_EQ(accounting_category_of_row(conversion_row(F, C)), AccountingCategory::afforested_land);
  EXPECT_EQ(accounting_category_of_row(conversion_row(C, F)), AccountingCategory::deforested_land);
  EXPECT_EQ(accounting_category_of_row(conversion_row(W, F)), AccountingCategory::deforested_land);
  EXPECT_EQ(accounting_category_of_row(conversion_row(C, G)), AccountingCategory::managed_cropland);  // to cropland
  EXPECT_EQ(accounting_category_of_row(conversion_row(S, C)), AccountingCategory::managed_cropland);  // from cropland
  EXPECT_EQ(accounting_category_of_row(conversion_row(G, C)), AccountingCategory::managed_grassland);
  EXPECT_EQ(accounting_category_of_row(conversion_row(W, G)), AccountingCategory::managed_grassland);
  EXPECT_EQ(accounting_category_of_row(conversion_row(W, S)), AccountingCategory::managed_wetland);
  EXPECT_EQ(accounting_category_of_row(conversion_row(S, W)), AccountingCategory::managed_wetland);
  EXPECT_EQ(accounting_category_of_row(conversion_row(S, S)), AccountingCategory::not_accounted);
  EXPECT_EQ(accounting_category_of_row(conversion_row(5, S)), AccountingCategory::not_accounted);
}

TEST(EuAccounting, FirstPeriodWithTheCapNotBinding) {
  const auto a = evaluate_eu_accounting(series({700, 690, 680, 670}), parameters(-300, 10000));
  // Afforested: 5 x (-20) + 5 x (-1) HWP = -105. Deforested: 5 x 30 = 150.
  EXPECT_NEAR(a.value(P + "afforested_land_kt_co2e"), -105, 1e-9);
  EXPECT_NEAR(a.value(P + "deforested_land_kt_co2e"), 150, 1e-9);
  // Cropland: reported 5 x (90 + 10) = 500; base mean 120; accounted 500 - 5 x 120 = -100.
  EXPECT_NEAR(a.value(P + "managed_cropland_reported_kt_co2e"), 500, 1e-9);
  EXPECT_NEAR(a.value(P + "managed_cropland_base_2005_2009_kt_co2e"), 120, 1e-9);
  EXPECT_NEAR(a.value(P + "managed_cropland_kt_co2e"), -100, 1e-9);
  // Grassland: reported 5 x (70 + 5) = 375; base 50; accounted 375 - 250 = 125.
  EXPECT_NEAR(a.value(P + "managed_grassland_kt_co2e"), 125, 1e-9);
  // Wetland (not elected): reported 200, base 30, accounted 50, but not in the total.
  EXPECT_NEAR(a.value(P + "managed_wetland_kt_co2e"), 50, 1e-9);
  // Managed forest land: 5 x (-400 - 50 - 10 + 5) = -2275; minus 5 x FRL (-1500) = -775.
  EXPECT_NEAR(a.value(P + "managed_forest_land_reported_kt_co2e"), -2275, 1e-9);
  EXPECT_NEAR(a.value(P + "managed_forest_land_difference_kt_co2e"), -775, 1e-9);
  // Exempt: 5 x (-44/12 x 10 - 50 - 10) = -483.33; cap 0.035 x 5 x 10000 = 1750.
  EXPECT_NEAR(a.value(P + "managed_forest_exempt_removals_kt_co2e"), 5 * (-44.0 / 12.0 * 10 - 60), 1e-9);
  EXPECT_NEAR(a.value(P + "managed_forest_cap_kt_co2e"), 1750, 1e-9);
  // -775 + 483.33 = -291.67 > -1750: not binding, accounted = -775.
  EXPECT_EQ(a.value(P + "managed_forest_cap_binding"), 0.0);
  EXPECT_NEAR(a.value(P + "managed_forest_land_kt_co2e"), -775, 1e-9);
  EXPECT_NEAR(a.value(P + "hwp_managed_forest_land_kt_co2"), -275, 1e-9);
  // Total: -105 + 150 - 100 + 125 - 775 = -705 <= 0: no debit.
  EXPECT_NEAR(a.value(P + "total_accounted_kt_co2e"), -705, 1e-9);
  EXPECT_EQ(a.value(P + "no_debit_met"), 1.0);
  // The FRL was marked unverified: the terms using it say so.
  EXPECT_EQ(a.term(P + "managed_forest_land_kt_co2e").unverified_parameters,
            std::vector<std::string>{"eu.forest_reference_level"});
  EXPECT_TRUE(a.term(P + "managed_cropland_kt_co2e").unverified_parameters.empty());
}

TEST(EuAccounting, TheCapBindsOnlyTheCappedPools) {
  const auto a = evaluate_eu_accounting(series({700, 690, 680, 670}), parameters(-300, 1000));
  // Cap 0.035 x 5 x 1000 = 175; -291.67 < -175: binding, accounted = -175 + (-483.33) = -658.33.
  EXPECT_EQ(a.value(P + "managed_forest_cap_binding"), 1.0);
  const double exempt = 5 * (-44.0 / 12.0 * 10 - 60);
  EXPECT_NEAR(a.value(P + "managed_forest_land_kt_co2e"), -175 + exempt, 1e-9);
  EXPECT_NEAR(a.value(P + "total_accounted_kt_co2e"), -105 + 150 - 100 + 125 - 175 + exempt, 1e-9);
}

TEST(EuAccounting, ADebitOnManagedForestLandIsNotCapped) {
  // FRL -600: 5 x FRL = -3000; -2275 + 3000 = +725, accounted as it is; total 795 > 0: a debit.
  const auto a = evaluate_eu_accounting(series({700, 690, 680, 670}), parameters(-600, 1000));
  EXPECT_NEAR(a.value(P + "managed_forest_land_kt_co2e"), 725, 1e-9);
  EXPECT_EQ(a.value(P + "managed_forest_cap_binding"), 0.0);
  EXPECT_NEAR(a.value(P + "total_accounted_kt_co2e"), 795, 1e-9);
  EXPECT_EQ(a.value(P + "no_debit_met"), 0.0);
}

TEST(EuAccounting, ElectedManagedWetlandCounts) {
  const auto a = evaluate_eu_accounting(series({700, 690, 680, 670}), parameters(-300, 10000, 1.0));
  EXPECT_NEAR(a.value(P + "total_accounted_kt_co2e"), -705 + 50, 1e-9);
}

TEST(EuAccounting, BudgetKeptAndTargetMet) {
  const auto a = evaluate_eu_accounting(series({700, 690, 680, 670}), parameters(-300, 10000));
  // Base 2016-2018: mean(1000, 1100, 1200) = 1100. Start 2021-2023: each year the rows
  // 90 + 10 + 70 + 5 - 20 + 30 - 400 + 40 + 1000 = 825 and HWP -1 - 50 - 10 + 5 = -56: 769.
  EXPECT_NEAR(a.value(B + "base_2016_2018_kt_co2e"), 1100, 1e-9);
  EXPECT_NEAR(a.value(B + "start_2021_2023_kt_co2e"), 769, 1e-9);
  // d0 = 769 - 1100 = -331; d(y) = -331 + (y - 2022) / 8 x (-435 + 331) = -331 - 13 (y - 2022).
  const auto& traj = a.term(B + "trajectory_kt_co2e").values;
  ASSERT_EQ(traj.size(), 4U);
  EXPECT_NEAR(traj[0], -383, 1e-9);
  EXPECT_NEAR(traj[3], -422, 1e-9);
  EXPECT_NEAR(a.value(B + "budget_kt_co2e"), -383 - 396 - 409 - 422, 1e-9);  // -1610
  // Differences -400, -410, -420, -430: sum -1660 <= -1610.
  EXPECT_NEAR(a.value(B + "sum_of_differences_kt_co2e"), -1660, 1e-9);
  EXPECT_NEAR(a.value(B + "overshoot_kt_co2e"), 0, 1e-9);
  EXPECT_NEAR(a.value(B + "article_13c_addition_kt_co2e"), 0, 1e-9);
  EXPECT_EQ(a.value(B + "within_budget"), 1.0);
  // 2030: 600 - 1100 = -500 <= -435: met, by 65.
  EXPECT_NEAR(a.value(T + "difference_2030_kt_co2e"), -500, 1e-9);
  EXPECT_NEAR(a.value(T + "gap_kt_co2e"), -65, 1e-9);
  EXPECT_EQ(a.value(T + "target_met"), 1.0);
}

TEST(EuAccounting, BudgetOvershootIsAddedTo2030TimesOnePointZeroEight) {
  const auto a = evaluate_eu_accounting(series({800, 800, 800, 800}), parameters(-300, 10000));
  // Differences 4 x (800 - 1100) = -1200, budget -1610: overshoot 410, Art. 13c addition 1.08 x 410 = 442.8.
  EXPECT_NEAR(a.value(B + "overshoot_kt_co2e"), 410, 1e-9);
  EXPECT_NEAR(a.value(B + "article_13c_addition_kt_co2e"), 442.8, 1e-9);
  EXPECT_EQ(a.value(B + "within_budget"), 0.0);
  // 2030 figure -500 + 442.8 = -57.2 > -435: missed by 377.8.
  EXPECT_NEAR(a.value(T + "compliance_figure_kt_co2e"), -57.2, 1e-9);
  EXPECT_NEAR(a.value(T + "gap_kt_co2e"), 377.8, 1e-9);
  EXPECT_EQ(a.value(T + "target_met"), 0.0);
}

TEST(EuAccounting, YearsTheRunLacksAreMissingNeverZero) {
  // A run 1990-2023: no 2024-2025, no 2026-2030.
  const auto a = evaluate_eu_accounting(series({0, 0, 0, 0}, years(1990, 2023)), parameters(-300, 10000));
  const auto& aff = a.term(P + "afforested_land_kt_co2e");
  EXPECT_TRUE(std::isnan(aff.value()));
  EXPECT_EQ(aff.missing_years, (std::vector<std::int32_t>{2024, 2025}));
  EXPECT_TRUE(std::isnan(a.value(P + "no_debit_met")));
  // The base periods are covered.
  EXPECT_NEAR(a.value(P + "managed_cropland_base_2005_2009_kt_co2e"), 120, 1e-9);
  EXPECT_NEAR(a.value(B + "start_2021_2023_kt_co2e"), 769, 1e-9);
  const auto& sum = a.term(B + "sum_of_differences_kt_co2e");
  EXPECT_TRUE(std::isnan(sum.value()));
  EXPECT_EQ(sum.missing_years, (std::vector<std::int32_t>{2026, 2027, 2028, 2029}));
  // The budget itself needs only 2016-2018, 2021-2023 and the target.
  EXPECT_NEAR(a.value(B + "budget_kt_co2e"), -1610, 1e-9);
  const auto& met = a.term(T + "target_met");
  EXPECT_TRUE(std::isnan(met.value()));
  EXPECT_NE(std::find(met.missing_years.begin(), met.missing_years.end(), 2030), met.missing_years.end());
}

TEST(EuAccounting, AParameterNotGivenIsMissing) {
  auto p = parameters(-300, 10000);
  p.forest_reference_level = EuParameter("eu.forest_reference_level");
  const auto a = evaluate_eu_accounting(series({700, 690, 680, 670}), p);
  const auto& fl = a.term(P + "managed_forest_land_kt_co2e");
  EXPECT_TRUE(std::isnan(fl.value()));
  EXPECT_EQ(fl.missing_parameters, std::vector<std::string>{"eu.forest_reference_level"});
  EXPECT_TRUE(std::isnan(a.value(P + "no_debit_met")));
  // Terms that do not need the FRL are unaffected.
  EXPECT_NEAR(a.value(P + "managed_cropland_kt_co2e"), -100, 1e-9);
  EXPECT_EQ(a.value(T + "target_met"), 1.0);
}

TEST(EuAccounting, EnsembleShareOfMembersThatComply) {
  const auto kept = series({700, 690, 680, 670});
  const auto overshoot = series({800, 800, 800, 800});
  const auto short_run = series({0, 0, 0, 0}, years(1990, 2023));
  const auto e = evaluate_members({kept, overshoot, kept, short_run}, parameters(-300, 10000));
  ASSERT_EQ(e.members.size(), 4U);
  // No debit: members 0, 1, 2 met; member 3 lacks 2024-2025.
  EXPECT_EQ(e.tests[0].determined, 3U);
  EXPECT_EQ(e.tests[0].complying, 3U);
  EXPECT_DOUBLE_EQ(e.tests[0].share(), 1.0);
  // Budget and target: 2 of the 3 determined members comply.
  EXPECT_EQ(e.tests[1].determined, 3U);
  EXPECT_DOUBLE_EQ(e.tests[1].share(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(e.tests[2].share(), 2.0 / 3.0);
  EXPECT_TRUE(std::isnan(evaluate_members({short_run}, parameters(-300, 10000)).tests[1].share()));
}
