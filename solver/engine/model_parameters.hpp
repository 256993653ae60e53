#pragma once
// All science parameters of a run, as the plain structs the kernels take, read from the parameter
// files by name and unit (configs/parameters/*.ini). Monte Carlo members will draw from the same
// names' ranges.

#include "config/parameter_set.hpp"
#include "kernels/fire.hpp"
#include "kernels/forest.hpp"
#include "kernels/hwp.hpp"
#include "kernels/mineral_soil.hpp"
#include "kernels/organic_soil.hpp"
#include "kernels/vegetation_stock.hpp"
#include "kernels/wetland.hpp"
#include "kernels/climate_response.hpp"

namespace polder::engine {

struct ModelParameters {
  kernels::MineralSoilParams mineral;
  kernels::OrganicSoilParams organic;
  kernels::VegetationParams vegetation;
  kernels::ForestParams forest;
  kernels::WetlandParams wetland;
  kernels::FireParams fire;
  kernels::HwpParams hwp;
  kernels::ClimateResponseParams climate;
};

/// Reads every parameter; throws ConfigError for a missing parameter, a wrong unit, or (after all
/// are read) a parameter in the files that no kernel uses.
ModelParameters read_model_parameters(const io::ParameterSet& set);

}  // namespace polder::engine
