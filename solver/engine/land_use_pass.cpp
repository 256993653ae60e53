#include "solver/engine/land_use_pass.hpp"

#include <algorithm>
#include <array>

#include "solver/engine/cell_books.hpp"
#include "solver/engine/land_use_projection.hpp"
#include "solver/engine/measure_actions.hpp"
#include "solver/engine/measure_plan.hpp"
#include "solver/engine/process_records.hpp"
#include "solver/engine/reporting_row.hpp"

namespace polder::engine {
namespace {

constexpr auto k_salt_marsh = static_cast<std::uint8_t>(model::LandUse::salt_marsh);
constexpr auto k_flat = static_cast<std::uint8_t>(model::LandUse::intertidal_flat);
/// Positions of the lists in TileProcesses::visit_lists.
constexpr std::size_t k_woody = 0, k_transition = 2, k_burnt = 4, k_flammable = 5;

/// The records to drop, ascending and distinct. They come in cell order, so this is a check, unless a
/// cell was converted twice (a measure's target that the coastal model also converts).
std::vector<std::uint32_t>& ascending(std::vector<std::uint32_t>& rows) {
  if (!std::is_sorted(rows.begin(), rows.end()) || std::adjacent_find(rows.begin(), rows.end()) != rows.end()) {
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  }
  return rows;
}

/// The first index from `from` on whose cell is not below `c` (`cells` ascending, all cells before
/// `from` below `c`): steps of 1, 2, 4, ... from `from`, then bisection of the last step.
std::size_t seek(const std::vector<std::uint16_t>& cells, std::size_t from, std::uint16_t c) {
  std::size_t lo = from, hi = from, step = 1;
  while (hi < cells.size() && cells[hi] < c) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  const auto end = cells.begin() + static_cast<std::ptrdiff_t>(std::min(hi, cells.size()));
  return static_cast<std::size_t>(std::lower_bound(cells.begin() + static_cast<std::ptrdiff_t>(lo), end, c) -
                                  cells.begin());
}

/// Adds a cell's books (per ha) to the ledger row of `key` and its balance to the closure check.
void post(TileLedger& ledger, ReportKey key, const CellBooks& b, std::uint8_t measure, std::uint8_t land_use) {
  double* acc = ledger.row(key / model::k_ledger_rows, key % model::k_ledger_rows);
  for (int q = 0; q < model::k_quantities; ++q) acc[q] += b.q[static_cast<std::size_t>(q)] * k_cell_ha;
  ledger.add_balance(b.residual() * k_cell_ha, b.turnover() * k_cell_ha);
  ledger.add_measure(measure, b.q.data(), k_cell_ha);
  ledger.add_wetland(key, land_use, b.q.data(), k_cell_ha);
}

/// Converts tile-cell `c` to land use `lu` (IPCC stock-difference at conversion): living biomass
/// lost and the new class's gained, a stand's dead wood and litter cleared with it, the 20-year
/// mineral-soil transition to the new equilibrium started (in this year's climate); every pool change
/// booked to the cell's new reporting row. Woody stands carry over between forest and trees outside
/// forest.
void convert_cell(const YearContext& ctx, CellState& s, std::size_t t, std::uint16_t c, std::uint8_t lu,
                  AreaBook& areas, TileLedger& ledger, LandUseScratch& scratch) {
  const auto& p = *ctx.parameters;
  TileProcesses& pr = s.processes[t];
  const std::size_t i = s.begin(t) + c;
  const std::uint8_t old_lu = s.land_use[i];
  const std::uint8_t old_cat = category_of_code(old_lu), new_cat = category_of_code(lu);
  const bool was_woody = is_woody(old_lu), now_woody = is_woody(lu);
  // The cell's record in each process list (-1: none), found once: conversions come in cell order, so
  // each list is searched on from the previous conversion's record.
  std::array<std::ptrdiff_t, k_lists> at{};
  if (c < scratch.cursor_cell) scratch.list_cursor.fill(0);  // not in order: search from the start
  scratch.cursor_cell = c;
  std::size_t l = 0;
  pr.visit_lists([&](const char*, auto& list) {
    std::size_t& from = scratch.list_cursor[l];
    from = seek(list.cell, from, c);
    at[l++] = from < list.size() && list.cell[from] == c ? static_cast<std::ptrdiff_t>(from) : -1;
  });
  const std::ptrdiff_t rw = was_woody ? at[k_woody] : -1;
  const std::ptrdiff_t rb = was_woody ? -1 : at[k_burnt];
  double biomass = kernels::vegetation_biomass(p.vegetation, old_lu), dead_wood = 0.0, litter = 0.0;
  if (rw >= 0) {
    biomass = pr.woody.biomass_c[static_cast<std::size_t>(rw)];
    dead_wood = pr.woody.dead_wood_c[static_cast<std::size_t>(rw)];
    litter = pr.woody.litter_c[static_cast<std::size_t>(rw)];
  } else if (rb >= 0) {
    biomass = pr.burnt.biomass_c[static_cast<std::size_t>(rb)];
    dead_wood = pr.burnt.dead_wood_c[static_cast<std::size_t>(rb)];
    litter = pr.burnt.litter_c[static_cast<std::size_t>(rb)];
  }
  CellBooks b;
  b.open(biomass, dead_wood, litter, 0.0, 0.0);
  if (!(was_woody && now_woody)) {
    b.lose_biomass(b[Pool::biomass]);
    if (was_woody) {
      b.change(Pool::dead_wood, -b[Pool::dead_wood]);
      b.change(Pool::litter, -b[Pool::litter]);
    }
    if (!now_woody) b.gain_biomass(kernels::vegetation_biomass(p.vegetation, lu));
  }
  areas.leave(s, i, ctx.year);
  const double managed = end_management(ctx, s, t, c, lu);  // a soil measure going on: its factor

  // Mineral soil: the transition to the new equilibrium starts from last year's stock. The anchor
  // keeps SOC = anchor + SOC_eq x (cell_state.hpp) for the new land use.
  const std::uint8_t soil = s.soil[i];
  const bool mineral = is_mineral_soil(soil);
  kernels::SocTransition tr{};
  if (mineral) {
    const std::uint16_t cc = s.climate_cell[i];
    const double x_now = ctx.factors->soil_x(ctx.year, cc), x_before = ctx.factors->soil_x(ctx.year - 1, cc);
    const double soc_now = s.soc_anchor[i] + kernels::soc_equilibrium(p.mineral, soil, old_lu) * x_before;
    const double eq = kernels::soc_equilibrium(p.mineral, soil, lu) * (1.0 + x_now) * managed;
    tr = kernels::start_soc_transition(p.mineral, soc_now, eq);
    s.soc_anchor[i] = soc_now - kernels::soc_equilibrium(p.mineral, soil, lu) * x_before;
  }
  if (new_cat != old_cat) {
    s.converted_from[i] = old_cat;
    s.converted_year[i] = static_cast<std::int16_t>(ctx.year);
  }
  s.land_use[i] = lu;
  if (ctx.projection != nullptr) ctx.projection->cell_changed(t, old_lu, lu);
  areas.enter(s, i, ctx.year, old_cat);
  const auto key =
      static_cast<ReportKey>(report_key(s.province(t, i), lu, s.converted_from[i], s.converted_year[i], ctx.year));
  l = 0;  // the key in every list that holds the cell (set_key)
  pr.visit_lists([&](const char*, auto& list) {
    if (at[l] >= 0) list.key[static_cast<std::size_t>(at[l])] = key;
    ++l;
  });

  // Process lists: a stand ends or starts; burnt vegetation carries its dead wood into a new stand.
  if (rw >= 0 && !now_woody) scratch.drop_woody.push_back(static_cast<std::uint32_t>(rw));
  if (!was_woody && now_woody) {
    const std::size_t r = add_woody(s, t, i, key, scratch.added_woody);
    scratch.added_woody.age[r] = 0.0F;
    scratch.added_woody.biomass_c[r] = b[Pool::biomass];
    scratch.added_woody.dead_wood_c[r] = b[Pool::dead_wood];
    scratch.added_woody.litter_c[r] = b[Pool::litter];
    if (rb >= 0) scratch.drop_burnt.push_back(static_cast<std::uint32_t>(rb));
  } else if (rb >= 0) {
    pr.burnt.biomass_c[static_cast<std::size_t>(rb)] = b[Pool::biomass];
  }
  const auto& ignition = p.fire.ignition_per_ha_yr;
  if ((ignition[old_lu] > 0.0) != (ignition[lu] > 0.0)) {
    if (ignition[lu] > 0.0) {
      add_flammable(s, t, i, key, scratch.added_flammable);
    } else {
      scratch.drop_flammable.push_back(static_cast<std::uint32_t>(at[k_flammable]));
    }
  }
  if (mineral) {
    const std::ptrdiff_t rt = at[k_transition];
    if (rt >= 0) {  // a running transition is replaced (or ended, when the stock is already there)
      pr.transition.rate[static_cast<std::size_t>(rt)] = tr.rate_t_c_ha_yr;
      pr.transition.years_left[static_cast<std::size_t>(rt)] = tr.years_left;
    } else if (tr.years_left > 0) {
      const std::size_t r = scratch.added_transition.push_back(c, key);
      scratch.added_transition.rate[r] = tr.rate_t_c_ha_yr;
      scratch.added_transition.years_left[r] = tr.years_left;
    }
  }
  post(ledger, key, b, s.measure[i], s.land_use[i]);
}

}  // namespace

void set_key(TileProcesses& p, std::uint16_t cell, ReportKey key) {
  p.visit_lists([&](const char*, auto& list) {
    const std::ptrdiff_t r = list.find(cell);
    if (r >= 0) list.key[static_cast<std::size_t>(r)] = key;
  });
}

void land_use_pass(const YearContext& ctx, CellState& s, std::size_t t, std::size_t& event_cursor,
                   std::size_t& measure_cursor, AreaBook& areas, TileLedger& ledger, LandUseScratch& scratch) {
  const auto& wp = ctx.parameters->wetland;
  const TileInput& in = s.tile_input(t);
  TileProcesses& pr = s.processes[t];
  const std::size_t b0 = s.begin(t);

  // Cells whose 20-year converted period ends report in their "remaining" row from now on.
  scratch.rekeyed.clear();
  areas.expire(s, ctx.year, scratch.rekeyed);
  if (!scratch.rekeyed.empty()) {
    // The cells in order, each key computed once: each list is searched from where the previous cell
    // was found, galloping (the cells of one conversion year lie close together).
    std::sort(scratch.rekeyed.begin(), scratch.rekeyed.end());
    scratch.rekeyed_keys.resize(scratch.rekeyed.size());
    for (std::size_t k = 0; k < scratch.rekeyed.size(); ++k) {
      const std::uint32_t i = scratch.rekeyed[k];
      scratch.rekeyed_keys[k] = static_cast<ReportKey>(
          report_key(s.province(t, i), s.land_use[i], s.converted_from[i], s.converted_year[i], ctx.year));
    }
    pr.visit_lists([&](const char*, auto& list) {
      std::size_t r = 0;
      for (std::size_t k = 0; k < scratch.rekeyed.size(); ++k) {
        const auto c = static_cast<std::uint16_t>(scratch.rekeyed[k] - b0);
        r = seek(list.cell, r, c);
        if (r == list.size()) break;
        if (list.cell[r] == c) list.key[r] = scratch.rekeyed_keys[k];
      }
    });
  }

  // This year's targets: land-use events, and coastal cells from their mapped class (a drowned or
  // eroded salt marsh stays tidal flat even where the map still shows marsh).
  scratch.targets.clear();
  scratch.coastal_targets.clear();
  const auto& events = in.events;
  while (event_cursor < events.size() && events[event_cursor].year < ctx.year) ++event_cursor;
  for (; event_cursor < events.size() && events[event_cursor].year == ctx.year; ++event_cursor) {
    const TileEvent& e = events[event_cursor];
    const std::ptrdiff_t r = pr.coastal.find(e.cell);
    if (r >= 0) {
      pr.coastal.mapped_land_use[static_cast<std::size_t>(r)] = e.land_use;
    } else if (e.land_use != s.land_use[b0 + e.cell]) {
      scratch.targets.emplace_back(e.cell, e.land_use);
    }
  }
  // Measures: cells entering one this year, and the classes land-use measures give them (they win over a
  // map event of the same cell); then the baseline projection for every cell not already changing.
  scratch.activated.clear();
  scratch.extra.clear();
  activate_measures(ctx, s, t, measure_cursor, areas, scratch.activated, scratch.extra);
  if (!scratch.extra.empty()) {
    scratch.combined.clear();
    std::size_t a = 0, b = 0;
    while (a < scratch.targets.size() || b < scratch.extra.size()) {
      if (b == scratch.extra.size() ||
          (a < scratch.targets.size() && scratch.targets[a].first < scratch.extra[b].first)) {
        scratch.combined.push_back(scratch.targets[a++]);
      } else {
        if (a < scratch.targets.size() && scratch.targets[a].first == scratch.extra[b].first) ++a;
        scratch.combined.push_back(scratch.extra[b++]);
      }
    }
    scratch.targets.swap(scratch.combined);
  }
  if (ctx.projection != nullptr) {
    scratch.extra.clear();
    ctx.projection->targets(ctx, s, t, scratch.targets, scratch.extra);
    if (!scratch.extra.empty()) {
      scratch.combined.resize(scratch.targets.size() + scratch.extra.size());
      std::merge(scratch.targets.begin(), scratch.targets.end(), scratch.extra.begin(), scratch.extra.end(),
                 scratch.combined.begin());
      scratch.targets.swap(scratch.combined);
    }
  }
  for (std::size_t r = 0; r < pr.coastal.size(); ++r) {
    const std::uint8_t mapped = pr.coastal.mapped_land_use[r];
    const bool drowned = static_cast<double>(pr.coastal.elevation_cm[r]) < wp.marsh_drowning_level_cm;
    const std::uint8_t target = mapped == k_salt_marsh && drowned ? k_flat : mapped;
    if (target != s.land_use[b0 + pr.coastal.cell[r]]) scratch.coastal_targets.emplace_back(pr.coastal.cell[r], target);
  }
  scratch.merged.resize(scratch.targets.size() + scratch.coastal_targets.size());
  std::merge(scratch.targets.begin(), scratch.targets.end(), scratch.coastal_targets.begin(),
             scratch.coastal_targets.end(), scratch.merged.begin());

  if (!scratch.merged.empty()) {
    scratch.drop_woody.clear();
    scratch.drop_burnt.clear();
    scratch.drop_flammable.clear();
    scratch.list_cursor.fill(0);
    scratch.cursor_cell = 0;
    for (const auto& [cell, lu] : scratch.merged) convert_cell(ctx, s, t, cell, lu, areas, ledger, scratch);
    pr.woody.splice(ascending(scratch.drop_woody), scratch.added_woody);
    pr.burnt.splice(ascending(scratch.drop_burnt), scratch.added_burnt);
    pr.transition.merge(scratch.added_transition);
    pr.flammable.splice(ascending(scratch.drop_flammable), scratch.added_flammable);
  }
  apply_measure_actions(ctx, s, t, scratch.activated);
  areas.post(*ctx.parameters, *ctx.climate, ledger);
}

}  // namespace polder::engine
