#pragma once
// One year of many stands at once: the equations of forest.hpp (forest_year) over arrays, as one
// branch-free loop the compiler can vectorise. Its results equal forest_year's for every stand (the
// same operations in the same order), except where a projection year may clear-fell a stand at or past
// rotation age: that needs a per-stand random draw, so those stands are flagged (`needs_draw`) and the
// caller redoes them with forest_year and their draw.
//
// Outputs are the stand's pool changes as the ledger books them (per hectare):
//   living-biomass gain = growth + litterfall,  loss = harvest + mortality + litterfall,
//   dead-wood change = mortality + (harvest - roundwood) - dead-wood decay,
//   litter change = litterfall - litter decay,  and the memo quantities (roundwood carbon, increment,
//   fellings, standing volume after the year).

#include <array>
#include <cstddef>
#include <cstdint>

#include "solver/kernels/forest.hpp"

namespace polder::kernels {

struct StandSpan {
  std::size_t n = 0;
  // Inputs.
  const std::uint8_t* species = nullptr;  ///< never 0 (resolved by the caller)
  const std::uint8_t* yield_class = nullptr;
  const std::uint8_t* harvested = nullptr;       ///< 1 for forest land, 0 for trees outside forest
  const double* growth_factor = nullptr;         ///< climate factor, per stand
  const double* decomposition_factor = nullptr;  ///< climate factor, per stand
  const double* deficit_mm = nullptr;            ///< deficit seen by mortality, per stand
  const float* harvest_factor = nullptr;         ///< multiplies the thinning intensity, per stand
  // State, updated in place.
  float* age = nullptr;
  double* biomass_c = nullptr;
  double* dead_wood_c = nullptr;
  double* litter_c = nullptr;
  // Outputs (per hectare).
  double* lb_gain = nullptr;
  double* lb_loss = nullptr;
  double* dead_wood_change = nullptr;
  double* litter_change = nullptr;
  double* roundwood_c = nullptr;
  double* increment_m3 = nullptr;
  double* fellings_m3 = nullptr;
  double* standing_volume_m3 = nullptr;
  std::uint8_t* needs_draw = nullptr;  ///< 1: redo with forest_year and the stand's felling draw
  double* scratch = nullptr;           ///< 5 * n doubles of work space
};

/// Pool changes of one stand from forest_year's fluxes, in the order the ledger books them.
struct StandBooks {
  double lb_gain, lb_loss, dead_wood_change, litter_change;
};
inline StandBooks stand_books(const ForestFlux& f) {
  return {f.growth_c + f.litterfall_c, f.harvest_c + f.mortality_c + f.litterfall_c,
          f.mortality_c + (f.harvest_c - f.roundwood_c) - f.dead_wood_decay_c, f.litterfall_c - f.litter_decay_c};
}

namespace detail {

/// Per-stand inputs after the table lookups, and outputs; restrict parameters tell the compiler no
/// array aliases another (restrict on local copies of struct members is not honoured by GCC).
struct StandConstants {
  double tof, harvest_fraction, mortality_rate, drought_mortality, drought_reference, litterfall_rate;
  double dead_wood_decay, litter_decay, v_ref, r_min, r_max;
  bool renew_at_rotation;
};

inline void forest_loop(std::size_t n, const StandConstants& k, const double* __restrict c_of,
                        const double* __restrict rotation_of, const double* __restrict roundwood_of,
                        const double* __restrict inc_of, const double* __restrict vm_of,
                        const std::uint8_t* __restrict harvested_in, const double* __restrict growth_factor,
                        const double* __restrict decomposition_factor, const double* __restrict deficit,
                        const float* __restrict harvest_factor, float* __restrict age_io, double* __restrict biomass_io,
                        double* __restrict dead_wood_io, double* __restrict litter_io, double* __restrict gain_out,
                        double* __restrict loss_out, double* __restrict dead_wood_out, double* __restrict litter_out,
                        double* __restrict roundwood_out, double* __restrict increment_out,
                        double* __restrict fellings_out, double* __restrict volume_out,
                        std::uint8_t* __restrict draw_out) {
  const double tof = k.tof, harvest_fraction = k.harvest_fraction, mortality_rate = k.mortality_rate;
  const double drought_mortality = k.drought_mortality, drought_reference = k.drought_reference;
  const double litterfall_rate = k.litterfall_rate, dead_wood_decay = k.dead_wood_decay;
  const double litter_decay = k.litter_decay, v_ref = k.v_ref, r_min = k.r_min, r_max = k.r_max;
  const bool renew_at_rotation = k.renew_at_rotation;
  for (std::size_t i = 0; i < n; ++i) {
    const double c = c_of[i];
    const double b = biomass_io[i];
    const double volume = b / c;
    const double age = age_io[i];
    const double vm = vm_of[i];
    const double ratio = std::clamp(volume / vm, r_min, r_max);
    const double stocking = vm < v_ref ? 1.0 : ratio;  // stocking_ratio
    const bool harvested = harvested_in[i] != 0;
    const double growth_scale = harvested ? 1.0 : tof;
    const double increment = inc_of[i] * stocking * growth_factor[i] * growth_scale;
    const double stress = std::max(0.0, deficit[i] - drought_reference) * 0.01;
    const double mortality_m3 = std::min(volume, (mortality_rate + drought_mortality * stress) * volume);
    const double aged = age + 1.0;
    const bool renewed = harvested & (age < 0.0) & (aged >= 0.0);
    // Loaded for every stand and selected after: a load under the condition is control flow, which
    // keeps the loop from vectorising (same value either way).
    const double thinning_if_harvested = (harvest_fraction * increment) * static_cast<double>(harvest_factor[i]);
    const double thinning = harvested ? thinning_if_harvested : 0.0;
    const double clear_fell = volume + increment - mortality_m3;
    const double fellings = renewed ? clear_fell : thinning;
    const double new_age = renewed ? 0.0 : aged;
    const bool rotation_reached = renew_at_rotation & harvested & (age >= 0.0) & (aged >= rotation_of[i]);
    draw_out[i] = rotation_reached ? 1 : 0;
    const double growth = increment * c;
    const double mortality = mortality_m3 * c;
    const double harvest = fellings * c;
    const double roundwood = fellings * roundwood_of[i];
    const double litterfall_live = litterfall_rate * b;
    const double litterfall = renewed ? 0.0 : litterfall_live;
    const double dw_decay = dead_wood_decay * decomposition_factor[i] * dead_wood_io[i];
    const double lit_decay = litter_decay * decomposition_factor[i] * litter_io[i];
    const double gain = growth + litterfall;
    const double loss = harvest + mortality + litterfall;
    const double dw = mortality + (harvest - roundwood) - dw_decay;
    const double lit = litterfall - lit_decay;
    const double b_new = (b + gain) - loss;
    gain_out[i] = gain;
    loss_out[i] = loss;
    dead_wood_out[i] = dw;
    litter_out[i] = lit;
    roundwood_out[i] = roundwood;
    increment_out[i] = increment;
    fellings_out[i] = fellings;
    volume_out[i] = std::max(b_new, 0.0) / c;
    biomass_io[i] = b_new;
    dead_wood_io[i] += dw;
    litter_io[i] += lit;
    age_io[i] = static_cast<float>(new_age);
  }
}

}  // namespace detail

/// Runs one year over every stand of `s`; `renew_at_rotation` is true in projection years (after the
/// forest reference year). Table lookups (per species, per species x yield class x age) come first,
/// into the scratch, so the arithmetic loop reads only contiguous arrays and vectorises.
inline void forest_years(const ForestParams& p, const StandSpan& s, bool renew_at_rotation) {
  constexpr std::size_t k_species = model::k_forest_species;
  std::array<double, k_species> carbon{}, rotation{}, roundwood_factor{};
  for (std::size_t sp = 0; sp < k_species; ++sp) {
    const SpeciesGrowth& g = p.species[sp];
    carbon[sp] = g.bcef_t_dm_m3 * (1.0 + g.root_shoot) * p.carbon_fraction;  // carbon_per_m3
    rotation[sp] = g.rotation_age_yr;
    roundwood_factor[sp] = g.wood_density_t_dm_m3 * p.carbon_fraction * p.removal_share;  // roundwood_carbon_per_m3
  }
  const std::size_t n = s.n;
  double* c_of = s.scratch;
  double* rotation_of = s.scratch + n;
  double* roundwood_of = s.scratch + 2 * n;
  double* inc_of = s.scratch + 3 * n;
  double* vm_of = s.scratch + 4 * n;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t sp = s.species[i] < k_species ? s.species[i] : 0;
    const double age = s.age[i];
    const double growth_age = age < 0.0 ? rotation[sp] + age : age;
    const std::size_t k =
        ForestGrowthTable::index(static_cast<std::uint8_t>(sp), s.yield_class[i], static_cast<int>(growth_age));
    c_of[i] = carbon[sp];
    rotation_of[i] = rotation[sp];
    roundwood_of[i] = roundwood_factor[sp];
    inc_of[i] = p.table.increment[k];
    vm_of[i] = p.table.managed_volume[k];
  }
  const detail::StandConstants k{
      p.trees_outside_forest_factor,    p.harvest_fraction, p.mortality_rate,  p.drought_mortality,
      p.drought_mortality_reference_mm, p.litterfall_rate,  p.dead_wood_decay, p.litter_decay,
      p.stocking_reference_m3_ha,       p.stocking_min,     p.stocking_max,    renew_at_rotation};
  detail::forest_loop(n, k, c_of, rotation_of, roundwood_of, inc_of, vm_of, s.harvested, s.growth_factor,
                      s.decomposition_factor, s.deficit_mm, s.harvest_factor, s.age, s.biomass_c, s.dead_wood_c,
                      s.litter_c, s.lb_gain, s.lb_loss, s.dead_wood_change, s.litter_change, s.roundwood_c,
                      s.increment_m3, s.fellings_m3, s.standing_volume_m3, s.needs_draw);
}

}  // namespace polder::kernels
