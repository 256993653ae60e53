#pragma once
// Mineral-soil organic carbon (0-30 cm), IPCC Tier 1/2 stock-change method:
//
//   SOC_eq(soil, land use) = SOC_ref(soil) * F_LU * F_MG * F_I                 (IPCC 2019, Vol. 4, Eq. 2.25)
//     or a national stock for (soil, land use) where one is documented (Tier 2; it then replaces the product)
//   after a change of SOC_eq, SOC moves linearly to the new equilibrium over D = 20 years:
//   dSOC/dt = (SOC_eq,new - SOC_at_change) / D                                 (IPCC 2006, Vol. 4, Eq. 2.25)
//   N2O from mineralisation with SOC loss: N2O = dC / (C:N) * EF1 * 44/28     (IPCC 2006, Vol. 4, Eq. 11.8)
//
// F_LU, F_MG and F_I are data per land-use class, so management measures (e.g. the Nationaal Programma
// Landbouwbodems) are expressed as a parameter file that overrides F_MG or F_I of a class. The climate
// dependence of decomposition is in climate_response.hpp. Values and sources: configs/parameters/.

#include <array>
#include <cmath>
#include <cstdint>

#include "solver/model/land_use.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::kernels {

struct MineralSoilParams {
  std::array<double, model::k_soil_classes> soc_ref_t_c_ha{};  ///< SOC_ref per soil class
  std::array<double, model::k_land_use_classes> f_lu{};        ///< F_LU per land-use class
  std::array<double, model::k_land_use_classes> f_mg{};        ///< F_MG per land-use class
  std::array<double, model::k_land_use_classes> f_i{};         ///< F_I per land-use class
  /// SOC_eq per [soil][land use], t C ha-1: filled by build_soc_table from the factors and national stocks.
  std::array<double, static_cast<std::size_t>(model::k_soil_classes) * model::k_land_use_classes> stock{};
  std::int32_t transition_years = 20;  ///< D
  double cn_ratio = 15.0;              ///< C:N of mineralised soil organic matter
  double n2o_ef1 = 0.01;               ///< EF1, kg N2O-N per kg N mineralised
};

constexpr std::size_t soc_index(std::uint8_t soil, std::uint8_t land_use) {
  return static_cast<std::size_t>(soil) * model::k_land_use_classes + land_use;
}

/// The IPCC product SOC_ref * F_LU * F_MG * F_I for every (soil, land use); a national stock given in
/// `national[soc_index(...)]` (>= 0) replaces it, a negative entry keeps the product.
inline void build_soc_table(
    MineralSoilParams& p,
    const std::array<double, static_cast<std::size_t>(model::k_soil_classes) * model::k_land_use_classes>& national) {
  for (std::uint8_t s = 0; s < model::k_soil_classes; ++s)
    for (std::uint8_t lu = 0; lu < model::k_land_use_classes; ++lu) {
      const std::size_t k = soc_index(s, lu);
      p.stock[k] = national[k] >= 0.0 ? national[k] : p.soc_ref_t_c_ha[s] * p.f_lu[lu] * p.f_mg[lu] * p.f_i[lu];
    }
}

/// Equilibrium stock for a soil class under a land use, t C ha-1.
inline double soc_equilibrium(const MineralSoilParams& p, std::uint8_t soil, std::uint8_t land_use) {
  return p.stock[soc_index(soil, land_use)];
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

/// N2O (t) from nitrogen mineralised with `soc_loss_t_c` of soil carbon.
inline double mineralisation_n2o_t(const MineralSoilParams& p, double soc_loss_t_c) {
  return soc_loss_t_c / p.cn_ratio * p.n2o_ef1 * (44.0 / 28.0);
}

}  // namespace polder::kernels
