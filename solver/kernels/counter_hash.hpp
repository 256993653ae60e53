#pragma once
// Counter-based randomness: every draw is a pure function of (seed, stream, year, cell id), so no
// generator state travels with the decomposition and a cell draws the same number on any rank.
// Uses Random123's Philox4x32-10 (Salmon et al. 2011, "Parallel random numbers: as easy as 1, 2, 3").

#include <Random123/philox.h>

#include <cstdint>

namespace polder::kernels {

/// Streams keep independent uses of the generator apart.
enum class RandomStream : std::uint32_t {
  fire_ignition = 1,
  fire_spread = 2,
  land_use_schedule = 3,
  marsh_erosion = 4,
  final_felling = 5,
  // Monte Carlo ensembles (solver/ensemble): keyed by draw number instead of year.
  ensemble_parameter = 6,     ///< the uniform of a correlation group in a draw (LHS jitter, or plain random)
  ensemble_lhs_order = 7,     ///< sort keys that fix the order of a group's LHS strata
  activity_land_use = 8,      ///< keep or reject a mapped land-use change (map accuracy)
  activity_organic_soil = 9,  ///< keep or reject a mapped organic soil (soil-map accuracy)
  // Land use after the last map, and policy measures (engine/land_use_projection, engine/measure_plan).
  land_use_projection = 10,  ///< whether a 1-ha block converts this year (baseline projection)
  measure_priority = 11,     ///< the order in which a measure takes its qualifying cells
  measure_survival = 12,     ///< whether a planted cell takes (seagrass survival)
  measure_species = 13       ///< the species of a new stand from a measure's species mix
};

/// Uniform double in [0, 1) for (seed, stream, year, cell id, step).
inline double uniform01(std::uint64_t seed, RandomStream stream, std::int32_t year, std::int64_t cell_id,
                        std::uint32_t step = 0) {
  using Philox = r123::Philox4x32;
  const Philox::key_type key = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  const Philox::ctr_type ctr = {{static_cast<std::uint32_t>(cell_id), static_cast<std::uint32_t>(cell_id >> 32),
                                 static_cast<std::uint32_t>(year) ^ (static_cast<std::uint32_t>(stream) << 24), step}};
  const auto r = Philox()(ctr, key);
  const std::uint64_t bits = (std::uint64_t{r[0]} << 21) ^ std::uint64_t{r[1]};  // 53 random bits
  return static_cast<double>(bits & ((std::uint64_t{1} << 53) - 1)) * 0x1.0p-53;
}

/// Uniform doubles in [0, 1) for (seed, stream, year, cell id), one Philox block shared by the four
/// cells 4k .. 4k+3 (each takes its own 32-bit lane), still a pure function of the cell id; 32 bits of
/// resolution (2.3e-10). The last block is kept, so a sweep over cells in increasing id order pays
/// for one block per four neighbouring cells.
class SharedUniformStream {
 public:
  SharedUniformStream(std::uint64_t seed, RandomStream stream, std::int32_t year)
      : m_key{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        m_word(static_cast<std::uint32_t>(year) ^ (static_cast<std::uint32_t>(stream) << 24)) {}
  double operator()(std::int64_t cell_id) {
    const auto block = static_cast<std::uint64_t>(cell_id) >> 2;
    if (block != m_block) {
      const r123::Philox4x32::ctr_type ctr = {
          {static_cast<std::uint32_t>(block), static_cast<std::uint32_t>(block >> 32), m_word, 0x5ca1ab1eU}};
      m_lanes = r123::Philox4x32()(ctr, m_key);
      m_block = block;
    }
    return static_cast<double>(m_lanes[static_cast<std::size_t>(cell_id & 3)]) * 0x1.0p-32;
  }

 private:
  r123::Philox4x32::key_type m_key;
  std::uint32_t m_word;
  std::uint64_t m_block = ~std::uint64_t{0};
  r123::Philox4x32::ctr_type m_lanes{};
};

/// One draw of `SharedUniformStream` (the same value a sweep gives for that cell).
inline double uniform01_shared(std::uint64_t seed, RandomStream stream, std::int32_t year, std::int64_t cell_id) {
  return SharedUniformStream(seed, stream, year)(cell_id);
}

/// A 64-bit mix of an integer (SplitMix64 finaliser), for cheap deterministic choices.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// The Philox key of Monte Carlo draw `draw` of an ensemble run with seed `seed`: every per-cell draw
/// of the engine (fire, felling, marsh erosion, projection, measure allocation) is keyed by it, so the
/// key is (seed, draw) and the counter (stream, year, cell id, step) as before. Draw 0, the central
/// estimate and every plain run, keeps the run seed itself and so today's bits; draw d >= 1 takes the
/// seed XOR mix64(d), a bijection of d, so two draws of one seed never share a key (Philox streams
/// under different keys are independent: Salmon et al. 2011, section 2). Keyed by the draw, not the
/// member index, so draw d sees the same fires in every scenario entry (common random numbers).
constexpr std::uint64_t draw_seed(std::uint64_t seed, std::int64_t draw) {
  return draw == 0 ? seed : seed ^ mix64(static_cast<std::uint64_t>(draw));
}

}  // namespace polder::kernels
