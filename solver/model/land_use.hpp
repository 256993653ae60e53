#pragma once
// Polder land-use classes: IPCC categories with the Dutch sub-classes the inventory distinguishes
// (BKN/LGN based, see docs/input-format.md). Codes are stable: they are stored in input files.

#include <array>
#include <cstdint>
#include <string_view>

#include "solver/model/crt_category.hpp"

namespace polder::model {

enum class LandUse : std::uint8_t {
  none = 0,                  ///< outside the reporting territory
  forest = 1,                ///< forest patch >= 0.5 ha (BKN class 40)
  trees_outside_forest = 2,  ///< wooded patch < 0.5 ha, reported under grassland
  grassland_agri = 3,        ///< agricultural grassland
  grassland_nature = 4,      ///< nature grassland (BKN 11)
  heath = 5,                 ///< heathland (BKN 30)
  reed_marsh = 6,            ///< reed marsh (BKN 80)
  sand_dunes = 7,            ///< drift sand, beach, bare dunes (BKN 90, 91)
  arable = 8,                ///< arable land and open-field horticulture
  orchard = 9,               ///< orchards, nurseries and other perennial crops
  built_up = 10,             ///< buildings and paved yards
  infrastructure = 11,       ///< roads, railways
  urban_green = 12,          ///< parks, sports fields, gardens in built-up areas
  inland_water = 13,         ///< lakes, rivers, canals, ditches wider than a cell
  coastal_water = 14,        ///< Wadden Sea, Delta waters, coastal strip
  intertidal_flat = 15,      ///< tidal flats (wadplaten, slikken)
  salt_marsh = 16,           ///< salt and brackish marshes (kwelders, schorren)
  seagrass = 17,             ///< seagrass meadows (subtidal / intertidal)
};
inline constexpr int k_land_use_classes = 18;  // including `none`

struct LandUseInfo {
  std::string_view key;    ///< short name used in configs and tables
  std::string_view label;  ///< human-readable
  LandCategory category;   ///< IPCC category it is reported in
};

inline constexpr std::array<LandUseInfo, k_land_use_classes> k_land_use_info = {{
    {"none", "outside territory", LandCategory::other_land},
    {"forest", "Forest (>= 0.5 ha)", LandCategory::forest},
    {"trees_outside_forest", "Trees outside forest (< 0.5 ha)", LandCategory::grassland},
    {"grassland_agri", "Agricultural grassland", LandCategory::grassland},
    {"grassland_nature", "Nature grassland", LandCategory::grassland},
    {"heath", "Heathland", LandCategory::grassland},
    {"reed_marsh", "Reed marsh", LandCategory::wetlands},
    {"sand_dunes", "Drift sand, beach and bare dunes", LandCategory::other_land},
    {"arable", "Arable land", LandCategory::cropland},
    {"orchard", "Orchards and perennial crops", LandCategory::cropland},
    {"built_up", "Built-up area", LandCategory::settlements},
    {"infrastructure", "Infrastructure", LandCategory::settlements},
    {"urban_green", "Urban green", LandCategory::settlements},
    {"inland_water", "Open inland water", LandCategory::wetlands},
    {"coastal_water", "Coastal water", LandCategory::wetlands},
    {"intertidal_flat", "Intertidal flat", LandCategory::wetlands},
    {"salt_marsh", "Salt marsh", LandCategory::wetlands},
    {"seagrass", "Seagrass meadow", LandCategory::wetlands},
}};

constexpr bool is_valid_land_use(unsigned code) {
  return code >= 1 && code < static_cast<unsigned>(k_land_use_classes);
}
constexpr LandCategory category_of(LandUse lu) { return k_land_use_info[static_cast<std::size_t>(lu)].category; }
/// Branch-free lookup used by kernels: land-use code -> category index.
inline constexpr std::array<std::uint8_t, k_land_use_classes> k_category_of_code = [] {
  std::array<std::uint8_t, k_land_use_classes> t{};
  for (std::size_t i = 0; i < t.size(); ++i) t[i] = static_cast<std::uint8_t>(k_land_use_info[i].category);
  return t;
}();

/// Land-use map years the national maps exist for (BKN-based LULUCF maps).
inline constexpr std::array<int, 6> k_map_years = {1990, 2004, 2009, 2013, 2017, 2021};

}  // namespace polder::model
