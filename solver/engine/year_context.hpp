#pragma once
// What every pass of a year reads besides the state: the year, the member's parameters, the climate
// factors of the year per climate cell (computed once), and the run's switches.

#include <cstdint>

#include "solver/engine/climate_tables.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/grid/tile_layout.hpp"

namespace polder::engine {

class MeasurePlan;
class ProjectionRates;

struct YearContext {
  std::int32_t year = 0;
  const ModelParameters* parameters = nullptr;
  const ClimateTables* climate = nullptr;   ///< this year's factors per climate cell
  const ClimateFactors* factors = nullptr;  ///< x of any year (conversions need last year's)
  const grid::TileLayout* layout = nullptr;
  bool climate_response = true;
  std::uint64_t seed = 0;                       ///< draw_seed(run seed, draw): every counter-based draw
  const MeasurePlan* measures = nullptr;        ///< the member's measures (activations of pass A)
  const ProjectionRates* projection = nullptr;  ///< land-use change after the last map
  double max_ignition_factor = 1.0;             ///< bound on the measures' ignition factors
  /// CH4 and N2O of each of the rank's cells in t CO2-eq ha-1, added by the processes that emit them
  /// per cell; set only in map years of net_co2e (map_output.hpp), null otherwise.
  double* cell_gases_t_co2e_ha = nullptr;
};

}  // namespace polder::engine
