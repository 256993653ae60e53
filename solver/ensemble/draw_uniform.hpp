#pragma once
// The counter-based uniforms of an ensemble: Philox (solver/kernels/counter_hash.hpp) keyed by the
// ensemble seed, with the draw number in the counter where a yearly process puts the year. Nothing
// here has state, so any draw of any group or patch can be computed alone, on any rank.

#include <cmath>
#include <cstdint>
#include <string_view>

#include "solver/kernels/counter_hash.hpp"

namespace polder::ensemble {

/// A uniform in the open interval (0, 1) for (seed, stream, draw, key, step): the Philox output of
/// `kernels::uniform01` cut to 52 bits and moved to the middle of its bin, (k + 0.5) 2^-52, so that
/// inverse distribution functions never see 0 or 1. `draw` must be < 2^24 (the stream shares its
/// counter word; the ensemble caps draws far below that).
inline double open_uniform(std::uint64_t seed, kernels::RandomStream stream, std::int64_t draw, std::uint64_t key,
                           std::uint32_t step = 0) {
  const double x =
      kernels::uniform01(seed, stream, static_cast<std::int32_t>(draw), static_cast<std::int64_t>(key), step);
  const double bin = std::floor(x * 0x1.0p52);  // exact: x is a multiple of 2^-53
  return (bin + 0.5) * 0x1.0p-52;
}

/// A stable 64-bit key for a name (FNV-1a, then the SplitMix64 finaliser): a correlation group's draws
/// depend on its name only, so adding or removing other parameters never changes them.
constexpr std::uint64_t name_key(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : name) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return kernels::mix64(h);
}

}  // namespace polder::ensemble
