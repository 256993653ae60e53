#pragma once
// Wetlands other than drained organic soils: open water, reed marsh, and coastal wetlands.
//
// CH4 from open water and marshes: a flux per hectare and year per land-use class.
// Salt marsh (kwelder, schor): soil carbon burial follows sediment accretion, which is larger on low
//   marshes and dwindles as the marsh builds up to mean high water (MHW):
//     accretion (cm yr-1) = a_max * clamp(-z / z_ref, 0, 1) + a_min,    z = elevation vs MHW (cm)
//     burial (t C ha-1 yr-1) = accretion * b                            (b: carbon buried per cm)
//     z(y+1) = z(y) + accretion - sea-level rise;   z < z_drown  ->  the marsh drowns (becomes tidal flat)
//   Edge erosion: a marsh cell lower than z_edge (the pioneer zone at the seaward edge) is eroded with
//   probability p_edge per year and becomes tidal flat; the soil carbon it loses follows from the
//   mineral-soil stock change of that conversion.
//   Brackish marshes (salinity < 18 ppt: Saeftinghe, Dollard) emit CH4: IPCC Wetlands Supplement
//   Table 4.14, 193.7 kg CH4 ha-1 yr-1 (0 above 18 ppt). Brackish cells lie in zones given as data.
// Seagrass: constant burial per hectare (IPCC Wetlands Supplement Table 4.12 default).

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "solver/model/land_use.hpp"

namespace polder::kernels {

/// A rectangle in RD New metres.
struct Zone {
  double x_min_m = 0.0, x_max_m = 0.0, y_min_m = 0.0, y_max_m = 0.0;
  bool contains(double x_m, double y_m) const {
    return x_m >= x_min_m && x_m < x_max_m && y_m >= y_min_m && y_m < y_max_m;
  }
};

struct WetlandParams {
  std::array<double, model::k_land_use_classes> ch4_kg_ha{};  ///< per land-use class
  double marsh_accretion_max_cm = 1.5;                        ///< a_max
  double marsh_accretion_min_cm = 0.1;                        ///< a_min (organic accumulation at MHW)
  double marsh_reference_depth_cm = 50.0;                     ///< z_ref below MHW where accretion is a_max
  double marsh_burial_per_cm_t_c_ha = 0.6;                    ///< b
  double marsh_drowning_level_cm = -40.0;                     ///< z_drown
  double marsh_edge_level_cm = -20.0;                         ///< z_edge
  double marsh_edge_erosion_per_yr = 0.01;                    ///< p_edge
  double seagrass_burial_t_c_ha = 0.43;                       ///< Wetlands Supplement Table 4.12
  double brackish_marsh_ch4_kg_ha = 193.7;                    ///< Wetlands Supplement Table 4.14, salinity < 18 ppt
  std::vector<Zone> brackish_zones;                           ///< where salt-marsh cells are brackish
};

struct MarshYear {
  double accretion_cm = 0.0;
  double burial_c_t_ha = 0.0;
  float new_elevation_cm = 0.0F;
  bool drowned = false;
};

/// `accretion_factor` scales the sediment accretion (a measure raising the sediment supply; 1 default).
inline MarshYear salt_marsh_year(const WetlandParams& p, float elevation_cm, double sea_level_rise_cm,
                                 double accretion_factor = 1.0) {
  MarshYear m;
  const auto z = static_cast<double>(elevation_cm);
  const double share = std::clamp(-z / p.marsh_reference_depth_cm, 0.0, 1.0);  // depth below MHW
  m.accretion_cm = (p.marsh_accretion_max_cm * share + p.marsh_accretion_min_cm) * accretion_factor;
  m.burial_c_t_ha = m.accretion_cm * p.marsh_burial_per_cm_t_c_ha;
  const double z_new = z + m.accretion_cm - sea_level_rise_cm;
  m.new_elevation_cm = static_cast<float>(z_new);
  m.drowned = z_new < p.marsh_drowning_level_cm;
  return m;
}

/// Whether a marsh cell at `elevation_cm` erodes this year, given a uniform draw `u` in [0, 1).
inline bool marsh_edge_erodes(const WetlandParams& p, float elevation_cm, double u) {
  return static_cast<double>(elevation_cm) < p.marsh_edge_level_cm && u < p.marsh_edge_erosion_per_yr;
}

inline bool is_brackish(const WetlandParams& p, double x_m, double y_m) {
  return std::any_of(p.brackish_zones.begin(), p.brackish_zones.end(),
                     [&](const Zone& z) { return z.contains(x_m, y_m); });
}

}  // namespace polder::kernels
