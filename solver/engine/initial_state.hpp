#pragma once
// The starting state of a run: the state at the end of the year before `start_year`, built from the
// input stack. Land use and the history of conversions come from the map sequence (the 1970 baseline
// map makes the 20-year transitions of the 1970s and 1980s already run in 1990); pools start at their
// equilibrium or, for forests, from the standing volume of the reference year moved back along the
// yield curve; dead wood and litter start at the steady state of their inputs and decay.

#include <cstdint>

#include "solver/engine/cell_state.hpp"
#include "solver/engine/climate_forcing.hpp"
#include "solver/engine/input_loader.hpp"
#include "solver/engine/model_parameters.hpp"

namespace polder::engine {

void initialise_state(LoadedInput& input, const ModelParameters& p, const ClimateForcing& climate,
                      std::int32_t start_year);

}  // namespace polder::engine
