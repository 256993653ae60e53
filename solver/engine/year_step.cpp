#include "engine/year_step.hpp"

#include <algorithm>
#include <array>

#include "engine/cell_books.hpp"
#include "grid/national_grid.hpp"
#include "kernels/land_use_schedule.hpp"
#include "model/soil_class.hpp"

namespace polder::engine {
namespace {

using model::LandUse;
using model::Quantity;
constexpr double k_cell_ha = grid::NationalGrid::cell_area_ha;

constexpr bool is_mineral(std::uint8_t soil) { return soil >= 1 && soil <= 4; }
constexpr bool is_organic(std::uint8_t soil) {
  return soil == static_cast<std::uint8_t>(model::SoilClass::peat) || soil == static_cast<std::uint8_t>(model::SoilClass::peaty);
}
std::uint8_t category(std::uint8_t land_use) { return model::k_category_of_code[land_use]; }

/// Adds a cell's books (per ha) to the tile ledger row and checks its balance.
void post(TileLedger& ledger, int province0, int row, const CellBooks& b) {
  double* acc = ledger.row(province0, row);
  for (int q = 0; q < model::k_quantities; ++q) {
    const double v = b.q[static_cast<std::size_t>(q)];
    if (v != 0.0) acc[q] += v * k_cell_ha;
  }
  ledger.add_balance(b.residual() * k_cell_ha, b.turnover() * k_cell_ha);
}

void store(CellState& s, std::size_t i, const CellBooks& b) {
  s.biomass_c[i] = b[Pool::biomass];
  s.dead_wood_c[i] = b[Pool::dead_wood];
  s.litter_c[i] = b[Pool::litter];
  s.mineral_soc_c[i] = b[Pool::mineral_soil];
  s.peat_c[i] = b[Pool::organic_soil];
}

void open_books(CellBooks& b, const CellState& s, std::size_t i) {
  b.open(s.biomass_c[i], s.dead_wood_c[i], s.litter_c[i], s.mineral_soc_c[i], s.peat_c[i]);
}

}  // namespace

CellPosition cell_position(const CellState& s, const grid::TileLayout& layout, std::size_t t, std::size_t i) {
  const auto g = layout.geometry(s.tiles[t]);
  const std::int32_t li = s.local_index[i];
  CellPosition p;
  p.row = g.window.row0 + li / s.tile_size;
  p.col = g.window.col0 + li % s.tile_size;
  p.id = grid::NationalGrid::cell_id(p.row, p.col);
  return p;
}

void update_land_use(const StepContext& ctx, CellState& s, std::size_t t, TileLedger& ledger) {
  const auto& p = *ctx.parameters;
  const std::size_t n_maps = s.map_years.size();
  std::array<std::uint8_t, 16> codes{};
  CellBooks b;
  for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
    for (std::size_t m = 0; m < n_maps; ++m) codes[m] = s.land_use_map[m][i];
    const auto pos = cell_position(s, *ctx.layout, t, i);
    std::uint8_t lu = kernels::land_use_in_year(std::span<const std::uint8_t>(codes.data(), n_maps), s.map_years,
                                                ctx.year, pos.id);
    lu = kernels::with_seagrass(lu, s.seagrass_since[i], ctx.year);
    // A drowned salt marsh stays tidal flat even where the map still shows marsh.
    if (lu == static_cast<std::uint8_t>(LandUse::salt_marsh) &&
        s.marsh_elevation_cm[i] < p.wetland.marsh_drowning_level_cm)
      lu = static_cast<std::uint8_t>(LandUse::intertidal_flat);

    const std::uint8_t old_lu = s.land_use[i];
    const std::uint8_t old_cat = category(old_lu), new_cat = category(lu);
    const int province0 = s.province[i] - 1;
    open_books(b, s, i);
    if (lu != old_lu) {
      // Living biomass: woody stands carry over between forest and trees outside forest; any other
      // change loses the old vegetation and establishes the new (IPCC stock-difference at conversion).
      if (!(is_woody(old_lu) && is_woody(lu))) {
        b.lose_biomass(b[Pool::biomass]);
        if (is_woody(old_lu)) {
          b.change(Pool::dead_wood, -b[Pool::dead_wood]);
          b.change(Pool::litter, -b[Pool::litter]);
        }
        if (is_woody(lu)) {
          s.stand_age[i] = 0.0F;  // a new stand is planted
        } else {
          b.gain_biomass(kernels::vegetation_biomass(p.vegetation, lu));
          s.stand_age[i] = 0.0F;
        }
      }
      // Mineral soil: start the 20-year transition to the new equilibrium.
      if (is_mineral(s.soil[i])) {
        const double eq = kernels::soc_equilibrium(p.mineral, s.soil[i], lu);
        const auto tr = kernels::start_soc_transition(p.mineral, b[Pool::mineral_soil], eq);
        s.soc_rate[i] = tr.rate_t_c_ha_yr;
        s.soc_years_left[i] = tr.years_left;
      }
      if (new_cat != old_cat) {
        s.converted_from[i] = old_cat;
        s.converted_year[i] = static_cast<std::int16_t>(ctx.year);
      }
      s.land_use[i] = lu;
      store(s, i, b);
    }
    ledger.add_transition(province0, old_cat, new_cat, k_cell_ha);
    b.book(Quantity::area_ha, 1.0);
    if (is_organic(s.soil[i])) b.book(Quantity::organic_area_ha, 1.0);
    post(ledger, province0, reporting_row(new_cat, s.converted_from[i], s.converted_year[i], ctx.year), b);
  }
}

