#pragma once
// Forest stands: gross stem-volume increment by species group, yield class and age, thinning and final
// felling into harvested wood products, mortality into dead wood, litterfall, decay of dead wood and
// litter. The state of a stand is its age and its living-biomass carbon; its stem volume is derived.
//
// Gross stem-volume production (Chapman-Richards):   P(a) = A * f_yc * (1 - exp(-k a))^p      [m3 ha-1]
// Current annual increment (CAI):                    I(a) = P(a+1) - P(a)
// Increment of the stand:                            dV = I(a) * r * f_clim,  r = clamp(V / Vm(a), r_min, r_max)
//   (relative stocking: a stand above or below the managed-volume curve Vm grows proportionally more
//   or less, so each stand keeps its own level; r = 1 while Vm(a) < V_r, young stands)
// Living biomass carbon per m3 of stem volume:       c = BCEF_S * (1 + R) * CF                [t C m-3]
//   (IPCC 2006 Vol.4 Eq. 2.8 with Tables 4.4, 4.5; CF Table 4.3)
// Thinning:                                          H_t = h * dV                              [m3 ha-1]
// Final felling (regeneration), in the year the stand is renewed, instead of thinning:
//                                                    H_t + H_f = V + dV - M   (all that stands; age -> 0)
// Mortality:                                         M = (m + m_d * max(0, deficit - D_ref)/100) * V
// Roundwood carbon to HWP:                           (H_t + H_f) * WD * CF * s_removed         (Table 4.14)
// Harvest residues to dead wood:                     (H_t + H_f) * c - roundwood carbon
// Litterfall (foliage and fine-root turnover):       L = l * B, replaced by growth of the same size;
//                                                    L = 0 in the year the stand is clear-felled
// Dead wood and litter decay (first order):          D_x = k_x * X * f_decomp
//
// The managed standing-volume curve Vm(a) (the volume a stand of age a has under the yield-table
// thinning regime h_yt at the reference climate) is tabulated once per species and yield class; it moves
// the reference-year volume of the input back to the start year. Dutch forests are thinned less than the
// yield tables assume (h < h_yt), so stands build up volume above the curve.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "solver/model/forest_species.hpp"

