#pragma once
// Wetlands other than drained organic soils: open water, reed marsh, and coastal wetlands.
//
// CH4 from open water and marshes: a flux per hectare and year per land-use class.
// Salt marsh: soil carbon burial follows sediment accretion, which is larger on low marshes and
//   stops when the marsh has built up to mean high water (MHW):
//     accretion (cm yr-1) = a_max * clamp((z_ref - z) / z_ref, 0, 1) + a_min,   z = elevation vs MHW
//     burial (t C ha-1 yr-1) = accretion * burial_per_cm
//     dz = accretion - sea-level rise;   z < drowning_level  ->  the marsh drowns (becomes tidal flat)
// Seagrass: constant burial per hectare (IPCC Wetlands Supplement Table 4.12 default).

#include <algorithm>
#include <array>
#include <cstdint>

#include "model/land_use.hpp"

namespace polder::kernels {

struct WetlandParams {
  std::array<double, model::k_land_use_classes> ch4_kg_ha{};  ///< per land-use class
  double marsh_accretion_max_cm = 1.5;      ///< a_max
  double marsh_accretion_min_cm = 0.1;      ///< a_min (organic accumulation at MHW)
  double marsh_reference_depth_cm = 50.0;   ///< z_ref below MHW where accretion is a_max
  double marsh_burial_per_cm_t_c_ha = 0.6;  ///< carbon buried per cm of accretion
  double marsh_drowning_level_cm = -40.0;   ///< below this relative to MHW a marsh becomes tidal flat
  double seagrass_burial_t_c_ha = 0.43;     ///< Wetlands Supplement Table 4.12
};

struct MarshYear {
  double accretion_cm = 0.0;
  double burial_c_t_ha = 0.0;
  float new_elevation_cm = 0.0F;
  bool drowned = false;
};

inline MarshYear salt_marsh_year(const WetlandParams& p, float elevation_cm, double sea_level_rise_cm) {
  MarshYear m;
  const double depth = -static_cast<double>(elevation_cm);  // > 0 below MHW
  const double share = std::clamp(depth / p.marsh_reference_depth_cm, 0.0, 1.0);
  m.accretion_cm = p.marsh_accretion_max_cm * share + p.marsh_accretion_min_cm;
  m.burial_c_t_ha = m.accretion_cm * p.marsh_burial_per_cm_t_c_ha;
  m.new_elevation_cm = static_cast<float>(elevation_cm + m.accretion_cm - sea_level_rise_cm);
  m.drowned = m.new_elevation_cm < p.marsh_drowning_level_cm;
  return m;
}

}  // namespace polder::kernels
