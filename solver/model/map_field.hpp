#pragma once
// The per-cell fields a run can write as maps (`[output] maps`): one table of names, units and
// meanings that the configuration checks, the engine fills and the map file describes. Values are
// those of the end of the map year.

#include <array>
#include <cstdint>
#include <string_view>

namespace polder::model {

/// The map resolutions `[output] map_resolution` accepts, metres: whole multiples of the 25 m cell.
inline constexpr std::array<std::int32_t, 4> k_map_resolutions_m = {25, 100, 250, 1000};

enum class MapField { net_co2e, net_co2, soc_stock, biomass, peat_thickness, land_use };

struct MapFieldInfo {
  MapField field;
  std::string_view key;        ///< name in `[output] maps` and the NetCDF variable name
  std::string_view units;      ///< UDUNITS
  std::string_view long_name;  ///< what the variable holds
  bool class_codes;            ///< land-use codes (majority when aggregated) instead of values (mean)
};

inline constexpr std::array<MapFieldInfo, 6> k_map_fields = {{
    {MapField::net_co2e, "net_co2e", "t ha-1 yr-1",
     "net emission of the cell in the year, t CO2-eq per hectare (AR5 GWP100: CH4 28, N2O 265), emission "
     "positive: net_co2 plus the cell's CH4 and N2O (no HWP, no N2O of agricultural organic soils)",
     false},
    {MapField::net_co2, "net_co2", "t ha-1 yr-1",
     "net CO2 of the cell's carbon pools in the year, t CO2 per hectare, emission positive: -44/12 x the change "
     "of living biomass, dead wood, litter and soil carbon (DOC counted as off-site CO2; no CH4, N2O or HWP)",
     false},
    {MapField::soc_stock, "soc_stock", "t ha-1",
     "soil organic carbon, t C per hectare: mineral soil (0-30 cm) plus the carbon of the remaining peat layer", false},
    {MapField::biomass, "biomass", "t ha-1", "living biomass carbon above and below ground, t C per hectare", false},
    {MapField::peat_thickness, "peat_thickness", "cm", "thickness of the remaining peat layer (0 without peat)", false},
    {MapField::land_use, "land_use", "1", "Polder land-use class (model/land_use.hpp)", true},
}};

}  // namespace polder::model
