// The batched Philox4x32-10 gives the bits of Random123's Philox4x32 for every counter, whatever the
// batch size, so fire draws do not depend on how cells are batched.
#include <gtest/gtest.h>

#include <Random123/philox.h>

#include <random>
#include <vector>

#include "solver/kernels/counter_hash.hpp"
#include "solver/kernels/philox_batch.hpp"

using namespace polder;

TEST(PhiloxBatch, EqualsRandom123ForRandomCountersAndKeys) {
  std::mt19937 gen(3);
  const auto rng = [&gen] { return static_cast<std::uint32_t>(gen()); };
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{1000}}) {
    std::vector<std::uint32_t> c0(n), c1(n), c2(n), c3(n);
    for (std::size_t i = 0; i < n; ++i) {
      c0[i] = rng();
      c1[i] = rng();
      c2[i] = rng();
      c3[i] = rng();
    }
    const std::uint32_t k0 = rng(), k1 = rng();
    auto a = c0, b = c1, c = c2, d = c3;
    kernels::philox4x32_10(n, {a.data(), b.data(), c.data(), d.data()}, k0, k1);
    for (std::size_t i = 0; i < n; ++i) {
      const r123::Philox4x32::ctr_type ctr = {{c0[i], c1[i], c2[i], c3[i]}};
      const r123::Philox4x32::key_type key = {{k0, k1}};
      const auto r = r123::Philox4x32()(ctr, key);
      ASSERT_EQ(a[i], r[0]);
      ASSERT_EQ(b[i], r[1]);
      ASSERT_EQ(c[i], r[2]);
      ASSERT_EQ(d[i], r[3]);
    }
  }
}

TEST(PhiloxBatch, GivesTheSharedUniformStreamDrawOfACell) {
  const std::uint64_t seed = 0x1234567890ABULL;
  const std::int32_t year = 2031;
  const auto stream = kernels::RandomStream::fire_ignition;
  for (const std::int64_t id : {std::int64_t{0}, std::int64_t{5}, std::int64_t{155039999}, std::int64_t{77777}}) {
    const auto block = static_cast<std::uint64_t>(id) >> 2;
    std::uint32_t a = static_cast<std::uint32_t>(block), b = static_cast<std::uint32_t>(block >> 32);
    std::uint32_t c = static_cast<std::uint32_t>(year) ^ (static_cast<std::uint32_t>(stream) << 24), d = 0x5ca1ab1eU;
    kernels::philox4x32_10(1, {&a, &b, &c, &d}, static_cast<std::uint32_t>(seed),
                           static_cast<std::uint32_t>(seed >> 32));
    const std::uint32_t lanes[4] = {a, b, c, d};
    EXPECT_EQ(static_cast<double>(lanes[id & 3]) * 0x1.0p-32, kernels::uniform01_shared(seed, stream, year, id)) << id;
  }
}
