#include "solver/engine/process_pass.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include "solver/engine/booking.hpp"
#include "solver/engine/cell_books.hpp"
#include "solver/kernels/counter_hash.hpp"
#include "solver/kernels/fire.hpp"
#include "solver/kernels/forest_span.hpp"
#include "solver/kernels/organic_span.hpp"

namespace polder::engine {
namespace {

using model::LandUse;
using model::Quantity;

constexpr auto k_forest = static_cast<std::uint8_t>(LandUse::forest);
constexpr auto k_salt_marsh = static_cast<std::uint8_t>(LandUse::salt_marsh);
constexpr auto k_seagrass = static_cast<std::uint8_t>(LandUse::seagrass);
constexpr auto k_peat = static_cast<std::uint8_t>(model::SoilClass::peat);
constexpr auto k_peaty = static_cast<std::uint8_t>(model::SoilClass::peaty);

// ---- booking tables: output column -> ledger quantity ------------------------------------------------
enum WoodyOut { w_gain, w_loss, w_dead_wood, w_litter, w_roundwood, w_increment, w_fellings, w_volume, w_count };
constexpr std::array<Booking, w_count> k_woody_books = {{{w_gain, Quantity::lb_gain_tc},
                                                         {w_loss, Quantity::lb_loss_tc},
                                                         {w_dead_wood, Quantity::dead_wood_tc},
                                                         {w_litter, Quantity::litter_tc},
                                                         {w_roundwood, Quantity::harvest_tc},
                                                         {w_increment, Quantity::increment_m3},
                                                         {w_fellings, Quantity::fellings_m3},
                                                         {w_volume, Quantity::standing_volume_m3}}};

enum OrganicOut {
  o_area,
  o_peat_area,
  o_organic,
  o_doc,
  o_ch4,
  o_n2o,
  o_n2o_agri,
  o_subsidence,
  o_rewetted,
  o_wtd,
  o_oxidation,
  o_mineral,
  o_depleted,
  o_count
};
constexpr std::array<Booking, o_count> k_organic_books = {{{o_area, Quantity::organic_area_ha},
                                                           {o_peat_area, Quantity::peat_area_ha},
                                                           {o_organic, Quantity::organic_soil_tc},
                                                           {o_doc, Quantity::doc_tc},
                                                           {o_ch4, Quantity::ch4_organic_t},
                                                           {o_n2o, Quantity::n2o_organic_t},
                                                           {o_n2o_agri, Quantity::n2o_organic_agri_t},
                                                           {o_subsidence, Quantity::subsidence_cm_ha},
                                                           {o_rewetted, Quantity::rewetted_area_ha},
                                                           {o_wtd, Quantity::wtd_cm_ha},
                                                           {o_oxidation, Quantity::peat_oxidation_tc},
                                                           {o_mineral, Quantity::mineral_soil_tc},
                                                           {o_depleted, Quantity::peat_depleted_ha}}};

enum TransitionOut { t_mineral, t_n2o, t_count };
constexpr std::array<Booking, t_count> k_transition_books = {
    {{t_mineral, Quantity::mineral_soil_tc}, {t_n2o, Quantity::n2o_mineralisation_t}}};

/// Columns 0..n of the scratch, for book_runs.
template <std::size_t N>
std::array<const double*, N> columns(ProcessScratch& x, std::size_t first) {
  std::array<const double*, N> c{};
  for (std::size_t k = 0; k < N; ++k) c[k] = x.d[first + k].data();
  return c;
}

void post(TileLedger& ledger, ReportKey key, const CellBooks& b) {
  double* acc = ledger.row(key / model::k_ledger_rows, key % model::k_ledger_rows);
  for (int q = 0; q < model::k_quantities; ++q) acc[q] += b.q[static_cast<std::size_t>(q)] * k_cell_ha;
  ledger.add_balance(b.residual() * k_cell_ha, b.turnover() * k_cell_ha);
}

// ---- fire -------------------------------------------------------------------------------------------

/// Combustion of this year's burnt cells (kernels/fire.hpp), before the other processes: stands burn
/// in their record, other vegetation in the burnt list (created at its first fire).
void burn_cells(const YearContext& ctx, CellState& s, std::size_t t, std::span<const std::uint32_t> burnt,
                TileLedger& ledger, ProcessScratch& x) {
  const auto& p = *ctx.parameters;
  TileProcesses& pr = s.processes[t];
  const std::size_t b0 = s.begin(t);
  for (const std::uint32_t i : burnt) {
    const auto c = static_cast<std::uint16_t>(i - b0);
    const std::uint8_t lu = s.land_use[i];
    double *biomass = nullptr, *dead_wood = nullptr, *litter = nullptr;
    ReportKey key = 0;
    if (is_woody(lu)) {
      const auto r = static_cast<std::size_t>(pr.woody.find(c));
      biomass = &pr.woody.biomass_c[r];
      dead_wood = &pr.woody.dead_wood_c[r];
      litter = &pr.woody.litter_c[r];
      key = pr.woody.key[r];
    } else {
      std::ptrdiff_t r = pr.burnt.find(c);
      BurntList* list = &pr.burnt;
      if (r < 0) {  // first fire on this cell: its vegetation enters the burnt list
        key = static_cast<ReportKey>(
            report_key(s.province(t, i), lu, s.converted_from[i], s.converted_year[i], ctx.year));
        list = &x.added_burnt;
        r = static_cast<std::ptrdiff_t>(list->push_back(c, key));
        list->biomass_c[static_cast<std::size_t>(r)] = kernels::vegetation_biomass(p.vegetation, lu);
      }
      const auto k = static_cast<std::size_t>(r);
      key = list->key[k];
      list->burnt_year[k] = static_cast<std::int16_t>(ctx.year);
      biomass = &list->biomass_c[k];
      dead_wood = &list->dead_wood_c[k];
      litter = &list->litter_c[k];
    }
    CellBooks b;
    b.open(*biomass, *dead_wood, *litter, 0.0, 0.0);
    const auto f = kernels::burn(p.fire, lu, b[Pool::biomass], b[Pool::dead_wood], b[Pool::litter]);
    b.lose_biomass(f.biomass_c + f.killed_c);
    b.change(Pool::dead_wood, f.killed_c - f.dead_wood_c);
    b.change(Pool::litter, -f.litter_c);
    b.book(Quantity::fire_co2_t, f.co2_t_ha);
    b.book(Quantity::ch4_fire_t, f.ch4_t_ha);
    b.book(Quantity::n2o_fire_t, f.n2o_t_ha);
    b.book(Quantity::burnt_area_ha, 1.0);
    *biomass = b[Pool::biomass];
    *dead_wood = b[Pool::dead_wood];
    *litter = b[Pool::litter];
    post(ledger, key, b);
  }
}

// ---- woody stands -----------------------------------------------------------------------------------

void woody(const YearContext& ctx, CellState& s, std::size_t t, TileLedger& ledger, ProcessScratch& x) {
  const auto& fp = ctx.parameters->forest;
  const ClimateTables& k = *ctx.climate;
  WoodyList& w = s.processes[t].woody;
  const std::size_t b0 = s.begin(t);
  const bool renew = ctx.year > s.forest_reference_year;
  for (std::size_t start = 0; start < w.size(); start += k_chunk) {
    const std::size_t m = std::min(k_chunk, w.size() - start);
    // Gather: the cell's class and its climate cell's factors; keep the pools before the year.
    double *gf = x.d[10].data(), *df = x.d[11].data(), *def = x.d[12].data();
    double *b_before = x.d[13].data(), *dw_before = x.d[14].data(), *lit_before = x.d[15].data();
    std::uint8_t* harvested = x.u[0].data();
    float* age_before = x.f[0].data();
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t r = start + j;
      const std::uint16_t cc = w.climate_cell[r];
      harvested[j] = s.land_use[b0 + w.cell[r]] == k_forest ? 1 : 0;
      gf[j] = k.f_growth[cc];
      df[j] = k.f_decomposition[cc];
      def[j] = k.deficit_mm[cc];
      b_before[j] = w.biomass_c[r];
      dw_before[j] = w.dead_wood_c[r];
      lit_before[j] = w.litter_c[r];
      age_before[j] = w.age[r];
    }
    kernels::StandSpan span;
    span.n = m;
    span.species = w.species.data() + start;
    span.yield_class = w.yield_class.data() + start;
    span.harvested = harvested;
    span.growth_factor = gf;
    span.decomposition_factor = df;
    span.deficit_mm = def;
    span.age = w.age.data() + start;
    span.biomass_c = w.biomass_c.data() + start;
    span.dead_wood_c = w.dead_wood_c.data() + start;
    span.litter_c = w.litter_c.data() + start;
    span.lb_gain = x.d[w_gain].data();
    span.lb_loss = x.d[w_loss].data();
    span.dead_wood_change = x.d[w_dead_wood].data();
    span.litter_change = x.d[w_litter].data();
    span.roundwood_c = x.d[w_roundwood].data();
    span.increment_m3 = x.d[w_increment].data();
    span.fellings_m3 = x.d[w_fellings].data();
    span.standing_volume_m3 = x.d[w_volume].data();
    span.needs_draw = x.u[1].data();
    span.scratch = x.work.data();
    kernels::forest_years(fp, span, renew);
    // Stands at or past rotation in a projection year: the per-stand felling draw decides.
    for (std::size_t j = 0; j < m; ++j) {
      if (!x.u[1][j]) continue;
      const std::size_t r = start + j;
      const std::size_t i = b0 + w.cell[r];
      kernels::StandYearInput in;
      in.growth_factor = gf[j];
      in.decomposition_factor = df[j];
      in.deficit_mm = def[j];
      in.growth_scale = harvested[j] ? 1.0 : fp.trees_outside_forest_factor;
      in.harvested = harvested[j] != 0;
      in.renew_at_rotation = renew;
      in.felling_draw = kernels::uniform01(ctx.seed, kernels::RandomStream::final_felling, ctx.year, s.cell_id(t, i));
      if (!(in.felling_draw < fp.final_felling_rate)) continue;  // not felled: the span result stands
      kernels::StandState st;
      st.species = w.species[r];
      st.yield_class = w.yield_class[r];
      st.age = age_before[j];
      st.biomass_c = b_before[j];
      st.dead_wood_c = dw_before[j];
      st.litter_c = lit_before[j];
      const auto f = kernels::forest_year(fp, st, in);
      const auto books = kernels::stand_books(f);
      x.d[w_gain][j] = books.lb_gain;
      x.d[w_loss][j] = books.lb_loss;
      x.d[w_dead_wood][j] = books.dead_wood_change;
      x.d[w_litter][j] = books.litter_change;
      x.d[w_roundwood][j] = f.roundwood_c;
      x.d[w_increment][j] = f.increment_m3;
      x.d[w_fellings][j] = f.fellings_m3;
      w.biomass_c[r] = (st.biomass_c + books.lb_gain) - books.lb_loss;
      w.dead_wood_c[r] = st.dead_wood_c + books.dead_wood_change;
      w.litter_c[r] = st.litter_c + books.litter_change;
      w.age[r] = static_cast<float>(f.new_age);
      x.d[w_volume][j] = std::max(w.biomass_c[r], 0.0) / kernels::carbon_per_m3(fp, st.species);
    }
    // Closure of the chunk: pool changes against booked changes.
    double residual = 0.0, turnover = 0.0;
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t r = start + j;
      const double change =
          (w.biomass_c[r] - b_before[j]) + (w.dead_wood_c[r] - dw_before[j]) + (w.litter_c[r] - lit_before[j]);
      const double booked = x.d[w_gain][j] - x.d[w_loss][j] + x.d[w_dead_wood][j] + x.d[w_litter][j];
      residual += change - booked;
      turnover += x.d[w_gain][j] + x.d[w_loss][j] + std::fabs(x.d[w_dead_wood][j]) + std::fabs(x.d[w_litter][j]);
    }
    ledger.add_balance(residual * k_cell_ha, turnover * k_cell_ha);
    const auto cols = columns<w_count>(x, 0);
    x.booker.book(std::span<const ReportKey>(w.key.data() + start, m), cols, k_woody_books, ledger);
  }
}

