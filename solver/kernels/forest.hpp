#pragma once
// Forest stands: growth of living biomass along yield curves, mortality into dead wood, litterfall,
// thinning harvest into harvested wood products, and decay of dead wood and litter.
//
// Stem volume yield curve (Chapman-Richards):     V(a) = V_max * (1 - exp(-k a))^p   [m3 ha-1]
// Living biomass carbon from volume:              B = V * BCEF * (1 + R) * CF         [t C ha-1]
// Gross increment this year:                      dV = (V(a+1) - V(a)) * f_climate
// Harvest (thinning):                             H = h * dV  (converted to C as above, stem part to HWP)
// Mortality:                                      M = m * B   -> dead wood
// Litterfall:                                     L = l * B   -> litter (balanced by growth of foliage)
// Dead wood / litter decay (first order):         D_x = k_x * X                         -> CO2

#include <array>
#include <cmath>
#include <cstdint>

#include "model/forest_species.hpp"

namespace polder::kernels {

struct SpeciesGrowth {
  double v_max_m3_ha = 600.0;   ///< asymptotic stem volume, yield class 1
  double k_per_yr = 0.02;       ///< Chapman-Richards rate
  double p_shape = 2.5;         ///< Chapman-Richards shape
  double bcef_t_dm_m3 = 0.6;    ///< biomass conversion and expansion factor (stem volume -> AG dry matter)
  double root_shoot = 0.25;     ///< R
};

struct ForestParams {
  std::array<SpeciesGrowth, model::k_forest_species> species{};
  std::array<double, 6> yield_class_factor = {1.0, 1.0, 0.85, 0.70, 0.55, 0.40};  ///< by class 0..5
  double carbon_fraction = 0.47;     ///< CF, t C per t dry matter
  double harvest_fraction = 0.55;    ///< h: share of gross increment harvested
  double mortality_rate = 0.005;     ///< m: share of living biomass dying per year
  double litterfall_rate = 0.02;     ///< l: share of living biomass to litter per year
  double dead_wood_decay = 0.04;     ///< k_dw, yr-1
  double litter_decay = 0.10;        ///< k_lit, yr-1
  double stem_share_to_hwp = 0.85;   ///< share of harvested biomass carbon leaving as roundwood
};

/// Stem volume of a stand of age `age` (m3 ha-1).
inline double stand_volume(const ForestParams& p, std::uint8_t species, std::uint8_t yield_class, double age) {
  const SpeciesGrowth& s = p.species[species];
  const double x = 1.0 - std::exp(-s.k_per_yr * std::max(age, 0.0));
  return s.v_max_m3_ha * p.yield_class_factor[yield_class] * std::pow(x, s.p_shape);
}

/// t C ha-1 of living biomass (above and below ground) per m3 ha-1 of stem volume.
inline double carbon_per_m3(const ForestParams& p, std::uint8_t species) {
  const SpeciesGrowth& s = p.species[species];
  return s.bcef_t_dm_m3 * (1.0 + s.root_shoot) * p.carbon_fraction;
}

struct ForestFlux {
  double growth_c = 0.0;        ///< gross growth, t C ha-1 (living biomass gain)
  double harvest_c = 0.0;       ///< living biomass removed by harvest, t C ha-1
  double mortality_c = 0.0;     ///< living biomass to dead wood
  double litterfall_c = 0.0;    ///< living biomass to litter
  double residue_c = 0.0;       ///< harvest residues to dead wood (part of harvest_c)
  double dead_wood_decay_c = 0.0;
  double litter_decay_c = 0.0;
};

/// One year of a forest stand. `climate_factor` scales the increment (1 = reference climate).
inline ForestFlux forest_year(const ForestParams& p, std::uint8_t species, std::uint8_t yield_class, double age,
                              double biomass_c, double dead_wood_c, double litter_c, double climate_factor) {
  ForestFlux f;
  const double dv = (stand_volume(p, species, yield_class, age + 1.0) - stand_volume(p, species, yield_class, age)) *
                    climate_factor;
  const double c_per_m3 = carbon_per_m3(p, species);
  f.growth_c = std::max(dv, 0.0) * c_per_m3;
  f.harvest_c = p.harvest_fraction * f.growth_c;
  f.residue_c = (1.0 - p.stem_share_to_hwp) * f.harvest_c;
  f.mortality_c = p.mortality_rate * biomass_c;
  f.litterfall_c = p.litterfall_rate * biomass_c;
  f.dead_wood_decay_c = p.dead_wood_decay * dead_wood_c;
  f.litter_decay_c = p.litter_decay * litter_c;
  return f;
}

}  // namespace polder::kernels
