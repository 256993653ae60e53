// Pass B of a year: the processes of every cell (see year_step.hpp). One function per ecosystem
// process; each takes the cell's books and books every pool change it makes.
#include <algorithm>
#include <array>
#include <cmath>

#include "solver/engine/cell_books.hpp"
#include "solver/engine/cell_post.hpp"
#include "solver/engine/soil_climate.hpp"
#include "solver/engine/year_step.hpp"
#include "solver/kernels/counter_hash.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::engine {
namespace {

using model::LandUse;
using model::Quantity;

constexpr auto k_forest = static_cast<std::uint8_t>(LandUse::forest);
constexpr auto k_salt_marsh = static_cast<std::uint8_t>(LandUse::salt_marsh);
constexpr auto k_seagrass = static_cast<std::uint8_t>(LandUse::seagrass);
constexpr auto k_peat = static_cast<std::uint8_t>(model::SoilClass::peat);
constexpr auto k_peaty = static_cast<std::uint8_t>(model::SoilClass::peaty);

/// The climate of a cell's climate cell this year, and the response factors derived from it.
struct CellClimate {
  double tas_c = 0.0;
  double deficit_mm = 0.0;
  double gw_anomaly_cm = 0.0;
  double f_temperature = 1.0;    ///< Q10 factor
  double f_decomposition = 1.0;  ///< Q10 and summer-moisture factor (dead wood, litter)
  double f_growth = 1.0;
};

/// The factors of the few climate cells a tile touches, computed once per tile.
class ClimateCellCache {
 public:
  explicit ClimateCellCache(const StepContext& ctx) : m_ctx(ctx) {}
  const CellClimate& get(std::uint16_t c) {
    for (std::size_t k = 0; k < m_used; ++k)
      if (m_cell[k] == c) return m_value[k];
    const std::size_t slot = m_used < m_cell.size() ? m_used++ : m_next++ % m_cell.size();
    m_cell[slot] = c;
    m_value[slot] = compute(c);
    return m_value[slot];
  }