// ---- regrowth of burnt vegetation -------------------------------------------------------------------

/// Vegetation below its class's steady state regrows a share of it per year. `grows[r]`: the record
/// was below it before this year's fires (a first fire does not regrow in its own year).
void regrowth(const YearContext& ctx, CellState& s, std::size_t t, std::span<const std::uint8_t> grows,
              TileLedger& ledger) {
  const auto& vp = ctx.parameters->vegetation;
  BurntList& bl = s.processes[t].burnt;
  for (std::size_t r = 0; r < bl.size(); ++r) {
    if (!grows[r]) continue;
    const double target = kernels::vegetation_biomass(vp, s.land_use[s.begin(t) + bl.cell[r]]);
    CellBooks b;
    b.open(bl.biomass_c[r], bl.dead_wood_c[r], bl.litter_c[r], 0.0, 0.0);
    b.gain_biomass(std::min(target - b[Pool::biomass], vp.recovery_rate * target));
    bl.biomass_c[r] = b[Pool::biomass];
    post(ledger, bl.key[r], b);
  }
}

// ---- mineral-soil transitions -----------------------------------------------------------------------

void transitions(const YearContext& ctx, CellState& s, std::size_t t, TileLedger& ledger, ProcessScratch& x) {
  const auto& mp = ctx.parameters->mineral;
  TransitionList& tl = s.processes[t].transition;
  double* anchor = s.soc_anchor.data() + s.begin(t);
  bool ended = false;
  for (std::size_t start = 0; start < tl.size(); start += k_chunk) {
    const std::size_t m = std::min(k_chunk, tl.size() - start);
    double *d = x.d[t_mineral].data(), *n2o = x.d[t_n2o].data();
    double residual = 0.0, turnover = 0.0;
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t r = start + j;
      const std::uint8_t left = tl.years_left[r];
      d[j] = kernels::soc_change(tl.rate[r], left);
      n2o[j] = d[j] < 0.0 ? kernels::mineralisation_n2o_t(mp, -d[j]) : 0.0;
      tl.years_left[r] = static_cast<std::uint8_t>(left > 0 ? left - 1 : 0);
      ended = ended || tl.years_left[r] == 0;
      const double before = anchor[tl.cell[r]];
      anchor[tl.cell[r]] = before + d[j];
      residual += (anchor[tl.cell[r]] - before) - d[j];
      turnover += std::fabs(d[j]);
    }
    ledger.add_balance(residual * k_cell_ha, turnover * k_cell_ha);
    const auto cols = columns<t_count>(x, 0);
    x.booker.book(std::span<const ReportKey>(tl.key.data() + start, m), cols, k_transition_books, ledger);
  }
  if (ended) {  // transitions that ran out leave the list
    x.drop.resize(tl.size());
    for (std::size_t r = 0; r < tl.size(); ++r) x.drop[r] = tl.years_left[r] == 0 ? 1 : 0;
    tl.erase_flagged(x.drop);
  }
}

