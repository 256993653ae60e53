#pragma once
// Forest species groups of the Dutch national forest inventory (NBI) used by the growth kernels.

#include <array>
#include <cstdint>
#include <string_view>

namespace polder::model {

enum class ForestSpecies : std::uint8_t {
  none = 0,
  scots_pine = 1,
  douglas_fir = 2,
  spruce = 3,
  larch = 4,
  oak = 5,
  beech = 6,
  birch = 7,
  poplar = 8,
  other_broadleaves = 9
};
inline constexpr int k_forest_species = 10;  // including `none`

inline constexpr std::array<std::string_view, k_forest_species> k_species_keys = {
    "none", "scots_pine", "douglas_fir", "spruce", "larch", "oak", "beech", "birch", "poplar", "other_broadleaves"};

constexpr bool is_valid_species(unsigned code) { return code < static_cast<unsigned>(k_forest_species); }
constexpr bool is_conifer(ForestSpecies s) {
  return s == ForestSpecies::scots_pine || s == ForestSpecies::douglas_fir || s == ForestSpecies::spruce ||
         s == ForestSpecies::larch;
}

}  // namespace polder::model
