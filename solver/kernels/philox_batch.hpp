#pragma once
// Philox4x32-10 (Salmon et al. 2011, SC'11 "Parallel random numbers: as easy as 1, 2, 3", the
// generator of Random123) for many counters at once: each of the ten rounds is a plain loop over the
// batch that the compiler vectorises (32 x 32 -> 64-bit multiplies), where one block at a time costs
// a serial chain of multiplies. The output is the same bits as r123::Philox4x32 for every counter
// (tested in tests/kernels/test_philox_batch.cpp), so draws do not depend on how they are batched.

#include <cstddef>
#include <cstdint>

namespace polder::kernels {

/// Counters of a batch, as four lanes; replaced by the generator's output.
struct PhiloxLanes {
  std::uint32_t* c0;
  std::uint32_t* c1;
  std::uint32_t* c2;
  std::uint32_t* c3;
};

inline void philox4x32_10(std::size_t n, PhiloxLanes lanes, std::uint32_t key0, std::uint32_t key1) {
  constexpr std::uint64_t m0 = 0xD2511F53U, m1 = 0xCD9E8D57U;  // PHILOX_M4x32_0, _1
  constexpr std::uint32_t w0 = 0x9E3779B9U, w1 = 0xBB67AE85U;  // PHILOX_W32_0, _1 (key bumps)
  std::uint32_t* __restrict a = lanes.c0;
  std::uint32_t* __restrict b = lanes.c1;
  std::uint32_t* __restrict c = lanes.c2;
  std::uint32_t* __restrict d = lanes.c3;
  for (int round = 0; round < 10; ++round) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t p0 = m0 * a[i];
      const std::uint64_t p1 = m1 * c[i];
      const auto hi0 = static_cast<std::uint32_t>(p0 >> 32), lo0 = static_cast<std::uint32_t>(p0);
      const auto hi1 = static_cast<std::uint32_t>(p1 >> 32), lo1 = static_cast<std::uint32_t>(p1);
      const std::uint32_t b_old = b[i], d_old = d[i];
      a[i] = hi1 ^ b_old ^ key0;
      b[i] = lo1;
      c[i] = hi0 ^ d_old ^ key1;
      d[i] = lo0;
    }
    key0 += w0;
    key1 += w1;
  }
}

}  // namespace polder::kernels
