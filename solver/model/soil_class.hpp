#pragma once
// Soil classes of the input stack, a simplification of the 11 main soil groups (hoofdbodemgroepen)
// of the 1:50,000 Dutch soil map, plus the two organic classes of the Dutch definition:
// peat (veengrond, >= 40 cm peat in the upper 80 cm) and peaty (moerige grond, 5–40 cm).

#include <array>
#include <cstdint>
#include <string_view>

namespace polder::model {

enum class SoilClass : std::uint8_t {
  none = 0,         ///< water or outside territory
  sand = 1,         ///< sandy soils incl. podzols (IPCC: sandy / spodic)
  marine_clay = 2,  ///< marine clay (zeeklei), IPCC high-activity clay
  river_clay = 3,   ///< river clay (rivierklei), IPCC high-activity clay
  loess = 4,        ///< loess (South Limburg)
  peat = 5,         ///< veengrond (organic)
  peaty = 6,        ///< moerige grond (organic)
};
inline constexpr int k_soil_classes = 7;

inline constexpr std::array<std::string_view, k_soil_classes> k_soil_keys = {
    "none", "sand", "marine_clay", "river_clay", "loess", "peat", "peaty"};

constexpr bool is_organic(SoilClass s) { return s == SoilClass::peat || s == SoilClass::peaty; }
constexpr bool is_valid_soil(unsigned code) { return code < static_cast<unsigned>(k_soil_classes); }

}  // namespace polder::model
