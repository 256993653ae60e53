#include "solver/engine/initial_state.hpp"

#include <algorithm>
#include <array>

#include "solver/core/error.hpp"
#include "solver/engine/process_records.hpp"
#include "solver/engine/reporting_row.hpp"
#include "solver/kernels/forest.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::engine {
namespace {

/// A stand at the end of `before`. The input gives the stand's age and stem volume in the reference
/// year; the volume moves back along the managed-volume curve. A stand younger than (reference year -
/// before) was planted after `before`: at `before` an older stand of the same species stood there,
/// which is felled and regenerated in the planting year (its age is stored as minus the years to that
/// felling, see kernels/forest.hpp).
struct InitialStand {
  double age = 0.0, biomass_c = 0.0, dead_wood_c = 0.0, litter_c = 0.0;
};
InitialStand initial_stand(const kernels::ForestParams& fp, std::uint8_t sp, const ForestAttributes* a,
                           std::int32_t reference_year, std::int32_t before, bool harvested,
                           std::int32_t planted_after_conversion) {
  const std::uint8_t yc = a != nullptr ? a->yield_class : 0;
  const double rotation = fp.species[sp].rotation_age_yr;
  const double age_ref = a != nullptr ? a->age_ref : -1;
  const double v_ref = a != nullptr ? static_cast<double>(a->volume_ref_m3_ha) : 0.0;
  double age = age_ref - (reference_year - before);
  if (planted_after_conversion > 0) age = std::min(age, static_cast<double>(before - planted_after_conversion + 1));
  double volume = 0.0;
  double growth_age = 0.0;
  if (age >= 0.0 || planted_after_conversion > 0) {
    age = std::max(age, 0.0);
    growth_age = age;
    volume = kernels::managed_volume(fp, sp, yc, age);
    const double v_ref_curve = kernels::managed_volume(fp, sp, yc, age_ref);
    if (age_ref > 0 && v_ref_curve > 0.0 && v_ref > 0.0) volume *= v_ref / v_ref_curve;  // keep the stand's own level
  } else {
    age = std::max(age, -rotation);  // an old stand renewed in `-age` years
    growth_age = rotation + age;
    volume = kernels::managed_volume(fp, sp, yc, growth_age);
  }
  InitialStand out;
  out.age = static_cast<float>(age);
  out.biomass_c = volume * kernels::carbon_per_m3(fp, sp);
  const std::size_t k = kernels::ForestGrowthTable::index(sp, yc, static_cast<int>(growth_age));
  const double increment = fp.table.increment[k] * kernels::stocking_ratio(fp, volume, fp.table.managed_volume[k]);
  const auto dom = kernels::steady_dead_organic_matter(fp, sp, out.biomass_c, increment, harvested);
  out.dead_wood_c = dom.dead_wood_c;
  out.litter_c = dom.litter_c;
  return out;
}

/// Mapped land use of every cell of a tile at the end of `year`, and (optionally) the last map change
/// up to then: its year (0 if none) and the class before it.
void replay_events(const TileInput& in, std::int32_t year, std::vector<std::uint8_t>& land_use,
                   std::vector<std::int32_t>* change_year, std::vector<std::uint8_t>* before_change) {
  land_use.assign(in.land_use_base.begin(), in.land_use_base.end());
  if (change_year) change_year->assign(in.n_cells(), 0);
  if (before_change) before_change->assign(in.land_use_base.begin(), in.land_use_base.end());
  for (const auto& e : in.events) {
    if (e.year > year) break;
    if (e.map_change && change_year) {
      (*change_year)[e.cell] = e.year;
      (*before_change)[e.cell] = land_use[e.cell];
    }
    land_use[e.cell] = e.land_use;
  }
}

void set_static_fields(const KeptInput& input, const ClimateForcing& climate, CellState& s) {
  s.tile_row0.resize(s.n_tiles());
  s.tile_col0.resize(s.n_tiles());
  s.climate_cell.assign(s.n_cells(), 0);
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    const auto g = input.layout->geometry(s.tiles[t]);
    s.tile_row0[t] = g.tile_row * s.tile_size;
    s.tile_col0[t] = g.tile_col * s.tile_size;
    for (std::size_t i = s.begin(t); i < s.end(t); ++i)
      s.climate_cell[i] = static_cast<std::uint16_t>(climate.cell_of(s.row_of(t, i), s.col_of(t, i)));
  });
}

template <typename T>
const std::vector<T>& field(const FieldArrays& fields, const std::string& name) {
  const auto it = fields.find(name);
  POLDER_VERIFY(it != fields.end(), "checkpoint field ", name, " missing");
  const auto* v = std::get_if<std::vector<T>>(&it->second);
  POLDER_VERIFY(v != nullptr, "checkpoint field ", name, " has the wrong type");
  return *v;
}

