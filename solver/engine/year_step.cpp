#include "engine/year_step.hpp"

#include <array>

#include "engine/cell_books.hpp"
#include "engine/cell_post.hpp"
#include "engine/soil_climate.hpp"
#include "grid/national_grid.hpp"
#include "kernels/land_use_schedule.hpp"
#include "model/soil_class.hpp"

namespace polder::engine {

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
  using model::LandUse;
  using model::Quantity;
  const auto& p = *ctx.parameters;
  const std::size_t n_maps = s.map_years.size();
  const auto window = ctx.layout->geometry(s.tiles[t]).window;
  SoilClimateCache soil_climate(ctx.climate, p.climate, ctx.year, ctx.climate_response);
  std::array<std::uint8_t, 16> codes{};
  CellBooks b;
  for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
    for (std::size_t m = 0; m < n_maps; ++m) codes[m] = s.land_use_map[m][i];
    const std::int32_t li = s.local_index[i];
    const std::int64_t id = grid::NationalGrid::cell_id(window.row0 + li / s.tile_size, window.col0 + li % s.tile_size);
    std::uint8_t lu =
        kernels::land_use_in_year(std::span<const std::uint8_t>(codes.data(), n_maps), s.map_years, ctx.year, id);
    lu = kernels::with_seagrass(lu, s.seagrass_since[i], ctx.year);
    // A drowned or eroded salt marsh stays tidal flat even where the map still shows marsh.
    if (lu == static_cast<std::uint8_t>(LandUse::salt_marsh) &&
        static_cast<double>(s.marsh_elevation_cm[i]) < p.wetland.marsh_drowning_level_cm)
      lu = static_cast<std::uint8_t>(LandUse::intertidal_flat);

    const std::uint8_t old_lu = s.land_use[i];
    const std::uint8_t old_cat = category_of_code(old_lu), new_cat = category_of_code(lu);
    const int province0 = s.province[i] - 1;
    ledger.add_transition(province0, old_cat, new_cat, k_cell_ha);
    const bool organic = is_organic_soil(s.soil[i]);
    const bool peat = s.soil[i] == static_cast<std::uint8_t>(model::SoilClass::peat);
    if (lu == old_lu) {  // no change: only the reported areas
      double* acc = ledger.row(province0, reporting_row(new_cat, s.converted_from[i], s.converted_year[i], ctx.year));
      acc[model::qi(Quantity::area_ha)] += k_cell_ha;
      if (organic) acc[model::qi(Quantity::organic_area_ha)] += k_cell_ha;
      if (peat) acc[model::qi(Quantity::peat_area_ha)] += k_cell_ha;
      continue;
    }
    open_books(b, s, i);
    // Living biomass: woody stands carry over between forest and trees outside forest; any other
    // change loses the old vegetation and establishes the new (IPCC stock-difference at conversion).
    // Dead wood and litter of a stand are lost with it (IPCC Tier 1 for land converted from forest).
    if (!(is_woody(old_lu) && is_woody(lu))) {
      b.lose_biomass(b[Pool::biomass]);
      if (is_woody(old_lu)) {
        b.change(Pool::dead_wood, -b[Pool::dead_wood]);
        b.change(Pool::litter, -b[Pool::litter]);
      }
      if (!is_woody(lu)) b.gain_biomass(kernels::vegetation_biomass(p.vegetation, lu));
      s.stand_age[i] = 0.0F;  // a new stand is planted, or none stands
    }
    // Mineral soil: start the 20-year transition to the new equilibrium (in this year's climate).
    if (is_mineral_soil(s.soil[i])) {
      const double x = soil_climate.get(s.climate_cell[i]).x;
      const double eq = kernels::soc_equilibrium(p.mineral, s.soil[i], lu) * (1.0 + x);
      const auto tr = kernels::start_soc_transition(p.mineral, b[Pool::mineral_soil], eq);
      s.soc_rate[i] = tr.rate_t_c_ha_yr;
      s.soc_years_left[i] = tr.years_left;
    }
    if (new_cat != old_cat) {
      s.converted_from[i] = old_cat;
      s.converted_year[i] = static_cast<std::int16_t>(ctx.year);
    }
    s.land_use[i] = lu;
    store_books(s, i, b);
    b.book(Quantity::area_ha, 1.0);
    if (organic) b.book(Quantity::organic_area_ha, 1.0);
    if (peat) b.book(Quantity::peat_area_ha, 1.0);
    post(ledger, province0, reporting_row(new_cat, s.converted_from[i], s.converted_year[i], ctx.year), b);
  }
}

}  // namespace polder::engine