void run_processes(const StepContext& ctx, CellState& s, std::size_t t, std::span<const std::uint8_t> burnt,
                   TileLedger& ledger) {
  const auto& p = *ctx.parameters;
  const auto& cy = ctx.climate_year;
  CellBooks b;
  const std::size_t b0 = s.begin(t);
  for (std::size_t i = b0; i < s.end(t); ++i) {
    const std::uint8_t lu = s.land_use[i];
    const std::uint8_t soil = s.soil[i];
    const bool woody = is_woody(lu);
    const bool organic = is_organic(soil) && s.peat_c[i] > 0.0;
    const bool transition = s.soc_years_left[i] > 0;
    const bool wet = p.wetland.ch4_kg_ha[lu] != 0.0 || lu == static_cast<std::uint8_t>(LandUse::salt_marsh) ||
                     lu == static_cast<std::uint8_t>(LandUse::seagrass);
    const bool fire = !burnt.empty() && burnt[i - b0] != 0;
    const bool regrow = !woody && s.biomass_c[i] < kernels::vegetation_biomass(p.vegetation, lu);
    if (!(woody || organic || transition || wet || fire || regrow)) continue;  // nothing changes this year

    const std::uint16_t climate_cell = s.climate_cell[i];
    const double tas = cy.tas_c[climate_cell];
    const double deficit = cy.precip_deficit_mm[climate_cell];
    const double decomposition = ctx.climate_response ? kernels::decomposition_factor(p.climate, tas) : 1.0;
    open_books(b, s, i);

    if (fire) {
      const auto burn = kernels::burn(p.fire, b[Pool::biomass], b[Pool::dead_wood], b[Pool::litter]);
      b.lose_biomass(burn.biomass_c);
      b.change(Pool::dead_wood, -burn.dead_wood_c);
      b.change(Pool::litter, -burn.litter_c);
      b.book(Quantity::fire_co2_t, burn.co2_t_ha);
      b.book(Quantity::ch4_fire_t, burn.ch4_t_ha);
      b.book(Quantity::n2o_fire_t, burn.n2o_t_ha);
      b.book(Quantity::burnt_area_ha, 1.0);
      s.burnt_year[i] = static_cast<std::int16_t>(ctx.year);
    }

    if (woody) {
      const double growth = ctx.climate_response ? kernels::growth_factor(p.climate, deficit, tas) : 1.0;
      const std::uint8_t sp = s.species[i] != 0 ? s.species[i] : static_cast<std::uint8_t>(model::ForestSpecies::other_broadleaves);
      auto f = kernels::forest_year(p.forest, sp, s.yield_class[i], s.stand_age[i], b[Pool::biomass],
                                    b[Pool::dead_wood], b[Pool::litter], growth);
      if (lu != static_cast<std::uint8_t>(LandUse::forest)) f.harvest_c = f.residue_c = 0.0;  // trees outside forest
      b.gain_biomass(f.growth_c + f.litterfall_c);
      b.lose_biomass(f.harvest_c + f.mortality_c + f.litterfall_c);
      b.change(Pool::dead_wood, f.mortality_c + f.residue_c - f.dead_wood_decay_c * decomposition);
      b.change(Pool::litter, f.litterfall_c - f.litter_decay_c * decomposition);
      b.book(Quantity::harvest_tc, f.harvest_c - f.residue_c);
      s.stand_age[i] += 1.0F;
    } else if (regrow) {
      const double target = kernels::vegetation_biomass(p.vegetation, lu);
      b.gain_biomass(std::min(target - b[Pool::biomass], p.vegetation.recovery_rate * target));
    }

    if (transition && is_mineral(soil)) {
      const double d = kernels::soc_change(s.soc_rate[i], s.soc_years_left[i]);
      b.change(Pool::mineral_soil, d);
      if (d < 0.0) b.book(Quantity::n2o_mineralisation_t, kernels::mineralisation_n2o_t(p.mineral, -d));
      s.soc_years_left[i] = static_cast<std::uint8_t>(s.soc_years_left[i] - 1);
    }

    if (organic) {
      const int cat = category(lu);
      const bool peaty = soil == static_cast<std::uint8_t>(model::SoilClass::peaty);
      auto f = kernels::organic_soil_flux(p.organic, cat, peaty, s.rewetted[i] != 0, s.ditch_fraction[i],
                                          b[Pool::organic_soil]);
      f.c_loss_t_ha = std::min(f.c_loss_t_ha * decomposition, b[Pool::organic_soil]);
      f.subsidence_cm = f.c_loss_t_ha / p.organic.carbon_per_cm_t_c_ha;
      b.change(Pool::organic_soil, -f.c_loss_t_ha);
      b.book(Quantity::doc_tc, f.doc_c_t_ha);
      b.book(Quantity::ch4_organic_t, f.ch4_kg_ha * 1e-3);
      b.book(Quantity::n2o_organic_t, f.n2o_kg_ha * 1e-3);
      b.book(Quantity::subsidence_cm_ha, f.subsidence_cm);
      if (s.rewetted[i] != 0) b.book(Quantity::rewetted_area_ha, 1.0);
      // Peat becomes peaty below 40 cm and mineral when (almost) gone (Dutch soil-map definitions).
      const double thickness = b[Pool::organic_soil] / p.organic.carbon_per_cm_t_c_ha;
      if (thickness < p.organic.depleted_below_cm) {
        const double rest = b[Pool::organic_soil];
        b.change(Pool::organic_soil, -rest);
        b.change(Pool::mineral_soil, rest);  // residual organic matter mixes into the mineral topsoil
        s.soil[i] = p.organic.substrate_soil;
        const double eq = kernels::soc_equilibrium(p.mineral, s.soil[i], lu);
        const auto tr = kernels::start_soc_transition(p.mineral, b[Pool::mineral_soil], eq);
        s.soc_rate[i] = tr.rate_t_c_ha_yr;
        s.soc_years_left[i] = tr.years_left;
        b.book(Quantity::peat_depleted_ha, 1.0);
      } else if (thickness < 40.0 && !peaty) {
        s.soil[i] = static_cast<std::uint8_t>(model::SoilClass::peaty);
      }
    }

    if (wet) {
      b.book(Quantity::ch4_wetland_t, p.wetland.ch4_kg_ha[lu] * 1e-3);
      if (lu == static_cast<std::uint8_t>(LandUse::salt_marsh)) {
        const auto m = kernels::salt_marsh_year(p.wetland, s.marsh_elevation_cm[i], cy.sea_level_rise_cm);
        b.change(Pool::mineral_soil, m.burial_c_t_ha);
        s.marsh_elevation_cm[i] = m.new_elevation_cm;
      } else if (lu == static_cast<std::uint8_t>(LandUse::seagrass)) {
        b.change(Pool::mineral_soil, p.wetland.seagrass_burial_t_c_ha);
      }
    }

    store(s, i, b);
    const int province0 = s.province[i] - 1;
    post(ledger, province0, reporting_row(category(lu), s.converted_from[i], s.converted_year[i], ctx.year), b);
  }
}

}  // namespace polder::engine
