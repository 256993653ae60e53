// The sampling plan: LHS stratification, correlation groups, reproducibility of a draw computed alone,
// stability of a group's draws when other parameters come and go, and the central draw 0.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "solver/core/error.hpp"
#include "solver/ensemble/rank_correlation.hpp"
#include "solver/ensemble/sampling_plan.hpp"

using namespace polder::ensemble;

namespace {
std::vector<SampledParameter> five() {
  return {{"a.ef", {DistributionKind::triangular, 1.0, 2.0, 4.0}, ""},
          {"b.ef.cropland", {DistributionKind::lognormal, 335.0, 1165.0, 1995.0}, "ch4_ditch"},
          {"b.ef.grassland", {DistributionKind::normal, 10.0, 20.0, 30.0}, "ch4_ditch"},
          {"c.rate", {DistributionKind::uniform, 0.0, 0.5, 1.0}, ""},
          {"d.factor", {DistributionKind::normal, 0.62, 0.7, 0.78}, ""}};
}
}  // namespace

TEST(SamplingPlan, LatinHypercubeHitsEveryStratumOncePerGroup) {
  const std::int64_t n = 257;
  const SamplingPlan plan(five(), n, SamplingMethod::lhs, 20261128);
  ASSERT_EQ(plan.group_count(), 4U);  // a, c, d alone; both b share "ch4_ditch"
  const auto u = plan.uniform_table();
  for (std::size_t g = 0; g < plan.group_count(); ++g) {
    std::vector<int> hits(static_cast<std::size_t>(n), 0);
    for (std::int64_t d = 1; d <= n; ++d) {
      const double ud = u[static_cast<std::size_t>(d - 1) * plan.group_count() + g];
      ASSERT_GT(ud, 0.0);
      ASSERT_LT(ud, 1.0);
      const auto s = static_cast<std::size_t>(std::floor(ud * static_cast<double>(n)));
      ++hits[s];
      // The stratum computed alone (a rank count) is the one the table (a sort) used.
      EXPECT_EQ(plan.stratum(d, g), static_cast<std::int64_t>(s));
    }
    EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; })) << plan.group_name(g);
  }
  // Every parameter's values therefore fall once into each of its N equal-probability intervals.
  const auto table = plan.table();
  const std::size_t np = plan.parameters().size();
  for (std::size_t p = 0; p < np; ++p) {
    const auto& dist = plan.parameters()[p].distribution;
    std::vector<int> hits(static_cast<std::size_t>(n), 0);
    for (std::size_t d = 1; d <= static_cast<std::size_t>(n); ++d) {
      const double x = table[d * np + p];
      // The interval of x: the k with quantile(k/N) <= x < quantile((k+1)/N).
      std::size_t k = 0;
      while (k + 1 < static_cast<std::size_t>(n) && dist.quantile(static_cast<double>(k + 1) / n) <= x) ++k;
      ++hits[k];
    }
    EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; })) << plan.parameters()[p].name;
  }
}

TEST(SamplingPlan, RandomSamplingIsUniformButNotStratified) {
  const std::int64_t n = 4000;
  const SamplingPlan plan(five(), n, SamplingMethod::random, 7);
  const auto u = plan.uniform_table();
  std::vector<int> hits(10, 0);
  double sum = 0.0;
  for (std::size_t d = 0; d < static_cast<std::size_t>(n); ++d) {
    const double x = u[d * plan.group_count()];
    sum += x;
    ++hits[static_cast<std::size_t>(x * 10)];
  }
  // Mean 0.5 +- 5 standard errors (sd 1/sqrt(12)); deciles 400 +- 5 sqrt(400 * 0.9).
  EXPECT_NEAR(sum / n, 0.5, 5.0 / std::sqrt(12.0 * n));
  for (int h : hits) EXPECT_NEAR(h, 400, 5.0 * std::sqrt(400 * 0.9));
  // Not a permutation of strata: some of the N strata are empty (expected about N/e).
  std::vector<int> strata(static_cast<std::size_t>(n), 0);
  for (std::int64_t d = 1; d <= n; ++d) ++strata[static_cast<std::size_t>(plan.stratum(d, 0))];
  EXPECT_GT(std::count(strata.begin(), strata.end(), 0), n / 4);
}

