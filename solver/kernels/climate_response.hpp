#pragma once
// How growth and decomposition respond to the yearly climate forcing.
//
// Decomposition (soil, dead wood, litter, peat oxidation):   f_T = Q10^((T - T_ref) / 10)
// Peat oxidation also responds to the water table: the mean annual water-table depth of a cell is
//   WTD = (GLG + GHG) / 2 + groundwater anomaly of the year, and on-site CO2 changes by
//   `co2_per_10cm` t CO2 ha-1 yr-1 for every 10 cm the WTD is deeper than the reference depth.
// Forest growth is reduced in drought and heat years:
//   f_growth = clamp(1 - s_d * max(0, deficit - deficit_ref) / 100 - s_T * max(0, T - T_ref), f_min, 1)

#include <algorithm>
#include <cmath>

namespace polder::kernels {

struct ClimateResponseParams {
  double q10 = 2.0;                       ///< decomposition Q10
  double reference_temperature_c = 10.5;  ///< T_ref (De Bilt 1991-2020 mean)
  double growth_drought_sensitivity = 0.10;   ///< s_d, per 100 mm deficit above the reference
  double growth_heat_sensitivity = 0.03;      ///< s_T, per degree above the reference
  double growth_deficit_reference_mm = 150.0;
  double growth_factor_min = 0.5;
};

inline double decomposition_factor(const ClimateResponseParams& p, double temperature_c) {
  return std::pow(p.q10, (temperature_c - p.reference_temperature_c) / 10.0);
}

inline double growth_factor(const ClimateResponseParams& p, double deficit_mm, double temperature_c) {
  const double drought = p.growth_drought_sensitivity * std::max(0.0, deficit_mm - p.growth_deficit_reference_mm) / 100.0;
  const double heat = p.growth_heat_sensitivity * std::max(0.0, temperature_c - p.reference_temperature_c);
  return std::clamp(1.0 - drought - heat, p.growth_factor_min, 1.0);
}

}  // namespace polder::kernels
