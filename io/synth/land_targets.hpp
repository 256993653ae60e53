#pragma once
// Area targets of the synthetic land-use maps, per map year, in kha: the six CRT categories from the
// reported CRT table 4.1 (interpolated), plus documented assumptions for the sub-classes the CRT does not
// give (heath, nature grassland, orchards, trees outside forest, urban green) and for gross
// deforestation. Sources and assumptions: docs/synthetic-netherlands.md, section "Land use".

#include <array>
#include <cstdint>
#include <vector>

#include "solver/model/crt_category.hpp"

namespace polder::io::synth {

/// CRT 4.1 final areas (kha) of one reported year.
struct CrtAreaRow {
  int year;
  std::array<double, model::k_land_categories> kha;  ///< forest, cropland, grassland, wetlands, settlements, other
};

/// The reported rows (crt_nl_land_areas.csv, 2025 submission): 1990, 2005, 2020, 2023.
const std::vector<CrtAreaRow>& crt_reported_areas();
/// Reporting territory, kha (CRT 4.1; constant every year).
inline constexpr double k_territory_kha = 4154.19;

/// CRT area per category for `year`: linear between reported years; before 1990 extrapolated with the
/// 1990–2004 annual changes (the documented 1970 reconstruction); after 2023 extrapolated with the
/// 2020–2023 annual changes (the extrapolated 2025 map, assumption A34).
std::array<double, model::k_land_categories> crt_areas_kha(int year);

/// Everything the calibration aims at for one map year (kha).
struct LandTargets {
  int year = 0;
  std::array<double, model::k_land_categories> crt{};
  double heath_kha = 0;                           ///< within grassland
  double open_nature_kha = 0;                     ///< heath + nature grassland, within grassland
  double orchard_kha = 0;                         ///< within cropland
  double trees_outside_forest_kha = 0;            ///< within grassland
  double urban_green_share = 0;                   ///< of settlement cells that are not infrastructure
  double gross_deforestation_since_1970_kha = 0;  ///< cumulative loss of the 1970 forest
  double salt_marsh_kha = 0;                      ///< within wetlands
};

LandTargets land_targets(int year);

}  // namespace polder::io::synth
