#pragma once
// Mineral-soil organic carbon (0-30 cm), IPCC Tier 1/2 stock-change method:
//
//   SOC_eq(soil, land use) = SOC_ref(soil) * F_LU * F_MG * F_I                (IPCC 2019, Vol. 4, Eq. 2.25)
//   after a change of SOC_eq, SOC moves linearly to the new equilibrium over D = 20 years:
//   dSOC/dt = (SOC_eq,new - SOC_at_change) / D                                (IPCC 2006, Vol. 4, Eq. 2.25)
//
// The per-land-use factor below is the product F_LU * F_MG * F_I for that class; values and sources
// are in configs/parameters/ and docs/method.md.

#include <array>
#include <cmath>
#include <cstdint>

#include "model/land_use.hpp"
#include "model/soil_class.hpp"

namespace polder::kernels {

struct MineralSoilParams {
  std::array<double, model::k_soil_classes> soc_ref_t_c_ha{};   ///< SOC_ref per soil class
  std::array<double, model::k_land_use_classes> factor{};       ///< F_LU * F_MG * F_I per land-use class
  std::int32_t transition_years = 20;                           ///< D
  double cn_ratio = 15.0;            ///< C:N of mineralised soil organic matter (IPCC 2006 Vol. 4 Eq. 11.8)
  double n2o_ef1 = 0.01;             ///< EF1, kg N2O-N per kg N mineralised (IPCC 2006 Table 11.1)
};

/// Equilibrium stock for a soil class under a land use, t C ha-1. Zero where there is no mineral soil
/// accounting (water, organic soils: those are handled by the organic-soil kernel).
inline double soc_equilibrium(const MineralSoilParams& p, std::uint8_t soil, std::uint8_t land_use) {
  return p.soc_ref_t_c_ha[soil] * p.factor[land_use];
}

/// A running linear transition: annual change and the years it still runs.
struct SocTransition {
  float rate_t_c_ha_yr = 0.0F;
  std::uint8_t years_left = 0;
};

/// Starts the D-year transition from the current stock to a new equilibrium.
inline SocTransition start_soc_transition(const MineralSoilParams& p, double soc_now, double soc_eq_new) {
  const double diff = soc_eq_new - soc_now;
  if (std::fabs(diff) < 1e-9) return {};
  return {static_cast<float>(diff / p.transition_years), static_cast<std::uint8_t>(p.transition_years)};
}

/// This year's stock change of a cell in transition (0 when none runs), t C ha-1 yr-1.
inline double soc_change(float rate, std::uint8_t years_left) {
  return years_left > 0 ? static_cast<double>(rate) : 0.0;
}

/// N2O (t) from nitrogen mineralised with `soc_loss_t_c` of soil carbon (IPCC 2006 Vol. 4 Eq. 11.8:
/// F_SOM = dC / R, N2O-N = F_SOM * EF1, N2O = N2O-N * 44/28).
inline double mineralisation_n2o_t(const MineralSoilParams& p, double soc_loss_t_c) {
  return soc_loss_t_c / p.cn_ratio * p.n2o_ef1 * (44.0 / 28.0);
}

}  // namespace polder::kernels