 private:
  CellClimate compute(std::uint16_t c) const;
  const StepContext& m_ctx;
  std::array<std::uint16_t, 16> m_cell{};
  std::array<CellClimate, 16> m_value{};
  std::size_t m_used = 0;
  std::size_t m_next = 0;
};

CellClimate ClimateCellCache::compute(std::uint16_t c) const {
  const StepContext& ctx = m_ctx;
  const auto& cy = ctx.climate_year;
  const auto& p = ctx.parameters->climate;
  CellClimate k;
  k.tas_c = cy.tas_c[c];
  k.deficit_mm = cy.precip_deficit_mm[c];
  k.gw_anomaly_cm = cy.gw_anomaly_cm[c];
  if (ctx.climate_response) {
    k.f_temperature = kernels::decomposition_factor(p, k.tas_c);
    k.f_decomposition = k.f_temperature * kernels::moisture_factor(p, k.deficit_mm);
    k.f_growth = kernels::growth_factor(p, k.deficit_mm, k.tas_c);
  } else {
    k.gw_anomaly_cm = 0.0;
  }
  return k;
}

void burn_cell(const StepContext& ctx, CellState& s, std::size_t i, CellBooks& b) {
  const std::uint8_t lu = s.land_use[i];
  const auto burn = kernels::burn(ctx.parameters->fire, lu, b[Pool::biomass], b[Pool::dead_wood], b[Pool::litter]);
  b.lose_biomass(burn.biomass_c + burn.killed_c);
  b.change(Pool::dead_wood, burn.killed_c - burn.dead_wood_c);
  b.change(Pool::litter, -burn.litter_c);
  b.book(Quantity::fire_co2_t, burn.co2_t_ha);
  b.book(Quantity::ch4_fire_t, burn.ch4_t_ha);
  b.book(Quantity::n2o_fire_t, burn.n2o_t_ha);
  b.book(Quantity::burnt_area_ha, 1.0);
  s.burnt_year[i] = static_cast<std::int16_t>(ctx.year);
}

void grow_stand(const StepContext& ctx, CellState& s, std::size_t t, std::size_t i, const CellClimate& k,
                CellBooks& b) {
  const auto& fp = ctx.parameters->forest;
  const std::uint8_t lu = s.land_use[i];
  kernels::StandState st;
  st.species = s.species[i] != 0 ? s.species[i] : static_cast<std::uint8_t>(model::ForestSpecies::other_broadleaves);
  st.yield_class = s.yield_class[i];
  st.age = s.stand_age[i];
  st.biomass_c = b[Pool::biomass];
  st.dead_wood_c = b[Pool::dead_wood];
  st.litter_c = b[Pool::litter];
  kernels::StandYearInput in;
  in.growth_factor = k.f_growth;
  in.decomposition_factor = k.f_decomposition;
  in.deficit_mm = ctx.climate_response ? k.deficit_mm : 0.0;
  in.growth_scale = lu == k_forest ? 1.0 : fp.trees_outside_forest_factor;
  in.harvested = lu == k_forest;
  in.renew_at_rotation = ctx.year > s.forest_reference_year;
  if (in.renew_at_rotation && in.harvested && st.age + 1.0 >= fp.species[st.species].rotation_age_yr)
    in.felling_draw = kernels::uniform01(ctx.seed, kernels::RandomStream::final_felling, ctx.year,
                                         cell_position(s, *ctx.layout, t, i).id);
  const auto f = kernels::forest_year(fp, st, in);
  b.gain_biomass(f.growth_c + f.litterfall_c);
  b.lose_biomass(f.harvest_c + f.mortality_c + f.litterfall_c);
  b.change(Pool::dead_wood, f.mortality_c + (f.harvest_c - f.roundwood_c) - f.dead_wood_decay_c);
  b.change(Pool::litter, f.litterfall_c - f.litter_decay_c);
  b.book(Quantity::harvest_tc, f.roundwood_c);
  b.book(Quantity::increment_m3, f.increment_m3);
  b.book(Quantity::fellings_m3, f.fellings_m3);
  b.book(Quantity::standing_volume_m3, std::max(b[Pool::biomass], 0.0) / kernels::carbon_per_m3(fp, st.species));
  s.stand_age[i] = static_cast<float>(f.new_age);
}

void mineral_soil(const StepContext& ctx, CellState& s, std::size_t i, double climate_delta, CellBooks& b) {
  const auto& p = *ctx.parameters;
  if (s.soc_years_left[i] > 0) {
    const double d = kernels::soc_change(s.soc_rate[i], s.soc_years_left[i]);
    b.change(Pool::mineral_soil, d);
    if (d < 0.0) b.book(Quantity::n2o_mineralisation_t, kernels::mineralisation_n2o_t(p.mineral, -d));
    s.soc_years_left[i] = static_cast<std::uint8_t>(s.soc_years_left[i] - 1);
  }
  if (climate_delta != 0.0) {
    const double d = kernels::soc_equilibrium(p.mineral, s.soil[i], s.land_use[i]) * climate_delta;
    b.change(Pool::mineral_soil, d);
    b.book(Quantity::mineral_climate_tc, d);
  }
}

void organic_soil(const StepContext& ctx, CellState& s, std::size_t i, const CellClimate& k, CellBooks& b) {
  const auto& p = *ctx.parameters;
  const auto& op = p.organic;
  const std::uint8_t lu = s.land_use[i];
  const int cat = category_of_code(lu);
  const bool rewetted = s.rewetted[i] != 0;
  b.book(Quantity::organic_area_ha, 1.0);
  if (s.soil[i] == k_peat) b.book(Quantity::peat_area_ha, 1.0);
  const double wtd = kernels::water_table_depth_cm(op, s.glg_cm[i], s.ghg_cm[i], k.gw_anomaly_cm);
  const auto f =
      kernels::organic_soil_flux(op, cat, rewetted, s.ditch_fraction[i], wtd, k.f_temperature, b[Pool::organic_soil]);
  b.change(Pool::organic_soil, -f.onsite_c_t_ha);
  b.export_doc(f.doc_c_t_ha);
  b.book(Quantity::ch4_organic_t, f.ch4_kg_ha * 1e-3);
  // N2O from drained organic soils of cropland and grassland belongs to Agriculture (CRT 3.D.a.6).
  const bool agricultural =
      cat == model::index(model::LandCategory::cropland) || cat == model::index(model::LandCategory::grassland);
  b.book(agricultural ? Quantity::n2o_organic_agri_t : Quantity::n2o_organic_t, f.n2o_kg_ha * 1e-3);
  b.book(Quantity::subsidence_cm_ha, f.subsidence_cm);
  if (rewetted) {
    b.book(Quantity::rewetted_area_ha, 1.0);
  } else {
    b.book(Quantity::wtd_cm_ha, wtd);
  }
  if (s.soil[i] == k_peat) b.book(Quantity::peat_oxidation_tc, f.onsite_c_t_ha);
  // Peat becomes peaty below 40 cm and mineral when (almost) gone (Dutch soil-map definitions). The
  // carbon left mixes into the mineral topsoil; the substrate's own carbon stays outside the books.
  const double thickness = b[Pool::organic_soil] / op.carbon_per_cm_t_c_ha;
  if (thickness < op.depleted_below_cm) {
    const double rest = b[Pool::organic_soil];
    b.change(Pool::organic_soil, -rest);
    b.change(Pool::mineral_soil, rest);
    s.soil[i] = p.peat_substrate[s.province[i]];
    s.soc_years_left[i] = 0;
    b.book(Quantity::peat_depleted_ha, 1.0);
  } else if (thickness < op.peaty_below_cm && s.soil[i] == k_peat) {
    s.soil[i] = k_peaty;
  }
}

void wetland(const StepContext& ctx, CellState& s, std::size_t t, std::size_t i, CellBooks& b) {
  const auto& wp = ctx.parameters->wetland;
  const std::uint8_t lu = s.land_use[i];
  // The area-proportional CH4 of every wetland class is booked from the area counts (area_book.cpp).
  if (lu == k_salt_marsh) {
    const auto m = kernels::salt_marsh_year(wp, s.marsh_elevation_cm[i], ctx.climate_year.sea_level_rise_cm);
    b.change(Pool::mineral_soil, m.burial_c_t_ha);
    s.marsh_elevation_cm[i] = m.new_elevation_cm;
    const auto pos = cell_position(s, *ctx.layout, t, i);
    if (kernels::is_brackish(wp, grid::NationalGrid::x_center(pos.col), grid::NationalGrid::y_center(pos.row)))
      b.book(Quantity::ch4_wetland_t, wp.brackish_marsh_ch4_kg_ha * 1e-3);
    if (!m.drowned && static_cast<double>(m.new_elevation_cm) < wp.marsh_edge_level_cm) {
      const double u = kernels::uniform01(ctx.seed, kernels::RandomStream::marsh_erosion, ctx.year, pos.id);
      // An eroded cell is set below the drowning level: next year's land use makes it tidal flat.
      if (kernels::marsh_edge_erodes(wp, m.new_elevation_cm, u))
        s.marsh_elevation_cm[i] = static_cast<float>(wp.marsh_drowning_level_cm - 1.0);
    }
  } else if (lu == k_seagrass) {
    b.change(Pool::mineral_soil, wp.seagrass_burial_t_c_ha);
  }
}

/// The short path of run_processes for cells with neither vegetation dynamics nor organic soil.
void fast_cell(const StepContext& ctx, CellState& s, std::size_t i, double climate_delta, double* acc,
               TileLedger& ledger) {
  const auto& p = *ctx.parameters;
  double change = 0.0, turnover = 0.0;
  if (s.soc_years_left[i] > 0) {
    const double d = kernels::soc_change(s.soc_rate[i], s.soc_years_left[i]);
    change += d;
    turnover += std::fabs(d);
    if (d < 0.0)
      acc[model::qi(Quantity::n2o_mineralisation_t)] += kernels::mineralisation_n2o_t(p.mineral, -d) * k_cell_ha;
    s.soc_years_left[i] = static_cast<std::uint8_t>(s.soc_years_left[i] - 1);
  }
  if (climate_delta != 0.0) {
    const double d = kernels::soc_equilibrium(p.mineral, s.soil[i], s.land_use[i]) * climate_delta;
    change += d;
    turnover += std::fabs(d);
    acc[model::qi(Quantity::mineral_climate_tc)] += d * k_cell_ha;
  }
  s.mineral_soc_c[i] += change;
  acc[model::qi(Quantity::mineral_soil_tc)] += change * k_cell_ha;
  ledger.add_balance(0.0, turnover * k_cell_ha);
}

}  // namespace

