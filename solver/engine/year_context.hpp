#pragma once
// What every pass of a year reads besides the state: the year, the member's parameters, the climate
// factors of the year per climate cell (computed once), and the run's switches.

#include <cstdint>

#include "solver/engine/climate_tables.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/grid/tile_layout.hpp"

namespace polder::engine {

struct YearContext {
  std::int32_t year = 0;
  const ModelParameters* parameters = nullptr;
  const ClimateTables* climate = nullptr;   ///< this year's factors per climate cell
  const ClimateFactors* factors = nullptr;  ///< x of any year (conversions need last year's)
  const grid::TileLayout* layout = nullptr;
  bool climate_response = true;
  std::uint64_t seed = 0;  ///< run seed (counter-based draws: fire, felling, marsh erosion)
};

}  // namespace polder::engine