/// Copies every checkpointed column of record `r` from the dense arrays at cell `i`.
template <typename List>
void fill_from_dense(List& list, std::size_t r, std::size_t i, const FieldArrays& fields) {
  list.visit([&](const ColumnInfo& c, auto& column) {
    using T = typename std::decay_t<decltype(column)>::value_type;
    if constexpr (k_checkpoint_type<T>) {
      if (c.checkpoint[0] != '\0') column[r] = field<T>(fields, c.checkpoint)[i];
    }
  });
}

}  // namespace

void prepare_state(const KeptInput& input, const ClimateForcing& climate, CellState& s) {
  s.allocate(input.tiles, input.tile_begin, input.tile_size);
  s.forest_reference_year = input.info.forest_reference_year;
  set_static_fields(input, climate, s);
}

void initialise_state(const KeptInput& input, const ModelParameters& p, const ClimateFactors& climate,
                      std::int32_t start_year, CellState& s) {
  prepare_state(input, climate.forcing(), s);
  const std::int32_t before = start_year - 1;  // the state describes the end of this year
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    const TileInput& in = s.tile_input(t);
    TileProcesses& proc = s.processes[t];
    std::vector<std::uint8_t> land_use, before_change;
    std::vector<std::int32_t> change_year;
    replay_events(in, before, land_use, &change_year, &before_change);
    std::size_t coastal_at = 0;
    for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
      const std::size_t c = i - s.begin(t);
      const std::uint8_t lu = land_use[c], prev_lu = before_change[c];
      const std::int32_t change = change_year[c];
      s.land_use[i] = lu;
      const std::uint8_t cat = category_of_code(lu), prev_cat = category_of_code(prev_lu);
      if (change > 0 && prev_cat != cat) {
        s.converted_from[i] = prev_cat;
        s.converted_year[i] = static_cast<std::int16_t>(change);
      }
      const auto key =
          static_cast<ReportKey>(report_key(in.province[c], lu, s.converted_from[i], s.converted_year[i], before));

      // Mineral soil: at equilibrium (in the climate up to `before`), or part-way along the transition
      // that started at the change. The anchor is SOC minus its climate part as the run sees it.
      const std::uint8_t soil = in.soil[c];
      s.soil[i] = soil;
      const std::uint16_t cc = s.climate_cell[i];
      if (is_mineral_soil(soil)) {
        const double climate_factor = 1.0 + climate.initial_soil_x(before, cc);
        const double eq_new = kernels::soc_equilibrium(p.mineral, soil, lu) * climate_factor;
        const std::int32_t since = change > 0 ? before - change + 1 : p.mineral.transition_years;
        double soc = eq_new;
        if (change > 0 && since < p.mineral.transition_years) {
          const double eq_old = kernels::soc_equilibrium(p.mineral, soil, prev_lu) * climate_factor;
          const auto tr = kernels::start_soc_transition(p.mineral, eq_old, eq_new);
          soc = eq_old + static_cast<double>(tr.rate_t_c_ha_yr) * since;
          const auto left = static_cast<std::uint8_t>(tr.years_left > since ? tr.years_left - since : 0);
          if (left > 0) {
            const std::size_t r = proc.transition.push_back(static_cast<std::uint16_t>(c), key);
            proc.transition.rate[r] = tr.rate_t_c_ha_yr;
            proc.transition.years_left[r] = left;
          }
        }
        s.soc_anchor[i] = soc - kernels::soc_equilibrium(p.mineral, soil, lu) * climate.soil_x(before, cc);
      }
      // Organic soil: carbon above the substrate from the peat thickness.
      if (is_organic_soil(soil)) {
        const auto* a = organic_attributes(in, static_cast<std::uint16_t>(c));
        const double peat_c = static_cast<double>(a->peat_thickness_cm) * p.organic.carbon_per_cm_t_c_ha;
        if (peat_c > 0.0) {
          const std::size_t r = add_organic(s, t, i, key, proc.organic);
          proc.organic.peat_c[r] = peat_c;
        }
      }
      // Living biomass and dead organic matter of stands; other classes hold their steady-state
      // vegetation, implied by the class (no record).
      if (is_woody(lu)) {
        const bool planted = change > 0 && prev_cat != cat && cat == model::index(model::LandCategory::forest);
        const std::size_t r = add_woody(s, t, i, key, proc.woody);
        const auto st =
            initial_stand(p.forest, proc.woody.species[r], forest_attributes(in, static_cast<std::uint16_t>(c)),
                          s.forest_reference_year, before, lu == static_cast<std::uint8_t>(model::LandUse::forest),
                          planted ? change : 0);
        proc.woody.age[r] = static_cast<float>(st.age);
        proc.woody.biomass_c[r] = st.biomass_c;
        proc.woody.dead_wood_c[r] = st.dead_wood_c;
        proc.woody.litter_c[r] = st.litter_c;
      }
      if (p.fire.ignition_per_ha_yr[lu] > 0.0) add_flammable(s, t, i, key, proc.flammable);
      // Coastal cells (salt marsh or seagrass in some map): elevation and the mapped class.
      if (coastal_at < in.coastal.size() && in.coastal[coastal_at].cell == c) {
        const std::size_t r = add_coastal(s, p, t, i, key, proc.coastal);
        proc.coastal.elevation_cm[r] = in.coastal[coastal_at].elevation_cm;
        proc.coastal.mapped_land_use[r] = lu;
        ++coastal_at;
      }
    }
  });
}

