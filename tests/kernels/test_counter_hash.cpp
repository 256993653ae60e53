// Counter-based randomness: a pure function of its key, in [0, 1), streams independent.
#include <gtest/gtest.h>

#include "kernels/counter_hash.hpp"

using namespace polder;
using kernels::RandomStream;

TEST(CounterHash, PureFunctionOfTheKey) {
  EXPECT_EQ(kernels::uniform01(7, RandomStream::fire_ignition, 2020, 123456789),
            kernels::uniform01(7, RandomStream::fire_ignition, 2020, 123456789));
  EXPECT_NE(kernels::uniform01(7, RandomStream::fire_ignition, 2020, 123456789),
            kernels::uniform01(7, RandomStream::fire_spread, 2020, 123456789));
  EXPECT_NE(kernels::uniform01(7, RandomStream::fire_ignition, 2020, 1),
            kernels::uniform01(8, RandomStream::fire_ignition, 2020, 1));
}

TEST(CounterHash, UniformInUnitInterval) {
  double sum = 0.0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double u = kernels::uniform01(1, RandomStream::marsh_erosion, 2000, i);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
}