// ---- organic soils ----------------------------------------------------------------------------------

void organic(const YearContext& ctx, CellState& s, std::size_t t, AreaBook& areas, TileLedger& ledger,
             ProcessScratch& x) {
  const auto& p = *ctx.parameters;
  const auto& op = p.organic;
  const ClimateTables& k = *ctx.climate;
  OrganicList& ol = s.processes[t].organic;
  const std::size_t b0 = s.begin(t);
  bool depleted_any = false;
  x.drop.assign(ol.size(), 0);
  for (std::size_t start = 0; start < ol.size(); start += k_chunk) {
    const std::size_t m = std::min(k_chunk, ol.size() - start);
    std::uint8_t *category = x.u[0].data(), *is_peat = x.u[1].data();
    double *gw = x.d[13].data(), *ft = x.d[14].data(), *peat_before = x.d[15].data();
    double *onsite = x.d[16].data(), *doc = x.d[17].data(), *ch4 = x.d[18].data(), *n2o = x.d[19].data();
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t r = start + j;
      const std::size_t i = b0 + ol.cell[r];
      category[j] = category_of_code(s.land_use[i]);
      is_peat[j] = s.soil[i] == k_peat ? 1 : 0;
      gw[j] = k.gw_anomaly_cm[ol.climate_cell[r]];
      ft[j] = k.f_temperature[ol.climate_cell[r]];
      peat_before[j] = ol.peat_c[r];
    }
    kernels::OrganicSpan span;
    span.n = m;
    span.category = category;
    span.rewetted = ol.rewetted.data() + start;
    span.wtd_base_cm = ol.wtd_base_cm.data() + start;
    span.gw_anomaly_cm = gw;
    span.temperature_factor = ft;
    span.ditch_fraction = ol.ditch_fraction.data() + start;
    span.peat_c = peat_before;
    span.onsite_c = onsite;
    span.doc_c = doc;
    span.ch4_kg = ch4;
    span.n2o_kg = n2o;
    span.subsidence_cm = x.d[o_subsidence].data();
    span.wtd_cm = x.d[o_wtd].data();
    span.scratch = x.work.data();
    kernels::organic_soil_years(op, span);
    // The booked columns, the new peat stock, and peat used up (Dutch soil-map definitions: peat
    // becomes peaty below 40 cm and mineral when (almost) gone; the carbon left mixes into the mineral
    // topsoil, the substrate's own carbon stays outside the books).
    double residual = 0.0, turnover = 0.0;
    constexpr auto k_crop = static_cast<std::uint8_t>(model::LandCategory::cropland);
    constexpr auto k_grass = static_cast<std::uint8_t>(model::LandCategory::grassland);
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t r = start + j;
      const bool wet = ol.rewetted[r] != 0;
      // N2O from drained organic soils of cropland and grassland belongs to Agriculture (CRT 3.D.a.6).
      const bool agricultural = category[j] == k_crop || category[j] == k_grass;
      x.d[o_area][j] = 1.0;
      x.d[o_peat_area][j] = is_peat[j] ? 1.0 : 0.0;
      x.d[o_doc][j] = doc[j];
      x.d[o_ch4][j] = ch4[j] * 1e-3;
      x.d[o_n2o][j] = agricultural ? 0.0 : n2o[j] * 1e-3;
      x.d[o_n2o_agri][j] = agricultural ? n2o[j] * 1e-3 : 0.0;
      x.d[o_rewetted][j] = wet ? 1.0 : 0.0;
      if (wet) x.d[o_wtd][j] = 0.0;
      x.d[o_oxidation][j] = is_peat[j] ? onsite[j] : 0.0;
      double peat = (peat_before[j] - onsite[j]) - doc[j];
      double organic_change = -onsite[j], rest = 0.0;
      const double thickness = peat / op.carbon_per_cm_t_c_ha;
      const bool depleted = thickness < op.depleted_below_cm;
      const std::size_t i = b0 + ol.cell[r];
      if (depleted) {
        rest = peat;
        peat -= rest;
        organic_change += -rest;
        areas.leave(s, i, ctx.year);
        const std::uint8_t substrate = p.peat_substrate[s.province(t, i)];
        s.soil[i] = substrate;
        // SOC = anchor + SOC_eq x for the mineral soil it now is (cell_state.hpp).
        s.soc_anchor[i] += rest - kernels::soc_equilibrium(p.mineral, substrate, s.land_use[i]) *
                                      (ctx.factors ? ctx.factors->soil_x(ctx.year, s.climate_cell[i]) : 0.0);
        areas.enter(s, i, ctx.year, -1);
        x.drop[r] = 1;
        depleted_any = true;
      } else {
        if (thickness < op.peaty_below_cm && is_peat[j]) {
          areas.leave(s, i, ctx.year);
          s.soil[i] = k_peaty;
          areas.enter(s, i, ctx.year, -1);
        }
        // A layer with no carbon left (possible only when depleted_below is 0) is no longer processed.
        if (!(peat > 0.0)) {
          x.drop[r] = 1;
          depleted_any = true;
        }
      }
      x.d[o_organic][j] = organic_change;
      x.d[o_mineral][j] = rest;
      x.d[o_depleted][j] = depleted ? 1.0 : 0.0;
      ol.peat_c[r] = peat;
      residual += ((peat - peat_before[j]) + rest) - (organic_change + rest - doc[j]);
      turnover += std::fabs(organic_change) + std::fabs(rest) + std::fabs(doc[j]);
    }
    ledger.add_balance(residual * k_cell_ha, turnover * k_cell_ha);
    const auto cols = columns<o_count>(x, 0);
    x.booker.book(std::span<const ReportKey>(ol.key.data() + start, m), cols, k_organic_books, ledger);
  }
  if (depleted_any) ol.erase_flagged(x.drop);
}