FieldArrays dense_process_fields(CellState& s) {
  FieldArrays out;
  const std::size_t n = s.n_cells();
  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    s.processes[t].visit_lists([&](const char*, auto& list) {
      const std::size_t b = s.begin(t);
      // Fetch the cell column first (visit order: cell, key, then the process columns).
      const auto& cells = list.cell;
      list.visit([&](const ColumnInfo& c, auto& column) {
        using T = typename std::decay_t<decltype(column)>::value_type;
        if constexpr (!k_checkpoint_type<T>) {
          POLDER_VERIFY(c.checkpoint[0] == '\0', "checkpoint field ", c.checkpoint, " has a type checkpoints lack");
          return;
        } else {
          if (c.checkpoint[0] == '\0') return;
          auto it = out.find(c.checkpoint);
          if (it == out.end()) it = out.emplace(c.checkpoint, std::vector<T>(n, T{})).first;
          auto* dense = std::get_if<std::vector<T>>(&it->second);
          POLDER_VERIFY(dense != nullptr, "checkpoint field ", c.checkpoint, " declared with two types");
          for (std::size_t r = 0; r < column.size(); ++r) (*dense)[b + cells[r]] = column[r];
        }
      });
    });
  }
  // Fields of lists that happen to be empty on this rank still exist (every rank writes every dataset).
  TileProcesses empty;
  empty.visit_lists([&](const char*, auto& list) {
    list.visit([&](const ColumnInfo& c, auto& column) {
      using T = typename std::decay_t<decltype(column)>::value_type;
      if constexpr (k_checkpoint_type<T>) {
        if (c.checkpoint[0] != '\0' && !out.count(c.checkpoint)) out.emplace(c.checkpoint, std::vector<T>(n, T{}));
      }
    });
  });
  return out;
}

void rebuild_processes(const ModelParameters& p, const FieldArrays& fields, std::int32_t year, CellState& s) {
  const auto& peat_c = field<double>(fields, "peat_c");
  const auto& years_left = field<std::uint8_t>(fields, "soc_years_left");
  const auto& burnt_year = field<std::int16_t>(fields, "burnt_year");
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    const TileInput& in = s.tile_input(t);
    TileProcesses& proc = s.processes[t];
    proc = TileProcesses{};
    std::vector<std::uint8_t> mapped;
    replay_events(in, year, mapped, nullptr, nullptr);
    std::size_t coastal_at = 0;
    for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
      const std::size_t c = i - s.begin(t);
      const std::uint8_t lu = s.land_use[i];
      const auto key =
          static_cast<ReportKey>(report_key(in.province[c], lu, s.converted_from[i], s.converted_year[i], year));
      if (years_left[i] > 0)
        fill_from_dense(proc.transition, proc.transition.push_back(static_cast<std::uint16_t>(c), key), i, fields);
      if (is_organic_soil(s.soil[i]) && peat_c[i] > 0.0)
        fill_from_dense(proc.organic, add_organic(s, t, i, key, proc.organic), i, fields);
      if (is_woody(lu)) {
        fill_from_dense(proc.woody, add_woody(s, t, i, key, proc.woody), i, fields);
      } else if (burnt_year[i] != 0) {
        fill_from_dense(proc.burnt, proc.burnt.push_back(static_cast<std::uint16_t>(c), key), i, fields);
      }
      if (p.fire.ignition_per_ha_yr[lu] > 0.0)
        fill_from_dense(proc.flammable, add_flammable(s, t, i, key, proc.flammable), i, fields);
      if (coastal_at < in.coastal.size() && in.coastal[coastal_at].cell == c) {
        const std::size_t r = add_coastal(s, p, t, i, key, proc.coastal);
        fill_from_dense(proc.coastal, r, i, fields);
        proc.coastal.mapped_land_use[r] = mapped[c];
        ++coastal_at;
      }
    }
  });
}

}  // namespace polder::engine
