// Distributions of sampled parameters: the inverse normal against erfc and known quantiles, how each
// kind reads (low, value, high), their analytic moments against quadrature and against sampled draws,
// and the support rules the parameter reader enforces.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "solver/ensemble/distribution.hpp"
#include "solver/ensemble/draw_uniform.hpp"
#include "solver/ensemble/inverse_normal.hpp"

using namespace polder::ensemble;

TEST(InverseNormal, MatchesKnownQuantilesAndInvertsErfc) {
  // Reference values of Phi^-1 (Wichura 1988 test values; R qnorm).
  EXPECT_NEAR(inverse_normal(0.975), 1.959963984540054, 1e-15);
  EXPECT_NEAR(inverse_normal(0.5), 0.0, 1e-300);
  EXPECT_NEAR(inverse_normal(0.25), -0.6744897501960817, 1e-15);
  EXPECT_NEAR(inverse_normal(1e-10), -6.361340902404056, 1e-12);
  EXPECT_NEAR(inverse_normal(1e-300), -37.0470962993612, 1e-9);  // the third range (r > 5)
  EXPECT_TRUE(std::isinf(inverse_normal(0.0)) && inverse_normal(0.0) < 0);
  EXPECT_TRUE(std::isnan(inverse_normal(1.5)));
  // Phi(Phi^-1(p)) = p over the whole range, in all three branches (p < 1.4e-11 is the third), to
  // near machine precision: a relative error e in x moves p by about x^2 e relative.
  double worst = 0.0;
  for (double p = 1e-300; p < 1.0; p = p < 0.01 ? p * 1.7 : p + 0.0031) {
    const double back = normal_cdf(inverse_normal(p));
    worst = std::max(worst, std::abs(back - p) / std::min(p, 1.0 - p));
  }
  EXPECT_LT(worst, 1e-12);
  // Antisymmetry.
  for (double p : {0.001, 0.1, 0.3, 0.4999}) EXPECT_DOUBLE_EQ(inverse_normal(p), -inverse_normal(1.0 - p));
}

TEST(Distribution, ReadsTheRangeAsDocumented) {
  const Distribution uni{DistributionKind::uniform, 2.0, 3.0, 6.0};
  EXPECT_DOUBLE_EQ(uni.quantile(0.25), 3.0);
  const Distribution tri{DistributionKind::triangular, 0.0, 1.0, 4.0};
  EXPECT_DOUBLE_EQ(tri.quantile(0.25), 1.0);  // F(mode) = (c - a) / (b - a) = 0.25
  EXPECT_GE(tri.quantile(1e-12), 0.0);
  EXPECT_LE(tri.quantile(1.0 - 1e-12), 4.0);
  // Normal and lognormal: the value is the median, low and high the 2.5 and 97.5 % points, also for
  // a value off the centre (two half-normals).
  for (const auto& d :
       {Distribution{DistributionKind::normal, 4.0, 4.6, 5.4}, Distribution{DistributionKind::normal, -0.71, 0.5, 1.71},
        Distribution{DistributionKind::lognormal, 335.0, 1165.0, 1995.0},
        Distribution{DistributionKind::lognormal, 0.5, 1.0, 2.0}}) {
    EXPECT_NEAR(d.quantile(0.025), d.low, 1e-12 * std::abs(d.high));
    EXPECT_NEAR(d.quantile(0.5), d.value, 1e-12 * std::abs(d.high));
    EXPECT_NEAR(d.quantile(0.975), d.high, 1e-12 * std::abs(d.high));
  }
  // A symmetric range is the plain normal: sigma = half-width / 1.96.
  const Distribution n{DistributionKind::normal, 8.0, 10.0, 12.0};
  EXPECT_NEAR(n.variance(), std::pow(2.0 / k_z975, 2), 1e-12);
  EXPECT_DOUBLE_EQ(n.mean(), 10.0);
  // Geometric centre: the plain lognormal, mean exp(mu + sigma^2 / 2).
  const Distribution ln{DistributionKind::lognormal, 0.5, 1.0, 2.0};
  const double s = std::log(2.0) / k_z975;
  EXPECT_NEAR(ln.mean(), std::exp(0.5 * s * s), 1e-12);
  EXPECT_NEAR(ln.variance(), (std::exp(s * s) - 1.0) * std::exp(s * s), 1e-12);
}

