#pragma once
// Drained and rewetted organic soils (peat and peaty soils), per hectare and year.
//
// CO2 on-site: emission factor per land-use category (IPCC 2013 Wetlands Supplement Table 2.1, t CO2-C
//   ha-1 yr-1), scaled for peaty soils, limited by the peat carbon that is left. The carbon lost thins
//   the peat layer: subsidence (cm) = C lost / carbon per cm of peat.
// CH4: (1 - Frac_ditch) * EF_land + Frac_ditch * EF_ditch              (Wetlands Supplement Eq. 2.6)
// N2O: EF per land-use category (Table 2.5, kg N2O-N ha-1 yr-1), x 44/28 to N2O.
// DOC: off-site CO2 from dissolved organic carbon (Table 2.2, t C ha-1 yr-1).
// Rewetted: Wetlands Supplement Ch. 3 factors (CO2, CH4 as CH4-C, DOC), no ditch term.

#include <algorithm>
#include <array>
#include <cstdint>

#include "model/crt_category.hpp"

namespace polder::kernels {

struct OrganicSoilParams {
  std::array<double, model::k_land_categories> co2_c_t_ha{};     ///< on-site CO2-C, drained, per category
  std::array<double, model::k_land_categories> ch4_land_kg_ha{};  ///< EF_land, kg CH4
  std::array<double, model::k_land_categories> ch4_ditch_kg_ha{}; ///< EF_ditch, kg CH4 per ha of ditch
  std::array<double, model::k_land_categories> n2o_n_kg_ha{};     ///< kg N2O-N
  double doc_c_t_ha = 0.31;              ///< off-site DOC, drained
  double peaty_factor = 1.0;             ///< emission of a peaty soil relative to a peat soil
  double carbon_per_cm_t_c_ha = 6.0;     ///< carbon in 1 cm of peat over 1 ha
  double rewetted_co2_c_t_ha = 0.5;
  double rewetted_ch4_c_kg_ha = 216.0;
  double rewetted_doc_c_t_ha = 0.24;
  double depleted_below_cm = 5.0;        ///< below this a soil is no longer organic (moerige grond >= 5 cm)
  std::uint8_t substrate_soil = 2;       ///< mineral soil class left when the peat is gone
};

struct OrganicSoilFlux {
  double c_loss_t_ha = 0.0;   ///< on-site carbon lost from the peat (t C ha-1), >= 0
  double doc_c_t_ha = 0.0;    ///< off-site DOC (t C ha-1)
  double ch4_kg_ha = 0.0;
  double n2o_kg_ha = 0.0;
  double subsidence_cm = 0.0;
};

/// Annual fluxes of one organic-soil cell. `peaty` selects the peaty-soil scaling; `peat_c` is the
/// carbon still above the mineral substrate, which bounds the loss.
inline OrganicSoilFlux organic_soil_flux(const OrganicSoilParams& p, int category, bool peaty, bool rewetted,
                                         double ditch_fraction, double peat_c_t_ha) {
  OrganicSoilFlux f;
  const double scale = peaty ? p.peaty_factor : 1.0;
  if (rewetted) {
    f.c_loss_t_ha = std::min(p.rewetted_co2_c_t_ha * scale, peat_c_t_ha);
    f.doc_c_t_ha = p.rewetted_doc_c_t_ha;
    f.ch4_kg_ha = p.rewetted_ch4_c_kg_ha * (16.0 / 12.0);
  } else {
    const auto c = static_cast<std::size_t>(category);
    f.c_loss_t_ha = std::min(p.co2_c_t_ha[c] * scale, peat_c_t_ha);
    f.doc_c_t_ha = p.co2_c_t_ha[c] > 0.0 ? p.doc_c_t_ha : 0.0;
    f.ch4_kg_ha = (1.0 - ditch_fraction) * p.ch4_land_kg_ha[c] + ditch_fraction * p.ch4_ditch_kg_ha[c];
    f.n2o_kg_ha = p.n2o_n_kg_ha[c] * scale * (44.0 / 28.0);
  }
  f.c_loss_t_ha = std::max(f.c_loss_t_ha, 0.0);
  f.subsidence_cm = f.c_loss_t_ha / p.carbon_per_cm_t_c_ha;
  return f;
}

}  // namespace polder::kernels
