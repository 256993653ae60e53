#pragma once
// Land use of a cell in any year from the sequence of land-use maps. Following the Dutch inventory
// (Arets et al., WOt technical reports), the changes seen between two consecutive maps are spread
// evenly over the years of the interval: a cell that differs between maps m0 and m1 takes its new
// use in one year of (m0, m1], chosen by a hash of its cell id, so the national change per year is
// even. Before the first map the first map holds; after the last map the last map holds.

#include <cstdint>
#include <span>

#include "solver/kernels/counter_hash.hpp"
#include "solver/model/land_use.hpp"

namespace polder::kernels {

/// Year in (m0, m1] in which a changing cell switches.
constexpr std::int32_t change_year(std::int32_t m0, std::int32_t m1, std::int64_t cell_id) {
  const auto span = static_cast<std::uint64_t>(m1 - m0);
  const std::uint64_t h =
      mix64(static_cast<std::uint64_t>(cell_id) * 0x100000001B3ULL ^ static_cast<std::uint64_t>(m0));
  return m0 + 1 + static_cast<std::int32_t>(h % span);
}

/// Land-use code of a cell in `year`. `codes[k]` is its code on map k, `years[k]` the map years.
inline std::uint8_t land_use_in_year(std::span<const std::uint8_t> codes, std::span<const std::int32_t> years,
                                     std::int32_t year, std::int64_t cell_id) {
  const std::size_t n = years.size();
  if (year <= years[0]) return codes[0];
  for (std::size_t k = 0; k + 1 < n; ++k) {
    if (year <= years[k + 1]) {
      if (codes[k] == codes[k + 1]) return codes[k];
      return year >= change_year(years[k], years[k + 1], cell_id) ? codes[k + 1] : codes[k];
    }
  }
  return codes[n - 1];
}

/// Seagrass is mapped by its establishment year, not by the map years: open coastal water or tidal
/// flat becomes seagrass from `seagrass_since` on (RWS monitoring of the Griend meadows).
constexpr std::uint8_t with_seagrass(std::uint8_t code, std::int16_t seagrass_since, std::int32_t year) {
  using model::LandUse;
  const bool can_host = code == static_cast<std::uint8_t>(LandUse::coastal_water) ||
                        code == static_cast<std::uint8_t>(LandUse::intertidal_flat) ||
                        code == static_cast<std::uint8_t>(LandUse::seagrass);
  if (!can_host || seagrass_since <= 0) return code;
  if (year >= seagrass_since) return static_cast<std::uint8_t>(LandUse::seagrass);
  return code == static_cast<std::uint8_t>(LandUse::seagrass) ? static_cast<std::uint8_t>(LandUse::coastal_water)
                                                              : code;
}

}  // namespace polder::kernels
