#pragma once
// Land use of a cell in a map year from its drivers and the calibrated thresholds: a fixed cascade
// (fixed waters and marsh, settlement, wetland, forest kept / planted, bare sand, open nature, orchard,
// arable, trees outside forest, agricultural grassland). The calibration runs the same function with
// the later thresholds unset, so it can never disagree with what the generator writes.

#include <cstdint>

#include "io/synth/thresholds.hpp"
#include "solver/model/land_use.hpp"

namespace polder::io::synth {

/// Class of the fixed stage (water bodies, rivers, lakes, salt marsh), or 0 for calibrated land.
/// `seagrass_since` is the cell's seagrass establishment year (0: never).
std::uint8_t fixed_class(const CellDrivers& d, const Thresholds& t, int year_index, std::int16_t seagrass_since);

/// Full classification (Polder land-use code 1..17; 0 outside the territory).
/// Arable ranking key of map year `year_index`: the rotation key, plus the organic-soil tendency
/// (CellDrivers::arable_peat) where the cell's soil is peat (assumption A35); the top key for
/// 1970 forest cleared for farmland (CellDrivers::defor_to_farm, assumption A36).
std::uint32_t arable_key(const CellDrivers& d, const Thresholds& t, int year_index);

std::uint8_t classify(const CellDrivers& d, const Thresholds& t, int year_index, std::int16_t seagrass_since);

/// True when the cell belongs to the 1970 forest.
inline bool in_1970_forest(const CellDrivers& d, const Thresholds& t) { return d.forest >= t.forest_1970; }

}  // namespace polder::io::synth
