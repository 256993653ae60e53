#include "io/synth/land_use_model.hpp"

#include <algorithm>

#include "io/synth/territory.hpp"

namespace polder::io::synth {

using model::LandUse;

namespace {
constexpr std::uint8_t code(LandUse lu) { return static_cast<std::uint8_t>(lu); }

/// A stand of the 1970 forest cleared for farmland by map year `year_index` (assumption A36).
bool cleared_to_farm(const CellDrivers& d, const Thresholds& t, int year_index) {
  return d.defor_to_farm && in_1970_forest(d, t) && d.defor >= t.defor[static_cast<std::size_t>(year_index)];
}
}  // namespace

std::uint8_t fixed_class(const CellDrivers& d, const Thresholds& t, int year_index, std::int16_t seagrass_since) {
  if (d.water_body != 0) {
    const auto& body = Territory::national().water_bodies()[d.water_body - 1U];
    if (body.kind == WaterKind::sea) return code(LandUse::coastal_water);
    if (body.kind == WaterKind::inland_lake) return code(LandUse::inland_water);
    if (d.marsh >= t.marsh) return code(LandUse::salt_marsh);
    if (seagrass_since != 0 && seagrass_since <= k_synth_map_years[static_cast<std::size_t>(year_index)])
      return code(LandUse::seagrass);
    if (d.tidal >= t.tidal_flat[d.water_body - 1U]) return code(LandUse::intertidal_flat);
    return code(LandUse::coastal_water);
  }
  if (d.marsh >= t.marsh) return code(LandUse::salt_marsh);
  if (year_index >= d.lake_from) return code(LandUse::inland_water);
  return 0;
}

std::uint32_t arable_key(const CellDrivers& d, const Thresholds& t, int year_index) {
  // Forest cleared for farmland becomes arable (A36: the temporary forests on farmland in Groningen and
  // Drenthe went back to agriculture, mostly arable there).
  if (cleared_to_farm(d, t, year_index)) return 65535U;
  const std::uint32_t key = d.arable[static_cast<std::size_t>(year_index)];
  return d.organic >= t.peat ? std::min<std::uint32_t>(key + d.arable_peat, 65535U) : key;
}

std::uint8_t classify(const CellDrivers& d, const Thresholds& t, int year_index, std::int16_t seagrass_since) {
  if (d.province == 0) return 0;
  if (const std::uint8_t f = fixed_class(d, t, year_index, seagrass_since); f != 0) return f;
  const auto k = static_cast<std::size_t>(year_index);
  if (d.settle >= t.settle[k]) {
    if (d.road != 0) return code(LandUse::infrastructure);
    return d.green >= t.green[k] ? code(LandUse::urban_green) : code(LandUse::built_up);
  }
  if (d.wet[k] >= t.wet[k]) return d.reed_split ? code(LandUse::reed_marsh) : code(LandUse::inland_water);
  const bool base_forest = in_1970_forest(d, t);
  if (base_forest ? d.defor < t.defor[k] : d.afforest[k] >= t.afforest[k]) return code(LandUse::forest);
  if (d.other >= t.other[k]) return code(LandUse::sand_dunes);
  // Cleared 1970 forest turns into open nature first (heath and drift-sand restoration), except the
  // stands cleared for farmland (A36), which become arable.
  const bool cleared = base_forest && d.defor >= t.defor[k];
  const bool to_farm = cleared && d.defor_to_farm;
  if (!to_farm && (d.nature >= t.nature[k] || (cleared && t.nature[k] != k_none))) {
    return d.heath >= t.heath[k] ? code(LandUse::heath) : code(LandUse::grassland_nature);
  }
  if (!to_farm && d.orchard >= t.orchard[k]) return code(LandUse::orchard);
  if (arable_key(d, t, year_index) >= t.arable[k]) return code(LandUse::arable);
  if (d.tof >= t.tof[k]) return code(LandUse::trees_outside_forest);
  return code(LandUse::grassland_agri);
}

}  // namespace polder::io::synth