// ---- coastal wetlands -------------------------------------------------------------------------------

void coastal(const YearContext& ctx, CellState& s, std::size_t t, TileLedger& ledger) {
  const auto& wp = ctx.parameters->wetland;
  CoastalList& cl = s.processes[t].coastal;
  const std::size_t b0 = s.begin(t);
  for (std::size_t r = 0; r < cl.size(); ++r) {
    const std::size_t i = b0 + cl.cell[r];
    const std::uint8_t lu = s.land_use[i];
    double burial = 0.0, ch4 = 0.0;
    if (lu == k_salt_marsh) {
      const auto m = kernels::salt_marsh_year(wp, cl.elevation_cm[r], ctx.climate->sea_level_rise_cm);
      burial = m.burial_c_t_ha;
      cl.elevation_cm[r] = m.new_elevation_cm;
      if (cl.brackish[r]) ch4 = wp.brackish_marsh_ch4_kg_ha * 1e-3;
      if (!m.drowned && static_cast<double>(m.new_elevation_cm) < wp.marsh_edge_level_cm) {
        const double u = kernels::uniform01(ctx.seed, kernels::RandomStream::marsh_erosion, ctx.year, s.cell_id(t, i));
        // An eroded cell is set below the drowning level: next year's land use makes it tidal flat.
        if (kernels::marsh_edge_erodes(wp, m.new_elevation_cm, u))
          cl.elevation_cm[r] = static_cast<float>(wp.marsh_drowning_level_cm - 1.0);
      }
    } else if (lu == k_seagrass) {
      burial = wp.seagrass_burial_t_c_ha;
    } else {
      continue;
    }
    const double before = s.soc_anchor[i];
    s.soc_anchor[i] = before + burial;
    double* acc = ledger.row(cl.key[r] / model::k_ledger_rows, cl.key[r] % model::k_ledger_rows);
    acc[model::qi(Quantity::mineral_soil_tc)] += burial * k_cell_ha;
    if (ch4 != 0.0) acc[model::qi(Quantity::ch4_wetland_t)] += ch4 * k_cell_ha;
    ledger.add_balance(((s.soc_anchor[i] - before) - burial) * k_cell_ha, std::fabs(burial) * k_cell_ha);
  }
}

}  // namespace

