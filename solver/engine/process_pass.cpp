#include "solver/engine/process_pass.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include "solver/engine/booking.hpp"
#include "solver/engine/cell_books.hpp"
#include "solver/engine/measure_plan.hpp"
#include "solver/kernels/counter_hash.hpp"
#include "solver/kernels/fire.hpp"
#include "solver/kernels/forest_span.hpp"
#include "solver/kernels/organic_span.hpp"

namespace polder::engine {
namespace {

using model::LandUse;
using model::Quantity;

constexpr auto k_forest_category = static_cast<int>(model::LandCategory::forest);
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

void post(TileLedger& ledger, ReportKey key, const CellBooks& b, std::uint8_t measure, std::uint8_t land_use) {
  double* acc = ledger.row(key / model::k_ledger_rows, key % model::k_ledger_rows);
  for (int q = 0; q < model::k_quantities; ++q) acc[q] += b.q[static_cast<std::size_t>(q)] * k_cell_ha;
  ledger.add_balance(b.residual() * k_cell_ha, b.turnover() * k_cell_ha);
  ledger.add_measure(measure, b.q.data(), k_cell_ha);
  ledger.add_wetland(key, land_use, b.q.data(), k_cell_ha);
}

/// The land uses of a chunk's cells when one of them books to a 4.D row, or an empty span (the common
/// case away from the coast: the booker then skips the 4.D sub-row books).
std::span<const std::uint8_t> chunk_wetland(const CellState& s, std::size_t t, const ReportKey* keys,
                                            const std::uint16_t* cells, std::size_t m, ProcessScratch& x) {
  constexpr int k_wetlands = model::index(model::LandCategory::wetlands);
  bool any = false;
  for (std::size_t j = 0; j < m; ++j) any |= model::row_to(keys[j] % model::k_ledger_rows) == k_wetlands;
  if (!any) return {};
  const std::uint8_t* field = s.land_use.data() + s.begin(t);
  for (std::size_t j = 0; j < m; ++j) x.land_use[j] = field[cells[j]];
  return {x.land_use.data(), m};
}

/// The measure fields of a chunk's cells, or an empty span when none of them is in an active measure
/// (the common case: the booker then skips the per-measure books).
std::span<const std::uint8_t> chunk_measures(const CellState& s, std::size_t t, const std::uint16_t* cells,
                                             std::size_t m, ProcessScratch& x) {
  const std::uint8_t* field = s.measure.data() + s.begin(t);
  std::uint8_t any = 0;
  for (std::size_t j = 0; j < m; ++j) {
    x.measure[j] = field[cells[j]];
    any |= x.measure[j];
  }
  return (any & 0x80) != 0 ? std::span<const std::uint8_t>(x.measure.data(), m) : std::span<const std::uint8_t>{};
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
    if (ctx.cell_gases_t_co2e_ha != nullptr)
      ctx.cell_gases_t_co2e_ha[i] += model::k_gwp_ch4 * f.ch4_t_ha + model::k_gwp_n2o * f.n2o_t_ha;
    *biomass = b[Pool::biomass];
    *dead_wood = b[Pool::dead_wood];
    *litter = b[Pool::litter];
    post(ledger, key, b, s.measure[i], s.land_use[i]);
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
      // Forest land is the one category of the forest land use: the reporting key tells it.
      harvested[j] = model::row_to(w.key[r] % model::k_ledger_rows) == k_forest_category ? 1 : 0;
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
    span.harvest_factor = w.harvest_factor.data() + start;
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
      in.harvest_factor = static_cast<double>(w.harvest_factor[r]);
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
    x.booker.book(std::span<const ReportKey>(w.key.data() + start, m), cols, k_woody_books, ledger,
                  chunk_measures(s, t, w.cell.data() + start, m, x),
                  chunk_wetland(s, t, w.key.data() + start, w.cell.data() + start, m, x));
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
    post(ledger, bl.key[r], b, s.measure[s.begin(t) + bl.cell[r]], s.land_use[s.begin(t) + bl.cell[r]]);
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
    if (ctx.cell_gases_t_co2e_ha != nullptr)
      for (std::size_t j = 0; j < m; ++j)
        ctx.cell_gases_t_co2e_ha[s.begin(t) + tl.cell[start + j]] += model::k_gwp_n2o * n2o[j];
    const auto cols = columns<t_count>(x, 0);
    x.booker.book(std::span<const ReportKey>(tl.key.data() + start, m), cols, k_transition_books, ledger,
                  chunk_measures(s, t, tl.cell.data() + start, m, x),
                  chunk_wetland(s, t, tl.key.data() + start, tl.cell.data() + start, m, x));
  }
  if (ended) {  // transitions that ran out leave the list
    x.drop.resize(tl.size());
    for (std::size_t r = 0; r < tl.size(); ++r) x.drop[r] = tl.years_left[r] == 0 ? 1 : 0;
    tl.erase_flagged(x.drop);
  }
}

// ---- organic soils ----------------------------------------------------------------------------------

/// The booked columns of a chunk of organic-soil cells and their new peat stock, branch-free (the
/// parameters are restrict so that the loop vectorises). Peat used up (Dutch soil-map definitions:
/// peat becomes peaty below 40 cm and mineral when (almost) gone) is only flagged in `soil_change`:
/// 1 used up, 2 peat to peaty, 4 a layer with no carbon left (possible only when depleted_below is 0),
/// summed (a double: a narrower flag would keep the loop from vectorising).
void organic_books_loop(std::size_t m, double per_cm, double depleted_below, double peaty_below,
                        const std::uint8_t* __restrict category, const std::uint8_t* __restrict is_peat,
                        const std::uint8_t* __restrict wet_in, const double* __restrict peat_before,
                        const double* __restrict onsite, const double* __restrict doc, const double* __restrict ch4,
                        const double* __restrict n2o, double* __restrict peat_io, double* __restrict area,
                        double* __restrict peat_area, double* __restrict doc_out, double* __restrict ch4_out,
                        double* __restrict n2o_out, double* __restrict n2o_agri, double* __restrict rewetted,
                        double* __restrict wtd, double* __restrict oxidation, double* __restrict organic_out,
                        double* __restrict mineral, double* __restrict depleted_out, double* __restrict residual,
                        double* __restrict turnover, double* __restrict soil_change) {
  constexpr auto k_crop = static_cast<std::uint8_t>(model::LandCategory::cropland);
  constexpr auto k_grass = static_cast<std::uint8_t>(model::LandCategory::grassland);
  for (std::size_t j = 0; j < m; ++j) {
    const bool wet = wet_in[j] != 0;
    const bool peat_soil = is_peat[j] != 0;
    // N2O from drained organic soils of cropland and grassland belongs to Agriculture (CRT 3.D.a.6).
    const bool agricultural = (category[j] == k_crop) | (category[j] == k_grass);
    const double n2o_t = n2o[j] * 1e-3;
    area[j] = 1.0;
    peat_area[j] = peat_soil ? 1.0 : 0.0;
    doc_out[j] = doc[j];
    ch4_out[j] = ch4[j] * 1e-3;
    n2o_out[j] = agricultural ? 0.0 : n2o_t;
    n2o_agri[j] = agricultural ? n2o_t : 0.0;
    rewetted[j] = wet ? 1.0 : 0.0;
    wtd[j] = wet ? 0.0 : wtd[j];
    oxidation[j] = peat_soil ? onsite[j] : 0.0;
    const double peat = (peat_before[j] - onsite[j]) - doc[j];
    const double thickness = peat / per_cm;
    const bool depleted = thickness < depleted_below;
    const double rest = depleted ? peat : 0.0;
    const double peat_after = depleted ? peat - rest : peat;
    const double organic_change = depleted ? -onsite[j] + -rest : -onsite[j];
    // (Flags from the double tests and from the byte inputs are combined as doubles: masks of two
    // widths in one expression keep the loop from vectorising.)
    const double to_peaty = depleted ? 0.0 : (thickness < peaty_below ? peat_area[j] : 0.0);
    const double empty = depleted ? 0.0 : (peat_after > 0.0 ? 0.0 : 4.0);
    soil_change[j] = ((depleted ? 1.0 : 0.0) + 2.0 * to_peaty) + empty;
    organic_out[j] = organic_change;
    mineral[j] = rest;
    depleted_out[j] = depleted ? 1.0 : 0.0;
    peat_io[j] = peat_after;
    residual[j] = ((peat_after - peat_before[j]) + rest) - (organic_change + rest - doc[j]);
    turnover[j] = (std::fabs(organic_change) + std::fabs(rest)) + std::fabs(doc[j]);
  }
}

void organic_books(std::size_t m, const kernels::OrganicSoilParams& op, const std::uint8_t* category,
                   const std::uint8_t* is_peat, const std::uint8_t* wet, const double* peat_before,
                   const double* onsite, const double* doc, const double* ch4, const double* n2o, double* peat_io,
                   ProcessScratch& x, double* soil_change) {
  organic_books_loop(m, op.carbon_per_cm_t_c_ha, op.depleted_below_cm, op.peaty_below_cm, category, is_peat, wet,
                     peat_before, onsite, doc, ch4, n2o, peat_io, x.d[o_area].data(), x.d[o_peat_area].data(),
                     x.d[o_doc].data(), x.d[o_ch4].data(), x.d[o_n2o].data(), x.d[o_n2o_agri].data(),
                     x.d[o_rewetted].data(), x.d[o_wtd].data(), x.d[o_oxidation].data(), x.d[o_organic].data(),
                     x.d[o_mineral].data(), x.d[o_depleted].data(), x.d[20].data(), x.d[21].data(), soil_change);
}

void organic(const YearContext& ctx, CellState& s, std::size_t t, AreaBook& areas, TileLedger& ledger,
             ProcessScratch& x) {
  const auto& p = *ctx.parameters;
  const auto& op = p.organic;
  const ClimateTables& k = *ctx.climate;
  OrganicList& ol = s.processes[t].organic;
  const std::size_t b0 = s.begin(t);
  bool dropped_any = false;
  x.drop.assign(ol.size(), 0);
  for (std::size_t start = 0; start < ol.size(); start += k_chunk) {
    const std::size_t m = std::min(k_chunk, ol.size() - start);
    std::uint8_t *category = x.u[0].data(), *is_peat = x.u[1].data();
    double* soil_change = x.d[22].data();
    double *gw = x.d[13].data(), *ft = x.d[14].data(), *peat_before = x.d[15].data();
    double *onsite = x.d[16].data(), *doc = x.d[17].data(), *ch4 = x.d[18].data(), *n2o = x.d[19].data();
    const ReportKey* keys = ol.key.data() + start;
    // Gather: the category comes with the reporting key (its CRT row), the soil from the dense state.
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t r = start + j;
      category[j] = static_cast<std::uint8_t>(model::row_to(keys[j] % model::k_ledger_rows));
      is_peat[j] = s.soil[b0 + ol.cell[r]] == k_peat ? 1 : 0;
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
    span.raise_cm = ol.raise_cm.data() + start;
    span.onsite_c = onsite;
    span.doc_c = doc;
    span.ch4_kg = ch4;
    span.n2o_kg = n2o;
    span.subsidence_cm = x.d[o_subsidence].data();
    span.wtd_cm = x.d[o_wtd].data();
    kernels::organic_soil_years(op, span);
    // The booked columns and the new peat stock, branch-free. Peat used up (Dutch soil-map
    // definitions: peat becomes peaty below 40 cm and mineral when (almost) gone) is only flagged here;
    // the carbon left mixes into the mineral topsoil (the substrate's own carbon stays outside the
    // books) and the cell's soil changes in the loop below.
    organic_books(m, op, category, is_peat, ol.rewetted.data() + start, peat_before, onsite, doc, ch4, n2o,
                  ol.peat_c.data() + start, x, soil_change);
    for (std::size_t j = 0; j < m; ++j) {
      if (soil_change[j] == 0.0) continue;
      const auto change = static_cast<int>(soil_change[j]);
      const std::size_t r = start + j;
      const std::size_t i = b0 + ol.cell[r];
      if (change & 1) {
        const double rest = x.d[o_mineral][j];
        areas.leave(s, i, ctx.year);
        const std::uint8_t substrate = p.peat_substrate[s.province(t, i)];
        s.soil[i] = substrate;
        // SOC = anchor + SOC_eq x for the mineral soil it now is (cell_state.hpp).
        s.soc_anchor[i] += rest - kernels::soc_equilibrium(p.mineral, substrate, s.land_use[i]) *
                                      (ctx.factors ? ctx.factors->soil_x(ctx.year, s.climate_cell[i]) : 0.0);
        areas.enter(s, i, ctx.year, -1);
      }
      if (change & 2) {
        areas.leave(s, i, ctx.year);
        s.soil[i] = k_peaty;
        areas.enter(s, i, ctx.year, -1);
      }
      if (change & 5) {
        x.drop[r] = 1;
        dropped_any = true;
      }
    }
    ledger.add_balance(lane_sum(x.d[20].data(), m) * k_cell_ha, lane_sum(x.d[21].data(), m) * k_cell_ha);
    if (ctx.cell_gases_t_co2e_ha != nullptr)  // N2O of agricultural organic soils is Agriculture's (o_n2o_agri)
      for (std::size_t j = 0; j < m; ++j)
        ctx.cell_gases_t_co2e_ha[b0 + ol.cell[start + j]] +=
            model::k_gwp_ch4 * x.d[o_ch4][j] + model::k_gwp_n2o * x.d[o_n2o][j];
    const auto cols = columns<o_count>(x, 0);
    x.booker.book(std::span<const ReportKey>(keys, m), cols, k_organic_books, ledger,
                  chunk_measures(s, t, ol.cell.data() + start, m, x),
                  chunk_wetland(s, t, keys, ol.cell.data() + start, m, x));
  }
  if (dropped_any) ol.erase_flagged(x.drop);
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
      const auto m = kernels::salt_marsh_year(wp, cl.elevation_cm[r], ctx.climate->sea_level_rise_cm,
                                              static_cast<double>(cl.accretion_factor[r]));
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
    if (double* wr = ledger.wetland_row(cl.key[r] / model::k_ledger_rows, lu)) {
      wr[model::qi(Quantity::mineral_soil_tc)] += burial * k_cell_ha;
      if (ch4 != 0.0) wr[model::qi(Quantity::ch4_wetland_t)] += ch4 * k_cell_ha;
    }
    if (ctx.cell_gases_t_co2e_ha != nullptr) ctx.cell_gases_t_co2e_ha[i] += model::k_gwp_ch4 * ch4;
    if (measure_active(s.measure[i])) {
      double* mr = ledger.measure_row(measure_index(s.measure[i]));
      mr[model::qi(Quantity::mineral_soil_tc)] += burial * k_cell_ha;
      mr[model::qi(Quantity::ch4_wetland_t)] += ch4 * k_cell_ha;
    }
    ledger.add_balance(((s.soc_anchor[i] - before) - burial) * k_cell_ha, std::fabs(burial) * k_cell_ha);
  }
}

}  // namespace

ProcessScratch::ProcessScratch() {
  for (auto& v : d) v.resize(k_chunk);
  for (auto& v : u) v.resize(k_chunk);
  for (auto& v : f) v.resize(k_chunk);
  measure.resize(k_chunk);
  land_use.resize(k_chunk);
  work.resize(5 * k_chunk);
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
