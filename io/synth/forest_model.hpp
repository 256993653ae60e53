#pragma once
// Forest attributes of a cell that holds a stand (forest or trees outside forest in any map year):
// NBI species group, age in the forest reference year (2021), Dutch yield class and stem volume.
// Species come from per-site probability tables tuned to the NBI6 area shares shifted as NBI7
// describes; ages from an NBI-like age structure for the 1970 forest and from the map interval in
// which later stands appear; volume from a Chapman-Richards curve per species, scaled nationally so the
// mean over the 2021 forest is 225 m3/ha. Sources and assumptions: docs/synthetic-netherlands.md.

#include <array>
#include <cstdint>

#include "io/synth/thresholds.hpp"

namespace polder::io::synth {

inline constexpr int k_forest_reference_year = 2021;  ///< NBI7 (2017–2021); stack attribute forest_reference_year
inline constexpr double k_mean_standing_volume_m3_ha = 225.0;  ///< bosbarometer.nl, 2021 (domain.md 1.7)

struct ForestStand {
  std::uint8_t species = 0;  ///< model::ForestSpecies code, 0 = no stand
  std::int16_t age = -1;     ///< years in 2021 (the age the stand has or would have had)
  std::uint8_t yield_class = 0;
  float raw_volume = 0;  ///< m3/ha before the national scale factor; 0 when no stand in 2021
};

/// `land_use` holds the cell's class in each map year.
ForestStand forest_stand(const CellDrivers& d, const Thresholds& t,
                         const std::array<std::uint8_t, k_map_years>& land_use);

/// Chapman-Richards stem volume (m3/ha) of a species group, yield class and age, before scaling.
float raw_stem_volume(std::uint8_t species, std::uint8_t yield_class, int age);

}  // namespace polder::io::synth