ProcessScratch::ProcessScratch() {
  for (auto& v : d) v.resize(k_chunk);
  for (auto& v : u) v.resize(k_chunk);
  for (auto& v : f) v.resize(k_chunk);
  work.resize(10 * k_chunk);
}

void process_pass(const YearContext& ctx, CellState& s, std::size_t t, std::span<const std::uint32_t> burnt,
                  AreaBook& areas, TileLedger& ledger, ProcessScratch& scratch) {
  BurntList& bl = s.processes[t].burnt;
  // Which burnt vegetation regrows this year is decided before this year's fires.
  std::vector<std::uint8_t>& grows = scratch.u[3];
  grows.assign(bl.size(), 0);
  const auto& vp = ctx.parameters->vegetation;
  for (std::size_t r = 0; r < bl.size(); ++r)
    grows[r] = bl.biomass_c[r] < kernels::vegetation_biomass(vp, s.land_use[s.begin(t) + bl.cell[r]]) ? 1 : 0;
  using Clock = std::chrono::steady_clock;
  ProcessTimes& times = scratch.times;
  auto t0 = Clock::now();
  const auto lap = [&t0](double& into) {
    const auto now = Clock::now();
    into += std::chrono::duration<double>(now - t0).count();
    t0 = now;
  };
  TileProcesses& pr = s.processes[t];
  times.woody_cells += static_cast<std::int64_t>(pr.woody.size());
  times.organic_cells += static_cast<std::int64_t>(pr.organic.size());
  times.transition_cells += static_cast<std::int64_t>(pr.transition.size());
  if (!burnt.empty()) burn_cells(ctx, s, t, burnt, ledger, scratch);
  lap(times.burns);
  woody(ctx, s, t, ledger, scratch);
  lap(times.woody);
  regrowth(ctx, s, t, grows, ledger);
  grows.resize(k_chunk);
  lap(times.regrowth);
  transitions(ctx, s, t, ledger, scratch);
  lap(times.transitions);
  organic(ctx, s, t, areas, ledger, scratch);
  lap(times.organic);
  coastal(ctx, s, t, ledger);
  lap(times.coastal);
  bl.merge(scratch.added_burnt);
}

}  // namespace polder::engine
