#pragma once
// How growth and decomposition respond to the yearly climate forcing (annual mean temperature T and
// April-September precipitation deficit D of the cell's climate cell).
//
// Decomposition, temperature (dead wood, litter, mineral soil, peat):   f_T = Q10^((T - T_ref) / 10)
// Decomposition, summer drought (dead wood, litter, mineral soil):      f_W = clamp(1 - s_W (D - D_W)+ / 100, f_W,min,
// 1)
//   (peat oxidation takes its moisture response from the water table instead, see organic_soil.hpp)
// Growth (forest increment, litter inputs to soils):
//   f_growth = clamp(1 - s_d (D - D_ref)+ / 100 - s_T (T - T_ref)+, f_min, 1)
// Mineral-soil carbon under a changing climate (one-pool model dS/dt = k f_in S_eq - k f_dec S with
// inputs scaled by f_growth and decomposition by f_T f_W): the equilibrium moves to S_eq f_growth /
// (f_T f_W). Its relative offset x from the IPCC land-use equilibrium relaxes with turnover time tau:
//   x(y) = x(y-1) + (f_growth / (f_T f_W) - 1 - x(y-1)) / tau,   x = 0 before the climate record starts,
// and the mineral-soil stock of a cell changes each year by S_eq * (x(y) - x(y-1)). Sources and values:
// configs/parameters/lulucf_nl.ini and docs/method.md.

#include <algorithm>
#include <cmath>

namespace polder::kernels {

struct ClimateResponseParams {
  double q10 = 2.0;                                   ///< decomposition Q10
  double reference_temperature_c = 10.5;              ///< T_ref (De Bilt 1991-2020 mean)
  double growth_drought_sensitivity = 0.10;           ///< s_d, per 100 mm deficit above D_ref
  double growth_heat_sensitivity = 0.03;              ///< s_T, per degree above T_ref
  double growth_deficit_reference_mm = 150.0;         ///< D_ref
  double growth_factor_min = 0.5;                     ///< f_min
  double decomposition_drought_sensitivity = 0.10;    ///< s_W, per 100 mm deficit above D_W
  double decomposition_deficit_reference_mm = 150.0;  ///< D_W
  double decomposition_moisture_min = 0.5;            ///< f_W,min
  double soil_turnover_yr = 30.0;                     ///< tau of the mineral-soil climate offset
  bool mineral_soil_response = true;                  ///< off: mineral soils follow the IPCC stock-change method only
};

/// f_T: temperature factor of decomposition.
inline double decomposition_factor(const ClimateResponseParams& p, double temperature_c) {
  return std::exp(std::log(p.q10) * (temperature_c - p.reference_temperature_c) * 0.1);
}

/// f_W: moisture factor of decomposition in dry summers.
inline double moisture_factor(const ClimateResponseParams& p, double deficit_mm) {
  const double dry =
      p.decomposition_drought_sensitivity * std::max(0.0, deficit_mm - p.decomposition_deficit_reference_mm) * 0.01;
  return std::clamp(1.0 - dry, p.decomposition_moisture_min, 1.0);
}

/// f_growth: drought and heat factor of plant growth.
inline double growth_factor(const ClimateResponseParams& p, double deficit_mm, double temperature_c) {
  const double drought =
      p.growth_drought_sensitivity * std::max(0.0, deficit_mm - p.growth_deficit_reference_mm) * 0.01;
  const double heat = p.growth_heat_sensitivity * std::max(0.0, temperature_c - p.reference_temperature_c);
  return std::clamp(1.0 - drought - heat, p.growth_factor_min, 1.0);
}

/// One year of the relative mineral-soil climate offset x (see the header comment).
inline double soil_climate_offset_step(const ClimateResponseParams& p, double x_previous, double deficit_mm,
                                       double temperature_c) {
  const double equilibrium = growth_factor(p, deficit_mm, temperature_c) /
                             (decomposition_factor(p, temperature_c) * moisture_factor(p, deficit_mm));
  return x_previous + (equilibrium - 1.0 - x_previous) / p.soil_turnover_yr;
}

}  // namespace polder::kernels
