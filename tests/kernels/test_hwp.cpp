// Harvested wood products: IPCC 2019 Vol. 4 Eq. 12.1 first-order decay, steady state and half-life.
#include <gtest/gtest.h>

#include <cmath>

#include "solver/kernels/hwp.hpp"

using namespace polder;

TEST(Hwp, HandComputedStep) {
  const double k = std::log(2.0) / 35.0;
  const auto s = kernels::hwp_first_order(35.0, 1000.0, 50.0);
  EXPECT_NEAR(s.new_stock, std::exp(-k) * 1000.0 + (1.0 - std::exp(-k)) / k * 50.0, 1e-9);
  EXPECT_NEAR(s.decay, 1000.0 + 50.0 - s.new_stock, 1e-12);
}

TEST(Hwp, SteadyStateStaysSteady) {
  for (const double half_life : {2.0, 25.0, 35.0}) {
    const double stock = kernels::hwp_steady_stock(half_life, 80.0);
    const auto s = kernels::hwp_first_order(half_life, stock, 80.0);
    EXPECT_NEAR(s.new_stock, stock, 1e-9 * stock);
    EXPECT_NEAR(s.decay, 80.0, 1e-9 * stock);  // decay equals inflow: no net change
  }
}

TEST(Hwp, WithoutInflowHalfIsLeftAfterAHalfLife) {
  double stock = 100.0;
  for (int y = 0; y < 25; ++y) stock = kernels::hwp_first_order(25.0, stock, 0.0).new_stock;
  EXPECT_NEAR(stock, 50.0, 1e-9);
}
