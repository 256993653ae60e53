#pragma once
// All science parameters of a run, as the plain structs the kernels take, read from the parameter
// files by name and unit (configs/parameters/*.ini). Monte Carlo members will draw from the same
// names' ranges.

#include <array>
#include <cstdint>

#include "io/config/parameter_set.hpp"
#include "solver/kernels/climate_response.hpp"
#include "solver/kernels/fire.hpp"
#include "solver/kernels/forest.hpp"
#include "solver/kernels/hwp.hpp"
#include "solver/kernels/mineral_soil.hpp"
#include "solver/kernels/organic_soil.hpp"
#include "solver/kernels/vegetation_stock.hpp"
#include "solver/kernels/wetland.hpp"
#include "solver/model/province.hpp"

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
  /// Mineral soil class left where the peat of a cell is used up, per province (index 1..12): the
  /// substrate of the peat (marine clay in the western peat district, sand in the north-east and south).
  std::array<std::uint8_t, model::k_provinces + 1> peat_substrate{};
};

/// Reads every parameter; throws ConfigError for a missing parameter, a wrong unit, or (after all
/// are read) a parameter in the files that no kernel uses.
ModelParameters read_model_parameters(const io::ParameterSet& set);

}  // namespace polder::engine
