#pragma once
// Counter-based randomness for the synthetic country: every draw is a pure function of (seed, stream,
// integer coordinates), so a cell's value never depends on which rank or thread computes it. Hash:
// the SplitMix64 finaliser (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
// generators", OOPSLA). Value noise: bilinear interpolation with a smoothstep of hashed lattice values.

#include <climits>
#include <cmath>
#include <cstdint>

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

/// Key of a noise field: the seed and stream mixed once, so lattice values cost one mix each.
constexpr std::uint64_t lattice_key(std::uint64_t seed, std::uint64_t stream) {
  return mix64(seed ^ (stream * 0x9E3779B97F4A7C15ULL));
}

/// Uniform [0, 1) value of lattice point (i, j) of a noise field.
constexpr float lattice_value(std::uint64_t key, std::int64_t i, std::int64_t j) {
  return unit_float(mix64(key ^ (static_cast<std::uint64_t>(i) * 0xD6E8FEB86659FD93ULL) ^
                          (static_cast<std::uint64_t>(j) * 0xCA5A826395121157ULL)));
}

/// Smoothstep weight of a lattice fraction.
inline float smooth_weight(float t) { return t * t * (3.0F - 2.0F * t); }

/// Bilinear blend of four lattice values; the one formula every noise path uses (same bits everywhere).
inline float blend(float a, float b, float c, float d, float sr, float sc) {
  const float top = a + (b - a) * sc;
  const float bottom = c + (d - c) * sc;
  return top + (bottom - top) * sr;
}

/// Value noise in [0, 1) on a square lattice of `spacing` national cells, evaluated at a position given
/// in (fractional) national cell units. Smooth (C1) between lattice points.
inline float value_noise(std::uint64_t seed, std::uint64_t stream, double row, double col, double spacing) {
  const double fr = row / spacing, fc = col / spacing;
  const double r0 = std::floor(fr), c0 = std::floor(fc);
  const auto ir = static_cast<std::int64_t>(r0), ic = static_cast<std::int64_t>(c0);
  const float sr = smooth_weight(static_cast<float>(fr - r0)), sc = smooth_weight(static_cast<float>(fc - c0));
  const std::uint64_t key = lattice_key(seed, stream);
  return blend(lattice_value(key, ir, ic), lattice_value(key, ir, ic + 1), lattice_value(key, ir + 1, ic),
               lattice_value(key, ir + 1, ic + 1), sr, sc);
}

/// Value noise at the centre of national cell (row, col).
inline float cell_noise(std::uint64_t seed, std::uint64_t stream, std::int32_t row, std::int32_t col, double spacing) {
  return value_noise(seed, stream, row + 0.5, col + 0.5, spacing);
}

/// Two octaves (spacing and spacing/3, weights 2:1), rescaled to about [0, 1).
inline float fbm2(std::uint64_t seed, std::uint64_t stream, std::int32_t row, std::int32_t col, double spacing) {
  return (2.0F * cell_noise(seed, stream, row, col, spacing) +
          cell_noise(seed, stream + 1000, row, col, spacing / 3.0)) /
         3.0F;
}

/// Value noise for n cells of one row: columns col0 + k (k < n), or col0 + offsets[k] when `offsets`
/// is given (increasing). Lattice corners are reused along the row. This is the cell drivers' fast
/// path; it multiplies by 1/spacing, so its last bits may differ from cell_noise: a field must always be
/// computed by the same one of the two.
inline void noise_row(std::uint64_t seed, std::uint64_t stream, std::int32_t row, std::int32_t col0, std::int32_t n,
                      double spacing, float* out, const std::int32_t* offsets = nullptr) {
  const double fr = (row + 0.5) / spacing;
  const double r0 = std::floor(fr);
  const auto ir = static_cast<std::int64_t>(r0);
  const float sr = smooth_weight(static_cast<float>(fr - r0));
  std::int64_t cached = INT64_MIN;
  float a = 0, b = 0, c = 0, d = 0;
  const double inverse = 1.0 / spacing;
  const std::uint64_t key = lattice_key(seed, stream);
  for (std::int32_t k = 0; k < n; ++k) {
    const std::int32_t col = col0 + (offsets != nullptr ? offsets[k] : k);
    const double fc = (col + 0.5) * inverse;
    const double c0 = std::floor(fc);
    const auto ic = static_cast<std::int64_t>(c0);
    if (ic != cached) {
      if (ic == cached + 1) {
        a = b;
        c = d;
      } else {
        a = lattice_value(key, ir, ic);
        c = lattice_value(key, ir + 1, ic);
      }
      b = lattice_value(key, ir, ic + 1);
      d = lattice_value(key, ir + 1, ic + 1);
      cached = ic;
    }
    out[k] = blend(a, b, c, d, sr, smooth_weight(static_cast<float>(fc - c0)));
  }
}

/// fbm2 for a row of cells (as noise_row); `scratch` must hold n floats.
inline void fbm2_row(std::uint64_t seed, std::uint64_t stream, std::int32_t row, std::int32_t col0, std::int32_t n,
                     double spacing, float* out, float* scratch, const std::int32_t* offsets = nullptr) {
  noise_row(seed, stream, row, col0, n, spacing, out, offsets);
  noise_row(seed, stream + 1000, row, col0, n, spacing / 3.0, scratch, offsets);
  for (std::int32_t k = 0; k < n; ++k) out[k] = (2.0F * out[k] + scratch[k]) / 3.0F;
}

/// Quantises a score in [0, 1] to the 16-bit keys the calibration ranks (clamped).
constexpr std::uint16_t to_key(float v) {
  return v <= 0.0F ? std::uint16_t{0} : v >= 1.0F ? std::uint16_t{65535} : static_cast<std::uint16_t>(v * 65535.0F);
}

}  // namespace polder::io::synth
