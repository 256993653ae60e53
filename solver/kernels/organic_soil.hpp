#pragma once
// Drained and rewetted organic soils (peat and peaty soils), per hectare and year.
//
// Water table: mean annual water-table depth (cm below surface, positive down)
//   WTD = (GLG + GHG) / 2 + w_a * groundwater anomaly of the year + offset - raise
// where `raise` is the raise of the mean water table by measures (higher ditch levels, submerged
// drains; 0 without).
// CO2 on-site (drained), water-table response of van der Poel et al. (2025, Biogeosciences 22:3867):
//   z = min(WTD, z_max),   E_CO2 = s * (z - z_0)+ * min(1, peat thickness / z) * F_cat * f_T   [t CO2 ha-1 yr-1]
//   s = +4.6 t CO2 ha-1 yr-1 per 10 cm deeper (90% CI 4.0-5.4), linear up to z_max = 80 cm; where the
//   peat is thinner than the drained zone only its share of that zone oxidises (the flux scales with
//   the "exposed carbon" above the water table, Aben et al. 2024), f_T = Q10 factor.
// CH4: (1 - Frac_ditch) * EF_land + Frac_ditch * EF_ditch                  (Wetlands Supplement Eq. 2.6)
// N2O: EF per category, kg N2O-N ha-1 yr-1 x 44/28                         (Wetlands Supplement Table 2.5)
//   EF_land, EF_ditch and N2O are blended from the shallow- to the deep-drained value as WTD goes
//   from z_shallow to z_deep (Tables 2.3-2.5 distinguish shallow- and deep-drained grassland).
// DOC: off-site CO2 from dissolved organic carbon, t C ha-1 yr-1           (Wetlands Supplement Table 2.2)
// Rewetted (Wetlands Supplement Ch. 3, temperate nutrient-rich): CO2-C, CH4-C and DOC factors, no ditch term.
// The carbon lost on-site and as DOC leaves the peat; it thins the layer: subsidence = C lost / C per cm.

#include <algorithm>
#include <array>
#include <cstdint>

#include "solver/model/crt_category.hpp"