TEST(Distribution, QuantilesAreMonotone) {
  for (const auto& d : {Distribution{DistributionKind::uniform, 0.0, 0.0, 1.0},
                        Distribution{DistributionKind::triangular, 0.0, 0.0, 1.0},
                        Distribution{DistributionKind::normal, 0.0, 0.3, 1.0},
                        Distribution{DistributionKind::lognormal, 0.1, 0.3, 1.0}}) {
    double last = -INFINITY;
    for (int i = 1; i < 1000; ++i) {
      const double x = d.quantile(i / 1000.0);
      EXPECT_GE(x, last) << distribution_name(d.kind);
      last = x;
    }
  }
}

namespace {
const std::vector<Distribution>& cases() {
  static const std::vector<Distribution> c = {{DistributionKind::uniform, 2.0, 3.0, 6.0},
                                              {DistributionKind::triangular, 0.62, 0.7, 0.78},
                                              {DistributionKind::triangular, 0.761, 1.0, 1.0},
                                              {DistributionKind::normal, 4.0, 4.6, 5.4},
                                              {DistributionKind::normal, -0.71, 0.5, 1.71},
                                              {DistributionKind::lognormal, 335.0, 1165.0, 1995.0},
                                              {DistributionKind::lognormal, 0.000375, 0.0015, 0.006}};
  return c;
}
}  // namespace

TEST(Distribution, AnalyticMomentsMatchQuadrature) {
  // E[X] = integral of the quantile function over (0, 1); midpoint rule with 2e6 nodes. The normal
  // tails contribute O(1e-7) beyond the outermost nodes, far inside the tolerance.
  for (const auto& d : cases()) {
    const int n = 2000000;
    double m1 = 0.0, m2 = 0.0;
    for (int i = 0; i < n; ++i) {
      const double x = d.quantile((i + 0.5) / n);
      m1 += x;
      m2 += x * x;
    }
    m1 /= n;
    m2 /= n;
    const double sd = std::sqrt(d.variance());
    EXPECT_NEAR(m1, d.mean(), 1e-4 * sd) << distribution_name(d.kind) << " " << d.low;
    EXPECT_NEAR(m2 - m1 * m1, d.variance(), 1e-3 * d.variance()) << distribution_name(d.kind) << " " << d.low;
  }
}

TEST(Distribution, SampledMomentsMatchWithinFiveStandardErrors) {
  // N independent counter-based draws: the sample mean has standard error sd / sqrt(N), the sample
  // variance sqrt((m4 - var^2) / N) with m4 the fourth central moment. Five standard errors: a correct
  // distribution fails with probability below 1e-6 (and the seed is fixed).
  const int n = 200000;
  for (const auto& d : cases()) {
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i)
      x[static_cast<std::size_t>(i)] =
          d.quantile(open_uniform(77, polder::kernels::RandomStream::ensemble_parameter, i + 1, 12345));
    double mean = 0.0;
    for (double v : x) mean += v;
    mean /= n;
    double m2 = 0.0, m4 = 0.0;
    for (double v : x) {
      const double c = (v - mean) * (v - mean);
      m2 += c;
      m4 += c * c;
    }
    m2 /= n;
    m4 /= n;
    EXPECT_NEAR(mean, d.mean(), 5.0 * std::sqrt(d.variance() / n)) << distribution_name(d.kind) << " " << d.low;
    EXPECT_NEAR(m2, d.variance(), 5.0 * std::sqrt((m4 - m2 * m2) / n)) << distribution_name(d.kind) << " " << d.low;
  }
}

TEST(Distribution, SupportRules) {
  EXPECT_EQ(support_problem(DistributionKind::triangular, 0.0, 0.5, 1.0), "");
  EXPECT_NE(support_problem(DistributionKind::triangular, 1.0, 1.0, 1.0).find("low < high"), std::string::npos);
  EXPECT_NE(support_problem(DistributionKind::lognormal, 0.0, 0.5, 1.0).find("above zero"), std::string::npos);
  EXPECT_NE(support_problem(DistributionKind::lognormal, -1.0, 0.5, 1.0).find("above zero"), std::string::npos);
  EXPECT_NE(support_problem(DistributionKind::normal, 0.0, 0.0, 1.0).find("strictly inside"), std::string::npos);
  EXPECT_NE(support_problem(DistributionKind::uniform, 0.0, 2.0, 1.0).find("outside its range"), std::string::npos);
  EXPECT_EQ(parse_distribution("lognormal"), DistributionKind::lognormal);
  EXPECT_FALSE(parse_distribution("gamma").has_value());
}
