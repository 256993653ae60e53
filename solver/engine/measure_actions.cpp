#include "solver/engine/measure_actions.hpp"

#include <algorithm>

#include "solver/core/error.hpp"
#include "solver/engine/measure_plan.hpp"
#include "solver/engine/process_records.hpp"
#include "solver/engine/reporting_row.hpp"
#include "solver/kernels/mineral_soil.hpp"

namespace polder::engine {
namespace {

using io::MeasureAction;

constexpr auto k_salt_marsh = static_cast<std::uint8_t>(model::LandUse::salt_marsh);
constexpr auto k_seagrass = static_cast<std::uint8_t>(model::LandUse::seagrass);

const io::MeasureSpec& spec_of(const YearContext& ctx, std::uint8_t field) {
  return ctx.measures->specs()[static_cast<std::size_t>(measure_index(field)) - 1];
}

template <typename List>
std::ptrdiff_t find_in(const List& list, std::uint16_t cell) {
  return list.find(cell);
}

}  // namespace

void activate_measures(const YearContext& ctx, CellState& s, std::size_t t, std::size_t& cursor, AreaBook& areas,
                       std::vector<std::uint16_t>& activated,
                       std::vector<std::pair<std::uint16_t, std::uint8_t>>& targets) {
  if (ctx.measures == nullptr || ctx.measures->empty()) return;
  const auto& list = ctx.measures->activations(t);
  while (cursor < list.size() && list[cursor].year < ctx.year) ++cursor;
  if (cursor >= list.size() || list[cursor].year != ctx.year) return;
  TileProcesses& pr = s.processes[t];
  const std::size_t b0 = s.begin(t);
  CoastalList added_coastal;
  for (; cursor < list.size() && list[cursor].year == ctx.year; ++cursor) {
    const MeasureActivation& a = list[cursor];
    const std::size_t i = b0 + a.cell;
    // A reserved cell the projection or a map event changed since the plan is not taken.
    if (!ctx.measures->acts_on(a.measure, s.land_use[i], s.soil[i], *ctx.parameters)) {
      if (!measure_active(s.measure[i])) s.measure[i] = 0;
      continue;
    }
    // The cell's count key moves to the measure.
    areas.leave(s, i, ctx.year);
    s.measure[i] = static_cast<std::uint8_t>(a.measure | k_measure_active);
    areas.enter(s, i, ctx.year, -1);
    activated.push_back(a.cell);
    const io::MeasureSpec& m = spec_of(ctx, s.measure[i]);
    if ((m.action != MeasureAction::land_use && m.action != MeasureAction::rewet) || m.to_land_use == 0) continue;
    if (m.to_land_use == k_salt_marsh || m.to_land_use == k_seagrass) {
      // The coastal model converts it (its class follows the coastal record's mapped class).
      std::ptrdiff_t r = pr.coastal.find(a.cell);
      CoastalList* into = &pr.coastal;
      if (r < 0) {
        into = &added_coastal;
        const auto key = static_cast<ReportKey>(
            report_key(s.province(t, i), s.land_use[i], s.converted_from[i], s.converted_year[i], ctx.year));
        r = static_cast<std::ptrdiff_t>(add_coastal(s, *ctx.parameters, t, i, key, added_coastal));
        added_coastal.elevation_cm[static_cast<std::size_t>(r)] =
            static_cast<float>(ctx.parameters->wetland.marsh_drowning_level_cm);
      }
      const auto k = static_cast<std::size_t>(r);
      into->mapped_land_use[k] = m.to_land_use;
      if (m.to_land_use == k_salt_marsh)  // a restored marsh starts at the pioneer level at least
        into->elevation_cm[k] =
            std::max(into->elevation_cm[k], static_cast<float>(ctx.parameters->wetland.marsh_edge_level_cm));
    } else if (s.land_use[i] != m.to_land_use) {
      targets.emplace_back(a.cell, m.to_land_use);
    }
  }
  pr.coastal.merge(added_coastal);
}

double end_management(const YearContext& ctx, CellState& s, std::size_t t, std::uint16_t c, std::uint8_t new_land_use) {
  const std::size_t i = s.begin(t) + c;
  const std::uint8_t field = s.measure[i];
  if (field == 0 || ctx.measures == nullptr || !ctx.measures->ends_on_conversion(field)) return 1.0;
  if (ctx.measures->acts_on(field, new_land_use, s.soil[i], *ctx.parameters)) {  // it goes on
    const io::MeasureSpec& m = spec_of(ctx, field);
    return measure_active(field) && m.action == MeasureAction::soil_management ? m.factor : 1.0;
  }
  TileProcesses& pr = s.processes[t];
  if (const auto r = pr.woody.find(c); r >= 0) pr.woody.harvest_factor[static_cast<std::size_t>(r)] = 1.0F;
  if (const auto r = pr.organic.find(c); r >= 0) pr.organic.raise_cm[static_cast<std::size_t>(r)] = 0.0F;
  if (const auto r = pr.flammable.find(c); r >= 0) {
    pr.flammable.ignition_factor[static_cast<std::size_t>(r)] = 1.0F;
    pr.flammable.spreads[static_cast<std::size_t>(r)] = 1;
  }
  s.measure[i] = 0;
  return 1.0;
}

void apply_measure_actions(const YearContext& ctx, CellState& s, std::size_t t,
                           const std::vector<std::uint16_t>& activated) {
  if (activated.empty()) return;
  TileProcesses& pr = s.processes[t];
  const std::size_t b0 = s.begin(t);
  const auto& mp = ctx.parameters->mineral;
  TransitionList added_transition;
  for (const std::uint16_t c : activated) {
    const std::size_t i = b0 + c;
    const std::uint8_t field = s.measure[i];
    if (!measure_active(field)) continue;  // converted this year: it left the measure (end_management)
    const io::MeasureSpec& m = spec_of(ctx, field);
    switch (m.action) {
      case MeasureAction::land_use:
      case MeasureAction::species: {
        if (m.species_mix.empty()) break;
        const auto r = find_in(pr.woody, c);
        if (r >= 0)
          pr.woody.species[static_cast<std::size_t>(r)] =
              ctx.measures->species(measure_index(field), s.cell_id(t, i), ctx.seed);
        break;
      }
      case MeasureAction::rewet: {
        const auto r = find_in(pr.organic, c);
        if (r >= 0) pr.organic.rewetted[static_cast<std::size_t>(r)] = 1;
        break;
      }
      case MeasureAction::water_table: {
        const auto r = find_in(pr.organic, c);
        if (r >= 0) pr.organic.raise_cm[static_cast<std::size_t>(r)] += static_cast<float>(m.raise_cm);
        break;
      }
      case MeasureAction::fire_prevention: {
        const auto r = find_in(pr.flammable, c);
        if (r >= 0) {
          pr.flammable.ignition_factor[static_cast<std::size_t>(r)] = static_cast<float>(m.factor);
          pr.flammable.spreads[static_cast<std::size_t>(r)] = m.spread ? 1 : 0;
        }
        // Converting fire-prone stands: the species changes as well.
        const auto w = m.species_mix.empty() ? -1 : find_in(pr.woody, c);
        if (w >= 0)
          pr.woody.species[static_cast<std::size_t>(w)] =
              ctx.measures->species(measure_index(field), s.cell_id(t, i), ctx.seed);
        break;
      }
      case MeasureAction::marsh_accretion: {
        const auto r = find_in(pr.coastal, c);
        if (r >= 0) pr.coastal.accretion_factor[static_cast<std::size_t>(r)] = static_cast<float>(m.factor);
        break;
      }
      case MeasureAction::harvest: {
        const auto r = find_in(pr.woody, c);
        if (r >= 0) pr.woody.harvest_factor[static_cast<std::size_t>(r)] = static_cast<float>(m.factor);
        break;
      }
      case MeasureAction::soil_management: {
        // SOC = anchor + SOC_eq x (cell_state.hpp). The transition runs from last year's stock to
        // factor x the equilibrium of this year's climate; the anchor stays (the land use does not change).
        const std::uint8_t soil = s.soil[i], lu = s.land_use[i];
        if (!is_mineral_soil(soil)) break;
        const std::uint16_t cc = s.climate_cell[i];
        const double x_now = ctx.factors != nullptr ? ctx.factors->soil_x(ctx.year, cc) : 0.0;
        const double x_before = ctx.factors != nullptr ? ctx.factors->soil_x(ctx.year - 1, cc) : 0.0;
        const double eq = kernels::soc_equilibrium(mp, soil, lu);
        const double soc_now = s.soc_anchor[i] + eq * x_before;
        const auto tr = kernels::start_soc_transition(mp, soc_now, eq * (1.0 + x_now) * m.factor);
        const auto r = find_in(pr.transition, c);
        if (r >= 0) {
          pr.transition.rate[static_cast<std::size_t>(r)] = tr.rate_t_c_ha_yr;
          pr.transition.years_left[static_cast<std::size_t>(r)] = tr.years_left;
        } else if (tr.years_left > 0) {
          const auto key = static_cast<ReportKey>(
              report_key(s.province(t, i), lu, s.converted_from[i], s.converted_year[i], ctx.year));
          const std::size_t k = added_transition.push_back(c, key);
          added_transition.rate[k] = tr.rate_t_c_ha_yr;
          added_transition.years_left[k] = tr.years_left;
        }
        break;
      }
    }
  }
  pr.transition.merge(added_transition);
}

}  // namespace polder::engine