TEST(SamplingPlan, CorrelationGroupSharesOneUniform) {
  const SamplingPlan plan(five(), 300, SamplingMethod::lhs, 99);
  const std::size_t crop = static_cast<std::size_t>(plan.find("b.ef.cropland"));
  const std::size_t grass = static_cast<std::size_t>(plan.find("b.ef.grassland"));
  const std::size_t alone = static_cast<std::size_t>(plan.find("a.ef"));
  EXPECT_EQ(plan.group_of(crop), plan.group_of(grass));
  EXPECT_NE(plan.group_of(crop), plan.group_of(alone));
  const auto t = plan.table();
  const std::size_t np = plan.parameters().size();
  std::vector<double> x, y, z;
  for (std::size_t d = 1; d <= 300; ++d) {
    x.push_back(t[d * np + crop]);
    y.push_back(t[d * np + grass]);
    z.push_back(t[d * np + alone]);
  }
  EXPECT_DOUBLE_EQ(spearman(x, y), 1.0);     // same uniform, monotone quantiles: perfect rank correlation
  EXPECT_LT(std::abs(spearman(x, z)), 0.2);  // independent groups: about 0 (sd 1/sqrt(299) = 0.058)
}

TEST(SamplingPlan, DrawComputedAloneEqualsTheTableRowBitForBit) {
  for (const auto method : {SamplingMethod::lhs, SamplingMethod::random}) {
    const SamplingPlan plan(five(), 500, method, 424242);
    const auto t = plan.table();
    const std::size_t np = plan.parameters().size();
    for (std::int64_t d : {0, 1, 2, 250, 499, 500}) {
      // A fresh plan, as on another rank or in a `--member` run.
      const SamplingPlan elsewhere(five(), 500, method, 424242);
      const auto v = elsewhere.values(d);
      for (std::size_t p = 0; p < np; ++p) EXPECT_EQ(v[p], t[static_cast<std::size_t>(d) * np + p]) << d;
    }
  }
}

TEST(SamplingPlan, DrawZeroIsTheCentralEstimate) {
  const SamplingPlan plan(five(), 10, SamplingMethod::lhs, 1);
  const auto v = plan.values(0);
  for (std::size_t p = 0; p < v.size(); ++p) EXPECT_EQ(v[p], plan.parameters()[p].distribution.value);
}

TEST(SamplingPlan, AGroupsDrawsDependOnItsNameNotOnTheOtherParameters) {
  auto few = five();
  few.erase(few.begin() + 3);  // drop c.rate
  few.push_back({"e.new", {DistributionKind::uniform, 0.0, 1.0, 2.0}, ""});
  std::reverse(few.begin(), few.end());
  const SamplingPlan a(five(), 64, SamplingMethod::lhs, 5), b(few, 64, SamplingMethod::lhs, 5);
  for (const char* name : {"a.ef", "b.ef.cropland", "d.factor"}) {
    const auto pa = static_cast<std::size_t>(a.find(name)), pb = static_cast<std::size_t>(b.find(name));
    for (std::int64_t d = 1; d <= 64; ++d) EXPECT_EQ(a.values(d)[pa], b.values(d)[pb]) << name << " " << d;
  }
  // Another seed gives other draws.
  const SamplingPlan c(five(), 64, SamplingMethod::lhs, 6);
  EXPECT_NE(a.values(1), c.values(1));
}

TEST(SamplingPlan, RejectsZeroOrTooManyDraws) {
  EXPECT_THROW(SamplingPlan(five(), 0, SamplingMethod::lhs, 1), polder::ConfigError);
  EXPECT_THROW(SamplingPlan(five(), SamplingPlan::k_max_draws + 1, SamplingMethod::lhs, 1), polder::ConfigError);
  auto twice = five();
  twice.push_back(twice.front());
  EXPECT_THROW(SamplingPlan(twice, 10, SamplingMethod::lhs, 1), polder::InternalError);
  const SamplingPlan plan(five(), 10, SamplingMethod::lhs, 1);
  EXPECT_THROW(plan.values(11), polder::InternalError);
}