namespace polder::kernels {

struct OrganicSoilParams {
  double co2_slope_t_co2_ha_per_10cm = 4.6;  ///< s
  double wtd_zero_emission_cm = 5.0;         ///< z_0: WTD with no net on-site CO2
  double wtd_max_response_cm = 80.0;         ///< z_max
  double anomaly_weight = 0.5;               ///< w_a: share of the GLG anomaly seen in the annual mean WTD
  double wtd_offset_cm = 0.0;                ///< added to every WTD (sensitivity runs, measures)
  double wtd_shallow_cm = 20.0;              ///< z_shallow: shallow-drained factors at and above this WTD
  double wtd_deep_cm = 40.0;                 ///< z_deep: deep-drained factors at and below this WTD
  std::array<double, model::k_land_categories> co2_factor{};  ///< F_cat
  /// Categories reported with a Tier 1 emission factor instead of the water-table response (the Dutch
  /// inventory uses an EF per ha for cropland on organic soils): t CO2-C ha-1 yr-1, used where `tier1`.
  std::array<bool, model::k_land_categories> tier1{};
  std::array<double, model::k_land_categories> tier1_co2_c_t_ha{};
  std::array<double, model::k_land_categories> ch4_land_deep{};  ///< EF_land, kg CH4 ha-1 yr-1
  std::array<double, model::k_land_categories> ch4_land_shallow{};
  std::array<double, model::k_land_categories> ch4_ditch_deep{};  ///< EF_ditch, kg CH4 per ha of ditch
  std::array<double, model::k_land_categories> ch4_ditch_shallow{};
  std::array<double, model::k_land_categories> n2o_deep{};  ///< kg N2O-N ha-1 yr-1
  std::array<double, model::k_land_categories> n2o_shallow{};
  std::array<double, model::k_land_categories> doc_c_t_ha{};  ///< off-site DOC, drained
  double carbon_per_cm_t_c_ha = 6.0;                          ///< carbon in 1 cm of peat over 1 ha
  double rewetted_co2_c_t_ha = 0.5;
  double rewetted_ch4_c_kg_ha = 216.0;
  double rewetted_doc_c_t_ha = 0.24;
  double peaty_below_cm = 40.0;    ///< peat soils (veengrond) thinner than this become peaty
  double depleted_below_cm = 5.0;  ///< below this a soil is no longer organic (moerige grond >= 5 cm)
};

/// Mean annual water-table depth of a cell (cm below surface).
inline double water_table_depth_cm(const OrganicSoilParams& p, double glg_cm, double ghg_cm, double anomaly_cm,
                                   double raise_cm = 0.0) {
  return (0.5 * (glg_cm + ghg_cm) + p.anomaly_weight * anomaly_cm + p.wtd_offset_cm) - raise_cm;
}

struct OrganicSoilFlux {
  double onsite_c_t_ha = 0.0;  ///< on-site carbon lost from the peat (t C ha-1, + = loss)
  double doc_c_t_ha = 0.0;     ///< off-site DOC (t C ha-1), also lost from the peat
  double ch4_kg_ha = 0.0;
  double n2o_kg_ha = 0.0;
  double subsidence_cm = 0.0;  ///< thinning of the peat layer by oxidation and DOC
};

/// Annual fluxes of one organic-soil cell. `peat_c_t_ha` is the carbon still above the mineral
/// substrate; it bounds the loss and, through the thickness, the oxidised depth.
inline OrganicSoilFlux organic_soil_flux(const OrganicSoilParams& p, int category, bool rewetted, double ditch_fraction,
                                         double wtd_cm, double temperature_factor, double peat_c_t_ha) {
  OrganicSoilFlux f;
  const auto c = static_cast<std::size_t>(category);
  if (rewetted) {
    f.onsite_c_t_ha = p.rewetted_co2_c_t_ha;
    f.doc_c_t_ha = p.rewetted_doc_c_t_ha;
    f.ch4_kg_ha = p.rewetted_ch4_c_kg_ha * (16.0 / 12.0);
  } else {
    const double thickness_cm = std::max(peat_c_t_ha, 0.0) / p.carbon_per_cm_t_c_ha;
    const double depth = std::min(wtd_cm, p.wtd_max_response_cm);
    const double exposed = depth > 0.0 ? std::min(1.0, thickness_cm / depth) : 1.0;
    const double co2_t = p.tier1[c]
                             ? p.tier1_co2_c_t_ha[c] * (44.0 / 12.0) * temperature_factor
                             : p.co2_slope_t_co2_ha_per_10cm * 0.1 * std::max(0.0, depth - p.wtd_zero_emission_cm) *
                                   exposed * p.co2_factor[c] * temperature_factor;
    f.onsite_c_t_ha = co2_t * (12.0 / 44.0);
    f.doc_c_t_ha = p.doc_c_t_ha[c];
    const double deep = std::clamp((wtd_cm - p.wtd_shallow_cm) / (p.wtd_deep_cm - p.wtd_shallow_cm), 0.0, 1.0);
    const auto blend = [deep](double shallow, double deep_value) { return shallow + deep * (deep_value - shallow); };
    f.ch4_kg_ha = (1.0 - ditch_fraction) * blend(p.ch4_land_shallow[c], p.ch4_land_deep[c]) +
                  ditch_fraction * blend(p.ch4_ditch_shallow[c], p.ch4_ditch_deep[c]);
    f.n2o_kg_ha = blend(p.n2o_shallow[c], p.n2o_deep[c]) * (44.0 / 28.0);
  }
  // Carbon cannot leave a layer that is not there: scale on-site and DOC down to what is left.
  const double loss = std::max(f.onsite_c_t_ha, 0.0) + f.doc_c_t_ha;
  if (loss > peat_c_t_ha && loss > 0.0) {
    const double scale = std::max(peat_c_t_ha, 0.0) / loss;
    f.onsite_c_t_ha *= scale;
    f.doc_c_t_ha *= scale;
  }
  f.subsidence_cm = (f.onsite_c_t_ha + f.doc_c_t_ha) / p.carbon_per_cm_t_c_ha;
  return f;
}

}  // namespace polder::kernels
