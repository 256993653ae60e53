#pragma once
// Wildfire: ignition probability per cell and year by vegetation and drought, spread to neighbours,
// combustion of the carbon pools and the gases released (IPCC 2006 Vol. 4 Eq. 2.27:
// L_fire = A * M_B * C_f * G_ef, emission factors from Table 2.5 by fuel type), fire-killed biomass
// to dead wood, and recovery afterwards (regrowth of non-woody vegetation, growth of the stand).
//
//   drought factor     d = (max(D, 0) / D_ref)^e                           D: precipitation deficit (mm)
//   ignition           P_ign = min(1, r_ign(class) * area_ha * d)
//   spread, one step   P_1 = min(0.95, r_spread(class) * d^e_s);  with n burning neighbours 1 - (1 - P_1)^n
//   combustion         C_burnt = C_f,biomass(class) * B + C_f,dw * DW + C_f,lit * LIT      (t C ha-1)
//   gases              G = C_burnt / CF_fuel * EF_G(class)                                  (t ha-1)
//   fire mortality     M_fire = m_fire(class) * (B - burnt biomass)  -> dead wood

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "solver/model/land_use.hpp"

namespace polder::kernels {

struct FireParams {
  std::array<double, model::k_land_use_classes> ignition_per_ha_yr{};  ///< r_ign per ha
  std::array<double, model::k_land_use_classes> spread_probability{};  ///< r_spread
  std::array<double, model::k_land_use_classes> combusted_biomass{};   ///< C_f of living biomass
  std::array<double, model::k_land_use_classes> mortality{};           ///< m_fire of the unburnt biomass
  std::array<double, model::k_land_use_classes> ef_co2_g_kg{};         ///< g per kg dry matter burnt
  std::array<double, model::k_land_use_classes> ef_ch4_g_kg{};
  std::array<double, model::k_land_use_classes> ef_n2o_g_kg{};
  double drought_reference_mm = 150.0;   ///< D_ref
  double drought_exponent = 1.5;         ///< e
  double spread_drought_exponent = 0.2;  ///< e_s
  std::int32_t max_spread_steps = 60;    ///< spread iterations per year
  double combusted_dead_wood = 0.3;      ///< C_f of dead wood
  double combusted_litter = 0.8;         ///< C_f of litter
  double carbon_fraction_fuel = 0.47;    ///< CF_fuel, t C per t dry matter
};

/// Drought multiplier of ignition and spread.
inline double drought_factor(const FireParams& p, double precip_deficit_mm) {
  return std::pow(std::max(precip_deficit_mm, 0.0) / p.drought_reference_mm, p.drought_exponent);
}

/// Probability that a cell of `land_use` (area `cell_area_ha`) ignites this year.
inline double ignition_probability(const FireParams& p, std::uint8_t land_use, double drought, double cell_area_ha) {
  return std::min(1.0, p.ignition_per_ha_yr[land_use] * cell_area_ha * drought);
}

/// Probability that fire in a neighbouring cell spreads into this one in one step.
inline double spread_probability(const FireParams& p, std::uint8_t land_use, double drought) {
  return std::min(0.95, p.spread_probability[land_use] * std::pow(drought, p.spread_drought_exponent));
}

struct FireBurn {
  double biomass_c = 0.0, dead_wood_c = 0.0, litter_c = 0.0;  ///< t C ha-1 burnt
  double killed_c = 0.0;                                      ///< living biomass killed, to dead wood
  double co2_t_ha = 0.0, ch4_t_ha = 0.0, n2o_t_ha = 0.0;
};

inline FireBurn burn(const FireParams& p, std::uint8_t land_use, double biomass_c, double dead_wood_c,
                     double litter_c) {
  FireBurn b;
  b.biomass_c = p.combusted_biomass[land_use] * biomass_c;
  b.dead_wood_c = p.combusted_dead_wood * dead_wood_c;
  b.litter_c = p.combusted_litter * litter_c;
  b.killed_c = p.mortality[land_use] * (biomass_c - b.biomass_c);
  const double dry_matter_t = (b.biomass_c + b.dead_wood_c + b.litter_c) / p.carbon_fraction_fuel;
  b.co2_t_ha = dry_matter_t * p.ef_co2_g_kg[land_use] * 1e-3;
  b.ch4_t_ha = dry_matter_t * p.ef_ch4_g_kg[land_use] * 1e-3;
  b.n2o_t_ha = dry_matter_t * p.ef_n2o_g_kg[land_use] * 1e-3;
  return b;
}

}  // namespace polder::kernels
