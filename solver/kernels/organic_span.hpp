#pragma once
// One year of many organic-soil cells at once: the equations of organic_soil.hpp (water-table depth,
// organic_soil_flux) over arrays, as one loop without data-dependent control flow. Its results equal
// the per-cell functions' for every cell (the same operations in the same order).

#include <array>
#include <cstddef>
#include <cstdint>

#include "solver/kernels/organic_soil.hpp"
#include "solver/model/crt_category.hpp"

namespace polder::kernels {

struct OrganicSpan {
  std::size_t n = 0;
  // Inputs.
  const std::uint8_t* category = nullptr;  ///< land category 0..5 of each cell
  const std::uint8_t* rewetted = nullptr;
  const double* wtd_base_cm = nullptr;    ///< (GLG + GHG) / 2
  const double* gw_anomaly_cm = nullptr;  ///< per cell (its climate cell's)
  const double* temperature_factor = nullptr;
  const float* ditch_fraction = nullptr;
  const double* peat_c = nullptr;  ///< carbon above the substrate before the year, t C ha-1
  // Outputs (per hectare and year).
  double* onsite_c = nullptr;  ///< + = loss
  double* doc_c = nullptr;
  double* ch4_kg = nullptr;
  double* n2o_kg = nullptr;
  double* subsidence_cm = nullptr;
  double* wtd_cm = nullptr;   ///< water-table depth used
  double* scratch = nullptr;  ///< 10 * n doubles of work space
};

namespace detail {

/// The per-category factors of every cell, looked up first, and the scalar parameters.
struct OrganicConstants {
  double anomaly_weight, offset, per_cm, max_response, zero_emission, slope, shallow, span, wet_co2, wet_ch4;
};

/// The arithmetic over contiguous arrays; restrict parameters tell the compiler no array aliases
/// another. Everything is computed for every cell and results are selected (no branches).
inline void organic_loop(std::size_t n, const OrganicConstants& k, const double* __restrict tier1,
                         const double* __restrict tier1_co2, const double* __restrict factor,
                         const double* __restrict doc_selected, const double* __restrict land_s,
                         const double* __restrict land_d, const double* __restrict ditch_s,
                         const double* __restrict ditch_d, const double* __restrict n2o_s,
                         const double* __restrict n2o_d, const std::uint8_t* __restrict rewetted,
                         const double* __restrict wtd_base, const double* __restrict gw,
                         const double* __restrict temperature, const float* __restrict ditch_fraction,
                         const double* __restrict peat_c, double* __restrict onsite_out, double* __restrict doc_out,
                         double* __restrict ch4_out, double* __restrict n2o_out, double* __restrict subsidence_out,
                         double* __restrict wtd_out) {
  const double anomaly_weight = k.anomaly_weight, offset = k.offset, per_cm = k.per_cm;
  const double max_response = k.max_response, zero_emission = k.zero_emission, slope = k.slope;
  const double shallow = k.shallow, span = k.span, wet_co2 = k.wet_co2, wet_ch4 = k.wet_ch4;
  for (std::size_t i = 0; i < n; ++i) {
    const double wtd = wtd_base[i] + anomaly_weight * gw[i] + offset;
    const double peat = peat_c[i];
    const double ditch = static_cast<double>(ditch_fraction[i]);
    const double ft = temperature[i];
    // Drained.
    const double thickness_cm = std::max(peat, 0.0) / per_cm;
    const double depth = std::min(wtd, max_response);
    const double ratio = std::min(1.0, thickness_cm / depth);
    const double exposed = depth > 0.0 ? ratio : 1.0;
    const double co2_tier1 = tier1_co2[i] * (44.0 / 12.0) * ft;
    const double co2_response = slope * 0.1 * std::max(0.0, depth - zero_emission) * exposed * factor[i] * ft;
    const double co2_t = tier1[i] != 0.0 ? co2_tier1 : co2_response;
    const double deep = std::clamp((wtd - shallow) / span, 0.0, 1.0);
    const double ch4_land = land_s[i] + deep * (land_d[i] - land_s[i]);
    const double ch4_ditch = ditch_s[i] + deep * (ditch_d[i] - ditch_s[i]);
    const double n2o = n2o_s[i] + deep * (n2o_d[i] - n2o_s[i]);
    const bool wet = rewetted[i] != 0;
    const double onsite0 = wet ? wet_co2 : co2_t * (12.0 / 44.0);
    const double doc0 = doc_selected[i];
    const double ch4_drained = (1.0 - ditch) * ch4_land + ditch * ch4_ditch;
    const double ch4 = wet ? wet_ch4 : ch4_drained;
    const double n2o_drained = n2o * (44.0 / 28.0);
    const double n2o_kg = wet ? 0.0 : n2o_drained;
    // Carbon cannot leave a layer that is not there: scale on-site and DOC down to what is left.
    const double loss = std::max(onsite0, 0.0) + doc0;
    const bool limited = (loss > peat) & (loss > 0.0);
    const double scale = std::max(peat, 0.0) / loss;
    const double onsite_scaled = onsite0 * scale, doc_scaled = doc0 * scale;
    const double onsite = limited ? onsite_scaled : onsite0;
    const double doc = limited ? doc_scaled : doc0;
    onsite_out[i] = onsite;
    doc_out[i] = doc;
    ch4_out[i] = ch4;
    n2o_out[i] = n2o_kg;
    subsidence_out[i] = (onsite + doc) / per_cm;
    wtd_out[i] = wtd;
  }
}

}  // namespace detail

/// One year over every cell of `s` (values the same as organic_soil_flux's). The per-category factors
/// are looked up into the scratch first, so the arithmetic loop reads only contiguous arrays.
inline void organic_soil_years(const OrganicSoilParams& p, const OrganicSpan& s) {
  const std::size_t n = s.n;
  double* col[10];
  for (std::size_t c = 0; c < 10; ++c) col[c] = s.scratch + c * n;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t c = s.category[i] < model::k_land_categories ? s.category[i] : 0;
    col[0][i] = p.tier1[c] ? 1.0 : 0.0;
    col[1][i] = p.tier1_co2_c_t_ha[c];
    col[2][i] = p.co2_factor[c];
    col[3][i] = s.rewetted[i] != 0 ? p.rewetted_doc_c_t_ha : p.doc_c_t_ha[c];  // DOC, drained or rewetted
    col[4][i] = p.ch4_land_shallow[c];
    col[5][i] = p.ch4_land_deep[c];
    col[6][i] = p.ch4_ditch_shallow[c];
    col[7][i] = p.ch4_ditch_deep[c];
    col[8][i] = p.n2o_shallow[c];
    col[9][i] = p.n2o_deep[c];
  }
  const detail::OrganicConstants k{p.anomaly_weight,       p.wtd_offset_cm,
                                   p.carbon_per_cm_t_c_ha, p.wtd_max_response_cm,
                                   p.wtd_zero_emission_cm, p.co2_slope_t_co2_ha_per_10cm,
                                   p.wtd_shallow_cm,       p.wtd_deep_cm - p.wtd_shallow_cm,
                                   p.rewetted_co2_c_t_ha,  p.rewetted_ch4_c_kg_ha * (16.0 / 12.0)};
  detail::organic_loop(n, k, col[0], col[1], col[2], col[3], col[4], col[5], col[6], col[7], col[8], col[9], s.rewetted,
                       s.wtd_base_cm, s.gw_anomaly_cm, s.temperature_factor, s.ditch_fraction, s.peat_c, s.onsite_c,
                       s.doc_c, s.ch4_kg, s.n2o_kg, s.subsidence_cm, s.wtd_cm);
}

}  // namespace polder::kernels
