// The convergence record: running statistics against recomputation from scratch, and the flag for
// series that settle, that do not, and that end at zero.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "solver/ensemble/convergence.hpp"
#include "solver/ensemble/draw_uniform.hpp"
#include "solver/ensemble/inverse_normal.hpp"
#include "solver/ensemble/uncertainty_summary.hpp"

using namespace polder::ensemble;

namespace {
std::vector<double> normal_series(std::size_t n, double mean, double sd) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = mean + sd * inverse_normal(open_uniform(3, polder::kernels::RandomStream::ensemble_parameter,
                                                   static_cast<std::int64_t>(i) + 1, 1));
  return x;
}
}  // namespace

TEST(Convergence, RunningStatisticsEqualRecomputationFromScratch) {
  auto x = normal_series(600, 50.0, 5.0);
  x[100] = x[200] = x[300];  // ties
  const auto r = convergence(x, 1.5, 100);
  ASSERT_EQ(r.mean.size(), x.size());
  for (std::size_t n = 1; n <= x.size(); n += 37) {
    std::vector<double> first(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n));
    const double mean = compensated_sum(first) / static_cast<double>(n);
    std::sort(first.begin(), first.end());
    EXPECT_EQ(r.mean[n - 1], mean) << n;
    EXPECT_EQ(r.p2_5[n - 1], percentile_sorted(first, 0.025)) << n;
    EXPECT_EQ(r.p97_5[n - 1], percentile_sorted(first, 0.975)) << n;
  }
}

TEST(Convergence, ConstantSeriesConvergesAsSoonAsTheWindowIsFull) {
  const std::vector<double> x(300, 4.2);
  const auto r = convergence(x, 1.5, 100);
  EXPECT_TRUE(r.converged);
  EXPECT_EQ(r.converged_at, 101U);
  EXPECT_EQ(r.last_change_percent, 0.0);
}

TEST(Convergence, SettlingSeriesConvergesAfterItsWildStart) {
  std::vector<double> x;
  for (int i = 0; i < 40; ++i) x.push_back(i % 2 ? 1000.0 : -500.0);  // wild start
  for (int i = 0; i < 4000; ++i) x.push_back(i % 2 ? 101.0 : 99.0);
  const auto r = convergence(x, 1.5, 100);
  EXPECT_TRUE(r.converged);
  EXPECT_GT(r.converged_at, 140U);
  EXPECT_LT(r.last_change_percent, 1.5);
  // A tighter tolerance is not met by then.
  EXPECT_FALSE(convergence(std::vector<double>(x.begin(), x.begin() + 600), 0.01, 100).converged);
}

TEST(Convergence, ShiftAtTheEndIsNotConverged) {
  std::vector<double> x(500, 100.0);
  for (int i = 0; i < 50; ++i) x.push_back(300.0);
  const auto r = convergence(x, 1.5, 100);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.converged_at, 101U);  // it had settled once, before the shift
  EXPECT_GT(r.last_change_percent, 1.5);
}

TEST(Convergence, ZeroMeanAndShortSeriesAreNotConverged) {
  std::vector<double> x;
  for (int i = 0; i < 400; ++i) x.push_back(i % 2 ? 1.0 : -1.0);  // mean exactly 0 after every even count
  const auto r = convergence(x, 1.5, 100);
  EXPECT_FALSE(r.converged);
  EXPECT_TRUE(std::isinf(r.last_change_percent));
  const auto short_run = convergence(std::vector<double>(50, 1.0), 1.5, 100);
  EXPECT_FALSE(short_run.converged);
  EXPECT_TRUE(std::isnan(short_run.last_change_percent));
}
