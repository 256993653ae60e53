#include "solver/engine/initial_state.hpp"

#include <algorithm>
#include <array>

#include "solver/engine/cell_post.hpp"
#include "solver/engine/soil_climate.hpp"
#include "solver/engine/year_step.hpp"
#include "solver/kernels/land_use_schedule.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::engine {
namespace {

/// Living biomass, dead wood and litter of a stand at the end of `before`. The input gives the stand's
/// age and stem volume in the reference year; the volume moves back along the managed-volume curve.
/// A stand younger than (reference year - before) was planted after `before`: at `before` an older
/// stand of the same species stood there, which is felled and regenerated in the planting year (its
/// age is stored as minus the years to that felling, see kernels/forest.hpp).
void initial_stand(const ModelParameters& p, const StartingAttributes& start, std::int32_t before, bool harvested,
                   std::int32_t planted_after_conversion, CellState& s, std::size_t i) {
  const auto& fp = p.forest;
  const std::uint8_t sp =
      s.species[i] != 0 ? s.species[i] : static_cast<std::uint8_t>(model::ForestSpecies::other_broadleaves);
  const std::uint8_t yc = s.yield_class[i];
  const double rotation = fp.species[sp].rotation_age_yr;
  const double age_ref = start.forest_age_in_reference_year[i];
  double age = age_ref - (start.forest_reference_year - before);
  if (planted_after_conversion > 0) age = std::min(age, static_cast<double>(before - planted_after_conversion + 1));
  double volume = 0.0;
  double growth_age = 0.0;
  if (age >= 0.0 || planted_after_conversion > 0) {
    age = std::max(age, 0.0);
    growth_age = age;
    volume = kernels::managed_volume(fp, sp, yc, age);
    const double v_ref_curve = kernels::managed_volume(fp, sp, yc, age_ref);
    const double v_ref = start.standing_volume_m3_ha[i];
    if (age_ref > 0 && v_ref_curve > 0.0 && v_ref > 0.0) volume *= v_ref / v_ref_curve;  // keep the stand's own level
  } else {
    age = std::max(age, -rotation);  // an old stand renewed in `-age` years
    growth_age = rotation + age;
    volume = kernels::managed_volume(fp, sp, yc, growth_age);
  }
  s.stand_age[i] = static_cast<float>(age);
  s.biomass_c[i] = volume * kernels::carbon_per_m3(fp, sp);
  const std::size_t k = kernels::ForestGrowthTable::index(sp, yc, static_cast<int>(growth_age));
  const double increment = fp.table.increment[k] * kernels::stocking_ratio(fp, volume, fp.table.managed_volume[k]);
  const auto dom = kernels::steady_dead_organic_matter(fp, sp, s.biomass_c[i], increment, harvested);
  s.dead_wood_c[i] = dom.dead_wood_c;
  s.litter_c[i] = dom.litter_c;
}

}  // namespace

void initialise_state(LoadedInput& input, const ModelParameters& p, const ClimateForcing& climate,
                      std::int32_t start_year) {
  CellState& s = input.state;
  const auto& layout = *input.layout;
  const std::int32_t before = start_year - 1;  // the state describes the end of this year
  const std::size_t n_maps = s.map_years.size();
  s.forest_reference_year = input.start.forest_reference_year;
  std::array<std::uint8_t, 16> codes{};

  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    SoilClimateCache soil_climate(&climate, p.climate, before, true);
    for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
      const auto pos = cell_position(s, layout, t, i);
      s.climate_cell[i] = static_cast<std::uint16_t>(climate.cell_of(pos.row, pos.col));
      for (std::size_t m = 0; m < n_maps; ++m) codes[m] = s.land_use_map[m][i];
      const std::span<const std::uint8_t> seq(codes.data(), n_maps);
      std::uint8_t lu = kernels::land_use_in_year(seq, s.map_years, before, pos.id);
      lu = kernels::with_seagrass(lu, s.seagrass_since[i], before);
      s.land_use[i] = lu;

      // The last land-use change up to `before`, from the map sequence.
      std::uint8_t prev_lu = lu;
      std::int32_t change = 0;
      for (std::size_t k = 0; k + 1 < n_maps; ++k) {
        if (codes[k] == codes[k + 1]) continue;
        const std::int32_t y = kernels::change_year(s.map_years[k], s.map_years[k + 1], pos.id);
        if (y <= before) {
          change = y;
          prev_lu = codes[k];
        }
      }
      const std::uint8_t cat = model::k_category_of_code[lu], prev_cat = model::k_category_of_code[prev_lu];
      if (change > 0 && prev_cat != cat) {
        s.converted_from[i] = prev_cat;
        s.converted_year[i] = static_cast<std::int16_t>(change);
      }

      // Mineral soil: at equilibrium (in the climate up to `before`), or part-way along the transition
      // that started at the change.
      const std::uint8_t soil = s.soil[i];
      if (is_mineral_soil(soil)) {
        const double climate_factor = 1.0 + soil_climate.get(s.climate_cell[i]).x;
        const double eq_new = kernels::soc_equilibrium(p.mineral, soil, lu) * climate_factor;
        const std::int32_t since = change > 0 ? before - change + 1 : p.mineral.transition_years;
        if (change > 0 && since < p.mineral.transition_years) {
          const double eq_old = kernels::soc_equilibrium(p.mineral, soil, prev_lu) * climate_factor;
          const auto tr = kernels::start_soc_transition(p.mineral, eq_old, eq_new);
          s.mineral_soc_c[i] = eq_old + static_cast<double>(tr.rate_t_c_ha_yr) * since;
          s.soc_rate[i] = tr.rate_t_c_ha_yr;
          s.soc_years_left[i] = static_cast<std::uint8_t>(tr.years_left > since ? tr.years_left - since : 0);
        } else {
          s.mineral_soc_c[i] = eq_new;
        }
      }
      // Organic soil: carbon above the substrate from the peat thickness.
      if (is_organic_soil(soil))
        s.peat_c[i] = static_cast<double>(input.start.peat_thickness_cm[i]) * p.organic.carbon_per_cm_t_c_ha;

      // Living biomass and dead organic matter.
      if (is_woody(lu)) {
        const bool planted = change > 0 && prev_cat != cat && cat == model::index(model::LandCategory::forest);
        initial_stand(p, input.start, before, lu == static_cast<std::uint8_t>(model::LandUse::forest),
                      planted ? change : 0, s, i);
      } else {
        s.biomass_c[i] = kernels::vegetation_biomass(p.vegetation, lu);
      }
    }
  }
  // Forest attributes of the reference year are no longer needed.
  input.start = StartingAttributes{};
}

}  // namespace polder::engine
