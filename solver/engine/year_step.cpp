#include "solver/engine/year_step.hpp"

#include <array>

#include "solver/engine/area_book.hpp"
#include "solver/engine/cell_books.hpp"
#include "solver/engine/cell_post.hpp"
#include "solver/engine/land_use_events.hpp"
#include "solver/engine/soil_climate.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/kernels/land_use_schedule.hpp"
#include "solver/model/soil_class.hpp"

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

namespace {

/// The land use of cell `i` in `year` under the map sequence, the seagrass year and marsh drowning.
std::uint8_t land_use_of(const StepContext& ctx, const CellState& s, std::size_t i, std::int64_t id) {
  std::array<std::uint8_t, 16> codes{};
  const std::size_t n_maps = s.map_years.size();
  for (std::size_t m = 0; m < n_maps; ++m) codes[m] = s.land_use_map[m][i];
  std::uint8_t lu =
      kernels::land_use_in_year(std::span<const std::uint8_t>(codes.data(), n_maps), s.map_years, ctx.year, id);
  lu = kernels::with_seagrass(lu, s.seagrass_since[i], ctx.year);
  // A drowned or eroded salt marsh stays tidal flat even where the map still shows marsh.
  if (lu == static_cast<std::uint8_t>(model::LandUse::salt_marsh) &&
      static_cast<double>(s.marsh_elevation_cm[i]) < ctx.parameters->wetland.marsh_drowning_level_cm)
    lu = static_cast<std::uint8_t>(model::LandUse::intertidal_flat);
  return lu;
}

/// Converts cell `i` to land use `lu`: biomass lost and gained, dead organic matter cleared, the
/// 20-year soil transition started; every pool change booked to the cell's reporting row.
void convert_cell(const StepContext& ctx, CellState& s, std::size_t i, std::uint8_t lu, SoilClimateCache& soil_climate,
                  TileLedger& ledger) {
  using model::Quantity;
  const auto& p = *ctx.parameters;
  const std::uint8_t old_lu = s.land_use[i];
  const std::uint8_t old_cat = category_of_code(old_lu), new_cat = category_of_code(lu);
  CellBooks b;
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
  post(ledger, s.province[i] - 1, reporting_row(new_cat, s.converted_from[i], s.converted_year[i], ctx.year), b);
}

}  // namespace

void update_land_use(const StepContext& ctx, CellState& s, std::size_t t, LandUseEvents& events, AreaBook& areas,
                     TileLedger& ledger) {
  const auto window = ctx.layout->geometry(s.tiles[t]).window;
  SoilClimateCache soil_climate(ctx.climate, ctx.parameters->climate, ctx.year, ctx.climate_response);
  areas.expire(s, ctx.year);
  for (const std::uint32_t cell : events.candidates(t, ctx.year)) {
    const std::size_t i = cell;
    const std::int32_t li = s.local_index[i];
    const std::int64_t id = grid::NationalGrid::cell_id(window.row0 + li / s.tile_size, window.col0 + li % s.tile_size);
    const std::uint8_t lu = land_use_of(ctx, s, i, id);
    if (lu == s.land_use[i]) continue;
    const std::uint8_t old_cat = category_of_code(s.land_use[i]);
    areas.leave(s, i, ctx.year);
    convert_cell(ctx, s, i, lu, soil_climate, ledger);
    areas.enter(s, i, ctx.year, old_cat);
  }
  areas.post(*ctx.parameters, ledger);
}

}  // namespace polder::engine