namespace polder::kernels {

struct SpeciesGrowth {
  double production_max_m3_ha = 900.0;  ///< A: asymptotic gross stem-volume production, yield class 3
  double k_per_yr = 0.025;              ///< Chapman-Richards rate
  double p_shape = 3.0;                 ///< Chapman-Richards shape
  double bcef_t_dm_m3 = 0.75;           ///< BCEF_S: above-ground dry matter per m3 of stem volume
  double wood_density_t_dm_m3 = 0.45;   ///< basic density of stem wood (dry mass per fresh m3)
  double root_shoot = 0.25;             ///< R: below- / above-ground biomass
  double rotation_age_yr = 100.0;       ///< age at which a stand is felled and regenerated (projections)
};

/// Ages the growth tables cover; older stands use the last entry.
inline constexpr int k_forest_table_ages = 400;
inline constexpr int k_yield_classes = 6;  ///< 0 (unknown) and 1 (best) .. 5 (poorest)

struct ForestGrowthTable {
  /// [species][yield class][age 0..k_forest_table_ages]: CAI (m3 ha-1 yr-1) and managed volume (m3 ha-1).
  std::vector<double> increment;
  std::vector<double> managed_volume;
  static std::size_t index(std::uint8_t species, std::uint8_t yield_class, int age) {
    const int a = std::clamp(age, 0, k_forest_table_ages);
    return (static_cast<std::size_t>(species) * k_yield_classes + yield_class) * (k_forest_table_ages + 1) +
           static_cast<std::size_t>(a);
  }
};

struct ForestParams {
  std::array<SpeciesGrowth, model::k_forest_species> species{};
  std::array<double, k_yield_classes> yield_class_factor = {1.0, 1.3, 1.15, 1.0, 0.85, 0.7};
  double carbon_fraction = 0.47;                  ///< CF, t C per t dry matter
  double harvest_fraction = 0.30;                 ///< h: share of the gross increment felled in thinnings
  double yield_table_harvest_fraction = 0.45;     ///< h_yt: thinning regime of the yield tables (defines Vm)
  double removal_share = 0.9;                     ///< share of felled stem wood removed as roundwood
  double mortality_rate = 0.004;                  ///< m: share of standing volume dying per year
  double drought_mortality = 0.002;               ///< m_d: extra mortality per 100 mm deficit above D_ref
  double drought_mortality_reference_mm = 200.0;  ///< D_ref
  double litterfall_rate = 0.02;                  ///< l: share of living biomass to litter per year
  double dead_wood_decay = 0.05;                  ///< k_dw, yr-1
  double litter_decay = 0.10;                     ///< k_lit, yr-1
  double trees_outside_forest_factor = 0.6;       ///< growth of wooded patches < 0.5 ha relative to a stand
  double stocking_min = 0.25;                     ///< r_min
  double stocking_max = 2.0;                      ///< r_max
  double stocking_reference_m3_ha = 20.0;         ///< V_r: below this managed volume r = 1
  double final_felling_rate = 0.01;               ///< q: yr-1, chance a stand at or past rotation is clear-felled
                                                  ///< in a projection year
  ForestGrowthTable table;                        ///< filled by build_growth_table
};

/// Gross stem-volume production P(a) of a species and yield class (m3 ha-1).
inline double gross_production(const ForestParams& p, std::uint8_t species, std::uint8_t yield_class, double age) {
  const SpeciesGrowth& s = p.species[species];
  const double x = 1.0 - std::exp(-s.k_per_yr * std::max(age, 0.0));
  return s.production_max_m3_ha * p.yield_class_factor[yield_class] * std::pow(x, s.p_shape);
}

/// t C ha-1 of living biomass (above and below ground) per m3 ha-1 of stem volume.
inline double carbon_per_m3(const ForestParams& p, std::uint8_t species) {
  const SpeciesGrowth& s = p.species[species];
  return s.bcef_t_dm_m3 * (1.0 + s.root_shoot) * p.carbon_fraction;
}

/// t C of roundwood (stem wood removed) per m3 felled.
inline double roundwood_carbon_per_m3(const ForestParams& p, std::uint8_t species) {
  return p.species[species].wood_density_t_dm_m3 * p.carbon_fraction * p.removal_share;
}

/// Fills p.table: the increment curve and the managed standing volume (the yield-table thinning regime
/// h_yt and mortality at the reference climate, no final felling) per species, yield class and age.
inline void build_growth_table(ForestParams& p) {
  const std::size_t n = static_cast<std::size_t>(model::k_forest_species) * k_yield_classes * (k_forest_table_ages + 1);
  p.table.increment.assign(n, 0.0);
  p.table.managed_volume.assign(n, 0.0);
  for (std::uint8_t sp = 1; sp < model::k_forest_species; ++sp) {
    for (std::uint8_t yc = 0; yc < k_yield_classes; ++yc) {
      double volume = 0.0;
      for (int a = 0; a <= k_forest_table_ages; ++a) {
        const std::size_t k = ForestGrowthTable::index(sp, yc, a);
        const double inc = gross_production(p, sp, yc, a + 1.0) - gross_production(p, sp, yc, a);
        p.table.increment[k] = inc;
        p.table.managed_volume[k] = volume;
        volume += (1.0 - p.yield_table_harvest_fraction) * inc - p.mortality_rate * volume;
      }
    }
  }
}

/// Managed standing volume Vm(a) (m3 ha-1).
inline double managed_volume(const ForestParams& p, std::uint8_t species, std::uint8_t yield_class, double age) {
  return p.table.managed_volume[ForestGrowthTable::index(species, yield_class, static_cast<int>(age))];
}

/// Steady-state dead wood and litter (t C ha-1) of a stand with living biomass `biomass_c` and annual
/// increment `increment_m3` under the regime (inputs = decay at the reference climate).
struct DeadOrganicMatter {
  double dead_wood_c = 0.0;
  double litter_c = 0.0;
};
inline DeadOrganicMatter steady_dead_organic_matter(const ForestParams& p, std::uint8_t species, double biomass_c,
                                                    double increment_m3, bool harvested) {
  const double c = carbon_per_m3(p, species);
  const double thinning = harvested ? p.harvest_fraction * increment_m3 : 0.0;
  const double residues = thinning * (c - roundwood_carbon_per_m3(p, species));
  return {(p.mortality_rate * biomass_c + residues) / p.dead_wood_decay,
          p.litterfall_rate * biomass_c / p.litter_decay};
}

/// r: relative stocking of a stand of `volume` against the managed volume of its age.
inline double stocking_ratio(const ForestParams& p, double volume_m3_ha, double managed_volume_m3_ha) {
  if (managed_volume_m3_ha < p.stocking_reference_m3_ha) return 1.0;
  return std::clamp(volume_m3_ha / managed_volume_m3_ha, p.stocking_min, p.stocking_max);
}

struct StandState {
  std::uint8_t species = 0;
  std::uint8_t yield_class = 0;
  double age = 0.0;        ///< < 0: an old stand renewed when the age reaches 0 (see initial state)
  double biomass_c = 0.0;  ///< t C ha-1
  double dead_wood_c = 0.0;
  double litter_c = 0.0;
};

struct StandYearInput {
  double growth_factor = 1.0;         ///< climate factor on the increment
  double decomposition_factor = 1.0;  ///< climate factor on dead wood and litter decay
  double deficit_mm = 0.0;            ///< precipitation deficit (drought mortality)
  double growth_scale = 1.0;          ///< 1 for forest, trees_outside_forest_factor for wooded patches
  bool harvested = true;              ///< thinning and final felling (forest land only)
  bool renew_at_rotation = false;     ///< projection year: stands at or past rotation may be clear-felled
  double felling_draw = 1.0;          ///< u in [0, 1): felled when u < final_felling_rate (projection only)
  double harvest_factor = 1.0;        ///< multiplies the thinning intensity h (harvest measures)
};

struct ForestFlux {
  double growth_c = 0.0;      ///< gross living-biomass gain from the increment, t C ha-1
  double litterfall_c = 0.0;  ///< living biomass to litter (and regrown: booked as gain and loss)
  double harvest_c = 0.0;     ///< living biomass felled (thinning + final felling)
  double mortality_c = 0.0;   ///< living biomass to dead wood
  double roundwood_c = 0.0;   ///< part of harvest_c leaving as roundwood (to HWP)
  double dead_wood_decay_c = 0.0;
  double litter_decay_c = 0.0;
  double increment_m3 = 0.0;  ///< gross increment this year, m3 ha-1
  double fellings_m3 = 0.0;   ///< thinning + final felling, m3 ha-1
  double new_age = 0.0;
  bool renewed = false;  ///< the stand was felled and regenerated this year
};

/// One year of a stand.
inline ForestFlux forest_year(const ForestParams& p, const StandState& s, const StandYearInput& in) {
  ForestFlux f;
  const SpeciesGrowth& g = p.species[s.species];
  const double c = carbon_per_m3(p, s.species);
  const double volume = s.biomass_c / c;
  const double growth_age = s.age < 0.0 ? g.rotation_age_yr + s.age : s.age;
  const std::size_t k = ForestGrowthTable::index(s.species, s.yield_class, static_cast<int>(growth_age));
  f.increment_m3 =
      p.table.increment[k] * stocking_ratio(p, volume, p.table.managed_volume[k]) * in.growth_factor * in.growth_scale;
  const double stress = std::max(0.0, in.deficit_mm - p.drought_mortality_reference_mm) * 0.01;
  const double mortality_m3 = std::min(volume, (p.mortality_rate + p.drought_mortality * stress) * volume);
  double fellings = in.harvested ? (p.harvest_fraction * f.increment_m3) * in.harvest_factor : 0.0;
  f.new_age = s.age + 1.0;
  const bool renew_old = s.age < 0.0 && f.new_age >= 0.0;
  // After the year the age map describes, a stand at or past its rotation age is clear-felled with
  // probability q a year (a per-cell draw): Dutch forests are not felled at a fixed rotation age, and
  // felling every stand that reaches it would fell a whole age cohort at once.
  const bool renew_rotation =
      in.renew_at_rotation && s.age >= 0.0 && f.new_age >= g.rotation_age_yr && in.felling_draw < p.final_felling_rate;
  if (in.harvested && (renew_old || renew_rotation)) {
    fellings = volume + f.increment_m3 - mortality_m3;  // everything that stands is felled
    f.new_age = 0.0;
    f.renewed = true;
  }
  f.fellings_m3 = fellings;
  f.growth_c = f.increment_m3 * c;
  f.mortality_c = mortality_m3 * c;
  f.harvest_c = fellings * c;
  f.roundwood_c = fellings * roundwood_carbon_per_m3(p, s.species);
  f.litterfall_c = f.renewed ? 0.0 : p.litterfall_rate * s.biomass_c;
  f.dead_wood_decay_c = p.dead_wood_decay * in.decomposition_factor * s.dead_wood_c;
  f.litter_decay_c = p.litter_decay * in.decomposition_factor * s.litter_c;
  return f;
}

}  // namespace polder::kernels
