#pragma once
// Counter-based randomness for the synthetic country: every draw is a pure function of (seed, stream,
// integer coordinates), so a cell's value never depends on which rank or thread computes it. Hash:
// the SplitMix64 finaliser (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
// generators", OOPSLA). Value noise: bilinear interpolation with a smoothstep of hashed lattice values.

#include <cstdint>
#include <cmath>

namespace polder::io::synth {

/// SplitMix64 finaliser: a bijective 64-bit mix.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

/// Hash of a seed, a stream id and two integer coordinates.
constexpr std::uint64_t hash64(std::uint64_t seed, std::uint64_t stream, std::int64_t a, std::int64_t b) {
  std::uint64_t h = mix64(seed ^ (stream * 0x9E3779B97F4A7C15ULL));
  h = mix64(h ^ (static_cast<std::uint64_t>(a) * 0xD6E8FEB86659FD93ULL));
  return mix64(h ^ (static_cast<std::uint64_t>(b) * 0xCA5A826395121157ULL));
}

/// Uniform float in [0, 1) from the top 24 bits of a hash.
constexpr float unit_float(std::uint64_t h) { return static_cast<float>(h >> 40) * (1.0F / 16777216.0F); }

/// Uniform [0, 1) for (seed, stream, a, b).
constexpr float uniform(std::uint64_t seed, std::uint64_t stream, std::int64_t a, std::int64_t b) {
  return unit_float(hash64(seed, stream, a, b));
}

/// Value noise in [0, 1) on a square lattice of `spacing` national cells, evaluated at a position given
/// in (fractional) national cell units. Smooth (C1) between lattice points.
inline float value_noise(std::uint64_t seed, std::uint64_t stream, double row, double col, double spacing) {
  const double fr = row / spacing, fc = col / spacing;
  const double r0 = std::floor(fr), c0 = std::floor(fc);
  const auto ir = static_cast<std::int64_t>(r0), ic = static_cast<std::int64_t>(c0);
  const auto tr = static_cast<float>(fr - r0), tc = static_cast<float>(fc - c0);
  const float sr = tr * tr * (3.0F - 2.0F * tr), sc = tc * tc * (3.0F - 2.0F * tc);
  const float a = uniform(seed, stream, ir, ic), b = uniform(seed, stream, ir, ic + 1);
  const float c = uniform(seed, stream, ir + 1, ic), d = uniform(seed, stream, ir + 1, ic + 1);
  const float top = a + (b - a) * sc;
  const float bottom = c + (d - c) * sc;
  return top + (bottom - top) * sr;
}

/// Value noise at the centre of national cell (row, col).
inline float cell_noise(std::uint64_t seed, std::uint64_t stream, std::int32_t row, std::int32_t col, double spacing) {
  return value_noise(seed, stream, row + 0.5, col + 0.5, spacing);
}

/// Two octaves (spacing and spacing/3, weights 2:1), rescaled to about [0, 1).
inline float fbm2(std::uint64_t seed, std::uint64_t stream, std::int32_t row, std::int32_t col, double spacing) {
  return (2.0F * cell_noise(seed, stream, row, col, spacing) + cell_noise(seed, stream + 1000, row, col, spacing / 3.0)) /
         3.0F;
}

/// Quantises a score in [0, 1] to the 16-bit keys the calibration ranks (clamped).
constexpr std::uint16_t to_key(float v) {
  return v <= 0.0F ? std::uint16_t{0} : v >= 1.0F ? std::uint16_t{65535} : static_cast<std::uint16_t>(v * 65535.0F);
}

}  // namespace polder::io::synth
