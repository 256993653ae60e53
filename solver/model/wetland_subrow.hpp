#pragma once
// The sub-rows of CRT 4.D Wetlands by land-use class, so that marsh drowning (salt marsh -> tidal flat
// -> open water) and restoration (salt marsh and seagrass gained) show in the tables. Every land-use
// class of the wetlands category maps to exactly one sub-row, so the sub-rows partition 4.D: their sum
// over a year is the 4.D total (remaining and converted rows together). The engine books them in a
// ledger of their own, [province][sub-row][quantity], beside the main ledger (ledger_layout.hpp).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "solver/model/land_use.hpp"
#include "solver/model/ledger_layout.hpp"

namespace polder::model {

enum class WetlandSubrow : std::int8_t {
  salt_marsh = 0,  ///< salt and brackish marshes (kwelders, schorren)
  seagrass = 1,    ///< seagrass meadows
  tidal_flat = 2,  ///< intertidal flats (wadplaten, slikken)
  open_water = 3,  ///< coastal and inland open water
  reed_marsh = 4,  ///< inland reed marshes
};
inline constexpr int k_wetland_subrows = 5;

inline constexpr std::array<std::string_view, k_wetland_subrows> k_wetland_subrow_keys = {
    "salt_marsh", "seagrass", "tidal_flat", "open_water", "reed_marsh"};
inline constexpr std::array<std::string_view, k_wetland_subrows> k_wetland_subrow_names = {
    "Salt marsh", "Seagrass meadows", "Tidal flats", "Open water (coastal and inland)", "Reed marsh"};

/// Land-use code -> 4.D sub-row, -1 for classes outside the wetlands category.
inline constexpr std::array<std::int8_t, k_land_use_classes> k_wetland_subrow_of_code = [] {
  std::array<std::int8_t, k_land_use_classes> t{};
  t.fill(-1);
  t[static_cast<std::size_t>(LandUse::salt_marsh)] = static_cast<std::int8_t>(WetlandSubrow::salt_marsh);
  t[static_cast<std::size_t>(LandUse::seagrass)] = static_cast<std::int8_t>(WetlandSubrow::seagrass);
  t[static_cast<std::size_t>(LandUse::intertidal_flat)] = static_cast<std::int8_t>(WetlandSubrow::tidal_flat);
  t[static_cast<std::size_t>(LandUse::coastal_water)] = static_cast<std::int8_t>(WetlandSubrow::open_water);
  t[static_cast<std::size_t>(LandUse::inland_water)] = static_cast<std::int8_t>(WetlandSubrow::open_water);
  t[static_cast<std::size_t>(LandUse::reed_marsh)] = static_cast<std::int8_t>(WetlandSubrow::reed_marsh);
  return t;
}();

constexpr int wetland_subrow_of(std::uint8_t land_use) {
  return land_use < k_land_use_classes ? k_wetland_subrow_of_code[land_use] : -1;
}

/// Index into the sub-row ledger: [province 0..11][sub-row][quantity].
inline constexpr std::size_t k_wetland_ledger_size =
    static_cast<std::size_t>(k_provinces) * k_wetland_subrows * k_quantities;
constexpr std::size_t wetland_index(int province0, int subrow, int q) {
  return (static_cast<std::size_t>(province0) * k_wetland_subrows + static_cast<std::size_t>(subrow)) * k_quantities +
         static_cast<std::size_t>(q);
}

}  // namespace polder::model
