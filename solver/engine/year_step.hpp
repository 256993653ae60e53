#pragma once
// One inventory year on one tile, in two passes with the fire process between them:
//   pass A (update_land_use): the land use of the year from the map sequence, conversions (biomass
//     lost and gained, dead organic matter cleared, the 20-year soil transition started), the annual
//     land transition matrix and the reported areas;
//   pass B (run_processes, cell_processes.cpp): combustion of burnt cells; forest growth, harvest,
//     mortality and decay; vegetation regrowth; mineral soils (20-year transitions and the climate
//     response); organic soils; wetlands and coastal wetlands. Cells where nothing happens are skipped,
//     cells where only the mineral-soil climate response acts take a short path.
// Both passes book every flux in the tile's ledger.

#include <cstdint>
#include <span>

#include "solver/engine/cell_state.hpp"
#include "solver/engine/climate_forcing.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/engine/tile_ledger.hpp"
#include "solver/grid/tile_layout.hpp"

namespace polder::engine {

struct StepContext {
  std::int32_t year = 0;
  const ModelParameters* parameters = nullptr;
  const ClimateForcing* climate = nullptr;
  ClimateYear climate_year;
  const grid::TileLayout* layout = nullptr;
  bool climate_response = true;
  std::uint64_t seed = 0;  ///< run seed (stochastic marsh-edge erosion)
};

/// Woody land uses carry a forest stand (species, age) and are grown by the forest kernel.
constexpr bool is_woody(std::uint8_t land_use) {
  return land_use == static_cast<std::uint8_t>(model::LandUse::forest) ||
         land_use == static_cast<std::uint8_t>(model::LandUse::trees_outside_forest);
}

/// National row and column of cell `i` of local tile `t`.
struct CellPosition {
  std::int32_t row = 0;
  std::int32_t col = 0;
  std::int64_t id = 0;
};
CellPosition cell_position(const CellState& s, const grid::TileLayout& layout, std::size_t t, std::size_t i);

/// The CRT row a cell reports in this year: "converted" for 20 years after a category change.
inline int reporting_row(std::uint8_t category, std::uint8_t converted_from, std::int16_t converted_year,
                         std::int32_t year) {
  const bool converted =
      converted_year > 0 && year - converted_year < model::k_ipcc_transition_years && converted_from != category;
  return model::conversion_row(category, converted ? converted_from : category);
}

class LandUseEvents;
class AreaBook;
/// Pass A: the cells with a possible land-use change this year (see land_use_events.hpp) are
/// re-evaluated and converted; the tile's reported areas are kept in `areas` and booked.
void update_land_use(const StepContext& ctx, CellState& s, std::size_t t, LandUseEvents& events, AreaBook& areas,
                     TileLedger& ledger);
/// Pass B, in cell_processes.cpp.
void run_processes(const StepContext& ctx, CellState& s, std::size_t t, std::span<const std::uint8_t> burnt,
                   TileLedger& ledger);

}  // namespace polder::engine
