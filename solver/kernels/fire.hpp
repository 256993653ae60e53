#pragma once
// Wildfire: ignition probability per cell and year by vegetation and drought, spread to neighbours,
// combustion of the carbon pools and the gases released (IPCC 2006 Vol. 4 Eq. 2.27:
// L_fire = A * M_B * C_f * G_ef; emission factors Table 2.5).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "model/land_use.hpp"

namespace polder::kernels {

struct FireParams {
  std::array<double, model::k_land_use_classes> ignition_per_ha_yr{};  ///< base ignition probability per ha
  std::array<double, model::k_land_use_classes> spread_probability{};  ///< chance fire enters a cell of this class
  double drought_reference_mm = 150.0;   ///< precipitation deficit at which the base rates hold
  double drought_exponent = 3.0;         ///< rates scale with (deficit / reference)^exponent
  std::int32_t max_spread_steps = 60;    ///< spread iterations per year
  double combusted_biomass = 0.25;       ///< share of living biomass burnt (C_f)
  double combusted_dead_wood = 0.3;
  double combusted_litter = 0.8;
  double ef_co2_g_kg = 1569.0;           ///< g per kg dry matter burnt (Table 2.5, extra-tropical forest)
  double ef_ch4_g_kg = 4.7;
  double ef_n2o_g_kg = 0.26;
  double carbon_fraction_fuel = 0.47;    ///< t C per t dry matter of fuel
};

/// Drought multiplier of ignition and spread.
inline double drought_factor(const FireParams& p, double precip_deficit_mm) {
  return std::pow(std::max(precip_deficit_mm, 0.0) / p.drought_reference_mm, p.drought_exponent);
}

/// Probability that a cell of `land_use` (0.0625 ha) ignites this year.
inline double ignition_probability(const FireParams& p, std::uint8_t land_use, double drought, double cell_area_ha) {
  return std::min(1.0, p.ignition_per_ha_yr[land_use] * cell_area_ha * drought);
}

/// Probability that fire in a neighbouring cell spreads into this one in one step.
inline double spread_probability(const FireParams& p, std::uint8_t land_use, double drought) {
  return std::min(0.95, p.spread_probability[land_use] * std::sqrt(drought));
}

struct FireBurn {
  double biomass_c = 0.0, dead_wood_c = 0.0, litter_c = 0.0;  ///< t C ha-1 burnt
  double co2_t_ha = 0.0, ch4_t_ha = 0.0, n2o_t_ha = 0.0;
};

inline FireBurn burn(const FireParams& p, double biomass_c, double dead_wood_c, double litter_c) {
  FireBurn b;
  b.biomass_c = p.combusted_biomass * biomass_c;
  b.dead_wood_c = p.combusted_dead_wood * dead_wood_c;
  b.litter_c = p.combusted_litter * litter_c;
  const double c = b.biomass_c + b.dead_wood_c + b.litter_c;
  const double dry_matter_t = c / p.carbon_fraction_fuel;
  b.co2_t_ha = dry_matter_t * p.ef_co2_g_kg * 1e-3;
  b.ch4_t_ha = dry_matter_t * p.ef_ch4_g_kg * 1e-3;
  b.n2o_t_ha = dry_matter_t * p.ef_n2o_g_kg * 1e-3;
  return b;
}

}  // namespace polder::kernels
