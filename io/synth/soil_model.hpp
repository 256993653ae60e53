#pragma once
// Soil and water of a cell: soil class (mineral from the soil landscape, peat and peaty soils where the
// calibrated organic potential is highest), remaining peat thickness, mean lowest and highest
// groundwater depth (GLG, GHG) and the share of ditch water. Reference ranges and sources:
// docs/synthetic-netherlands.md, section "Soils and water".

#include <array>
#include <cstdint>

#include "io/synth/thresholds.hpp"

namespace polder::io::synth {

struct SoilAttributes {
  std::uint8_t soil = 0;     ///< model::SoilClass code; 0 for water
  float peat_cm = 0;         ///< remaining peat thickness
  float glg_cm = 0;          ///< mean lowest groundwater level, cm below surface
  float ghg_cm = 0;          ///< mean highest groundwater level, cm below surface (negative: inundation)
  float ditch_fraction = 0;  ///< share of the cell that is ditch water
};

/// `land_use` is the cell's class in every map year: organic soils that are arable in most map years
/// are drained deeper (assumption A35).
SoilAttributes soil_attributes(const CellDrivers& d, const Thresholds& t, std::uint64_t seed, std::int32_t row,
                               std::int32_t col, const std::array<std::uint8_t, k_map_years>& land_use);

}  // namespace polder::io::synth
