// Uncertainty statistics against values computed by hand: percentiles (type 7), the Approach 2
// uncertainty, level and trend tables, compensated sums.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "solver/core/error.hpp"
#include "solver/ensemble/uncertainty_summary.hpp"

using namespace polder::ensemble;

TEST(UncertaintySummary, PercentilesAreType7) {
  const std::vector<double> s = {1, 2, 3, 4, 5};
  // h = (n - 1) p: p = 0.025 -> h = 0.1 -> 1 + 0.1 (2 - 1); p = 0.975 -> h = 3.9 -> 4 + 0.9 (5 - 4).
  EXPECT_DOUBLE_EQ(percentile_sorted(s, 0.025), 1.1);
  EXPECT_DOUBLE_EQ(percentile_sorted(s, 0.975), 4.9);
  EXPECT_DOUBLE_EQ(percentile_sorted(s, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(percentile_sorted(s, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(percentile_sorted(s, 1.0), 5.0);
  const std::vector<double> even = {10, 20, 30, 40};
  EXPECT_DOUBLE_EQ(percentile_sorted(even, 0.5), 25.0);  // h = 1.5
  const std::vector<double> one = {7};
  EXPECT_DOUBLE_EQ(percentile_sorted(one, 0.025), 7.0);
}

TEST(UncertaintySummary, ApproachTwoUncertaintyIsHalfTheIntervalOverTheMean) {
  const std::vector<double> v = {5, 1, 4, 2, 3};  // order does not matter
  const auto s = summarize(v);
  EXPECT_EQ(s.n, 5U);
  EXPECT_DOUBLE_EQ(s.mean, 3.0);
  EXPECT_DOUBLE_EQ(s.median, 3.0);
  EXPECT_DOUBLE_EQ(s.p2_5, 1.1);
  EXPECT_DOUBLE_EQ(s.p97_5, 4.9);
  EXPECT_DOUBLE_EQ(s.uncertainty_percent, 100.0 * (4.9 - 1.1) / 2.0 / 3.0);  // 63.33 %
  EXPECT_DOUBLE_EQ(s.lower_percent, 100.0 * (3.0 - 1.1) / 3.0);
  EXPECT_DOUBLE_EQ(s.upper_percent, 100.0 * (4.9 - 3.0) / 3.0);
  // A sink (negative mean): percentages relative to |mean|, still positive.
  const std::vector<double> sink = {-5, -1, -4, -2, -3};
  EXPECT_DOUBLE_EQ(summarize(sink).uncertainty_percent, 100.0 * 3.8 / 2.0 / 3.0);
  // Skewed: lower and upper halves differ.
  const std::vector<double> skew = {1, 1, 1, 1, 11};
  const auto k = summarize(skew);
  EXPECT_DOUBLE_EQ(k.mean, 3.0);
  EXPECT_DOUBLE_EQ(k.p97_5, 1.0 + 0.9 * 10.0);
  EXPECT_LT(k.lower_percent, k.upper_percent);
  // Zero mean: the relative uncertainty is undefined.
  const std::vector<double> zero = {-1, 1};
  EXPECT_TRUE(std::isnan(summarize(zero).uncertainty_percent));
  const std::vector<double> bad = {1, NAN};
  EXPECT_THROW(summarize(bad), polder::InternalError);
}

TEST(UncertaintySummary, CompensatedSumKeepsSmallTerms) {
  const std::vector<double> v = {1e16, 1.0, -1e16, 1.0};
  EXPECT_DOUBLE_EQ(compensated_sum(v), 2.0);  // a plain left-to-right sum gives 1 or 0
}

TEST(UncertaintySummary, LevelAndTrendTables) {
  // 3 members x 2 years x 2 outputs, [member][year][output].
  const std::vector<double> v = {
      10, 100, 12, 90,   // member 0: year 0 (10, 100), year 1 (12, 90)
      20, 200, 26, 170,  // member 1
      30, 300, 30, 330,  // member 2
  };
  const auto t = summarize_members(v, 3, 2, 2, 0);
  EXPECT_DOUBLE_EQ(t.level_at(0, 0).mean, 20.0);
  EXPECT_DOUBLE_EQ(t.level_at(1, 1).mean, (90.0 + 170.0 + 330.0) / 3.0);
  EXPECT_DOUBLE_EQ(t.level_at(1, 0).median, 26.0);
  // Trend of output 0 in year 1: member-wise differences 2, 6, 0.
  EXPECT_DOUBLE_EQ(t.trend_at(1, 0).mean, 8.0 / 3.0);
  EXPECT_DOUBLE_EQ(t.trend_at(1, 0).median, 2.0);
  EXPECT_DOUBLE_EQ(t.trend_at(1, 0).p2_5, 0.0 + 0.05 * 2.0);  // sorted 0 2 6, h = 0.05
  // Output 1: -10, -30, +30.
  EXPECT_DOUBLE_EQ(t.trend_at(1, 1).mean, -10.0 / 3.0);
  // The base year's trend is 0 for every member.
  EXPECT_DOUBLE_EQ(t.trend_at(0, 1).p97_5, 0.0);
  EXPECT_THROW(summarize_members(v, 3, 2, 3, 0), polder::InternalError);
}
