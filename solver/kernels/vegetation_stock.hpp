#pragma once
// Living biomass of non-forest land uses (Tier 1 stock-difference at conversion): when a cell changes
// land use its old living biomass is lost and the new land use's biomass is gained (IPCC 2006 Vol. 4,
// Eq. 2.15-2.16 with Tables 5.9, 6.4). Forest biomass comes from the forest kernel instead.

#include <array>
#include <cstdint>

#include "solver/model/land_use.hpp"

namespace polder::kernels {

struct VegetationParams {
  std::array<double, model::k_land_use_classes> biomass_c_t_ha{};  ///< steady-state living biomass per class
  double recovery_rate = 0.25;  ///< share of the steady-state biomass regrown per year after a fire
};

inline double vegetation_biomass(const VegetationParams& p, std::uint8_t land_use) {
  return p.biomass_c_t_ha[land_use];
}

}  // namespace polder::kernels
