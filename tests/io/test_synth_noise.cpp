#include <gtest/gtest.h>

#include <vector>

#include "io/synth/noise.hpp"
#include "io/synth/parcels.hpp"

using namespace polder::io::synth;

TEST(SynthNoise, HashesArePureFunctionsOfTheirArguments) {
  EXPECT_EQ(hash64(1, 2, 3, 4), hash64(1, 2, 3, 4));
  EXPECT_NE(hash64(1, 2, 3, 4), hash64(2, 2, 3, 4));
  EXPECT_NE(hash64(1, 2, 3, 4), hash64(1, 3, 3, 4));
  EXPECT_NE(hash64(1, 2, 3, 4), hash64(1, 2, 4, 3));
  double sum = 0;
  for (int i = 0; i < 10000; ++i) {
    const float u = uniform(7, 1, i, -i);
    ASSERT_GE(u, 0.0F);
    ASSERT_LT(u, 1.0F);
    sum += static_cast<double>(u);
  }
  EXPECT_NEAR(sum / 10000.0, 0.5, 0.02);
}

TEST(SynthNoise, RowNoiseIsTheSameWhateverTheSpanOrSubset) {
  const std::int32_t row = 4321, col0 = 1000, n = 700;
  std::vector<float> full(n), part(n), sub;
  noise_row(99, 5, row, col0, n, 37.0, full.data());
  // A span starting elsewhere and a sparse subset give bit-identical values at the same cells.
  noise_row(99, 5, row, col0 + 123, n - 123, 37.0, part.data());
  for (std::int32_t k = 123; k < n; ++k) ASSERT_EQ(full[k], part[k - 123]);
  std::vector<std::int32_t> offsets = {3, 4, 50, 51, 52, 400, 699};
  sub.resize(offsets.size());
  noise_row(99, 5, row, col0, static_cast<std::int32_t>(offsets.size()), 37.0, sub.data(), offsets.data());
  for (std::size_t j = 0; j < offsets.size(); ++j) ASSERT_EQ(sub[j], full[static_cast<std::size_t>(offsets[j])]);
  for (const float v : full) {
    ASSERT_GE(v, 0.0F);
    ASSERT_LT(v, 1.0F);
  }
}

TEST(SynthNoise, ParcelsAreContiguousStrips) {
  // Along a strip the parcel id stays the same for runs of cells; across strips it changes.
  int changes = 0;
  std::uint64_t previous = parcel_of(3, 10, {800, 800}, 6, 32).id;
  for (std::int32_t c = 801; c < 1200; ++c) {
    const std::uint64_t id = parcel_of(3, 10, {800, c}, 6, 32).id;
    changes += id != previous ? 1 : 0;
    previous = id;
  }
  // 400 cells cross either ~12 parcel ends (strips along the row) or ~66 strips: never every cell.
  EXPECT_GT(changes, 5);
  EXPECT_LT(changes, 100);
}