void run_processes(const StepContext& ctx, CellState& s, std::size_t t, std::span<const std::uint8_t> burnt,
                   TileLedger& ledger) {
  const auto& p = *ctx.parameters;
  SoilClimateCache soil_climate(ctx.climate, p.climate, ctx.year, ctx.climate_response);
  ClimateCellCache climate(ctx);
  CellBooks b;
  const std::size_t b0 = s.begin(t);
  const bool mineral_climate = soil_climate.active();
  for (std::size_t i = b0; i < s.end(t); ++i) {
    const std::uint8_t lu = s.land_use[i];
    const std::uint8_t soil = s.soil[i];
    const bool woody = is_woody(lu);
    const bool mineral = is_mineral_soil(soil);
    const bool transition = s.soc_years_left[i] > 0;
    const bool wet = lu == k_salt_marsh || lu == k_seagrass;
    const bool fire = !burnt.empty() && burnt[i - b0] != 0;
    // Most cells: mineral soil or water, not woody, never burnt, no transition running. Nothing happens to them
    // unless the mineral-soil climate response is on.
    if (!(woody || wet || fire || transition || mineral_climate || is_organic_soil(soil) || s.burnt_year[i] != 0))
      continue;
    const bool organic = is_organic_soil(soil) && s.peat_c[i] > 0.0;
    // Only burnt vegetation is below its class's biomass (conversions establish it in full).
    const bool regrow =
        !woody && s.burnt_year[i] != 0 && s.biomass_c[i] < kernels::vegetation_biomass(p.vegetation, lu);
    const double climate_delta = mineral ? soil_climate.get(s.climate_cell[i]).delta : 0.0;
    const int province0 = s.province[i] - 1;
    const auto row = [&] {
      return reporting_row(category_of_code(lu), s.converted_from[i], s.converted_year[i], ctx.year);
    };

    if (!(woody || organic || fire || regrow || wet)) {
      // Only a mineral-soil transition or the mineral-soil climate response act: book them without
      // opening the books; the sums are the same as through the books.
      if (!transition && climate_delta == 0.0) continue;  // nothing changes this year
      fast_cell(ctx, s, i, climate_delta, ledger.row(province0, row()), ledger);
      continue;
    }

    const CellClimate& k = climate.get(s.climate_cell[i]);
    open_books(b, s, i);
    if (fire) burn_cell(ctx, s, i, b);
    if (woody) {
      grow_stand(ctx, s, t, i, k, b);
    } else if (regrow) {
      const double target = kernels::vegetation_biomass(p.vegetation, lu);
      b.gain_biomass(std::min(target - b[Pool::biomass], p.vegetation.recovery_rate * target));
    }
    if (mineral) mineral_soil(ctx, s, i, climate_delta, b);
    if (organic) organic_soil(ctx, s, i, k, b);
    if (wet) wetland(ctx, s, t, i, b);
    store_books(s, i, b);
    post(ledger, province0, row(), b);
  }
}

}  // namespace polder::engine
