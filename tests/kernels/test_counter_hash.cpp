// Counter-based randomness: a pure function of its key, in [0, 1), streams independent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "solver/kernels/counter_hash.hpp"

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

TEST(CounterHash, SharedStreamEqualsTheSharedFunction) {
  // Runs of neighbours, gaps, a jump back and ids across a block boundary: the cached block must never
  // leak into a cell of another block.
  const std::int64_t ids[] = {0, 1, 2, 3, 4, 7, 8, 100, 101, 102, 103, 104, 5, 6, 1LL << 40, (1LL << 40) + 3};
  kernels::SharedUniformStream draw(42, RandomStream::fire_ignition, 2020);
  double sum = 0.0;
  for (const auto id : ids) {
    const double u = draw(id);
    EXPECT_EQ(u, kernels::uniform01_shared(42, RandomStream::fire_ignition, 2020, id)) << "cell id " << id;
    sum += u;
  }
  EXPECT_NE(draw(1), draw(2));
  EXPECT_GT(sum, 0.0);
  // The four lanes of one block are different draws, uniform in [0, 1).
  double mean = 0.0;
  const int n = 100000;
  kernels::SharedUniformStream sweep(3, RandomStream::fire_ignition, 1999);
  for (int i = 0; i < n; ++i) {
    const double u = sweep(i);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    mean += u / n;
  }
  EXPECT_NEAR(mean, 0.5, 0.005);
}

TEST(CounterHash, DrawSeedKeepsDrawZeroAndSeparatesDraws) {
  const std::uint64_t seed = 20261128;
  EXPECT_EQ(kernels::draw_seed(seed, 0), seed);  // plain runs and central members keep today's bits
  // Every draw an ensemble may have (SamplingPlan::k_max_draws) gets a key of its own.
  std::vector<std::uint64_t> keys;
  for (std::int64_t d = 0; d <= 100000; ++d) keys.push_back(kernels::draw_seed(seed, d));
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end());
  EXPECT_NE(kernels::uniform01(kernels::draw_seed(seed, 1), RandomStream::fire_ignition, 2020, 5),
            kernels::uniform01(kernels::draw_seed(seed, 2), RandomStream::fire_ignition, 2020, 5));
}
