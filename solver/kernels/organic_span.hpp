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
  const std::uint8_t* category = nullptr;  ///< land category 0..5 of each cell (in runs: see below)
  const std::uint8_t* rewetted = nullptr;
  const double* wtd_base_cm = nullptr;    ///< (GLG + GHG) / 2
  const double* gw_anomaly_cm = nullptr;  ///< per cell (its climate cell's)
  const double* temperature_factor = nullptr;
  const float* ditch_fraction = nullptr;
  const double* peat_c = nullptr;   ///< carbon above the substrate before the year, t C ha-1
  const float* raise_cm = nullptr;  ///< raise of the mean water table by measures (0: none)
  // Outputs (per hectare and year).
  double* onsite_c = nullptr;  ///< + = loss
  double* doc_c = nullptr;
  double* ch4_kg = nullptr;
  double* n2o_kg = nullptr;
  double* subsidence_cm = nullptr;
  double* wtd_cm = nullptr;  ///< water-table depth used
};

namespace detail {

/// The factors of one land category, and the scalar parameters: constant over a run of cells.
struct OrganicConstants {
  double anomaly_weight, offset, per_cm, max_response, zero_emission, slope, shallow, span, wet_co2, wet_ch4, wet_doc;
  bool tier1;
  double tier1_co2, factor, doc, land_s, land_d, ditch_s, ditch_d, n2o_s, n2o_d;
};

inline OrganicConstants organic_constants(const OrganicSoilParams& p, std::size_t c) {
  return {p.anomaly_weight,       p.wtd_offset_cm,
          p.carbon_per_cm_t_c_ha, p.wtd_max_response_cm,
          p.wtd_zero_emission_cm, p.co2_slope_t_co2_ha_per_10cm,
          p.wtd_shallow_cm,       p.wtd_deep_cm - p.wtd_shallow_cm,
          p.rewetted_co2_c_t_ha,  p.rewetted_ch4_c_kg_ha * (16.0 / 12.0),
          p.rewetted_doc_c_t_ha,  p.tier1[c],
          p.tier1_co2_c_t_ha[c],  p.co2_factor[c],
          p.doc_c_t_ha[c],        p.ch4_land_shallow[c],
          p.ch4_land_deep[c],     p.ch4_ditch_shallow[c],
          p.ch4_ditch_deep[c],    p.n2o_shallow[c],
          p.n2o_deep[c]};
}

/// The arithmetic over contiguous arrays of cells of one category; restrict parameters tell the
/// compiler no array aliases another. Everything is computed for every cell and results are selected
/// (no branches), so the loop vectorises; whether the category is on Tier 1 is a template parameter (a
/// select on a loop-invariant flag does not vectorise).
template <bool Tier1>
void organic_loop(std::size_t n, const OrganicConstants& k, const std::uint8_t* __restrict rewetted,
                  const double* __restrict wtd_base, const double* __restrict gw, const double* __restrict temperature,
                  const float* __restrict ditch_fraction, const double* __restrict peat_c,
                  const float* __restrict raise_cm, double* __restrict onsite_out, double* __restrict doc_out,
                  double* __restrict ch4_out, double* __restrict n2o_out, double* __restrict subsidence_out,
                  double* __restrict wtd_out) {
  const double anomaly_weight = k.anomaly_weight, offset = k.offset, per_cm = k.per_cm;
  const double max_response = k.max_response, zero_emission = k.zero_emission, slope = k.slope;
  const double shallow = k.shallow, span = k.span, wet_co2 = k.wet_co2, wet_ch4 = k.wet_ch4, wet_doc = k.wet_doc;
  const double tier1_co2 = k.tier1_co2 * (44.0 / 12.0), factor = k.factor, drained_doc = k.doc;
  const double land_s = k.land_s, land_d = k.land_d, ditch_s = k.ditch_s, ditch_d = k.ditch_d;
  const double n2o_s = k.n2o_s, n2o_d = k.n2o_d;
  for (std::size_t i = 0; i < n; ++i) {
    const double wtd = (wtd_base[i] + anomaly_weight * gw[i] + offset) - static_cast<double>(raise_cm[i]);
    const double peat = peat_c[i];
    const double ditch = static_cast<double>(ditch_fraction[i]);
    const double ft = temperature[i];
    // Drained.
    const double thickness_cm = std::max(peat, 0.0) / per_cm;
    const double depth = std::min(wtd, max_response);
    const double ratio = std::min(1.0, thickness_cm / depth);
    const double exposed = depth > 0.0 ? ratio : 1.0;
    const double co2_t =
        Tier1 ? tier1_co2 * ft : slope * 0.1 * std::max(0.0, depth - zero_emission) * exposed * factor * ft;
    const double deep = std::clamp((wtd - shallow) / span, 0.0, 1.0);
    const double ch4_land = land_s + deep * (land_d - land_s);
    const double ch4_ditch = ditch_s + deep * (ditch_d - ditch_s);
    const double n2o = n2o_s + deep * (n2o_d - n2o_s);
    const bool wet = rewetted[i] != 0;
    const double onsite0 = wet ? wet_co2 : co2_t * (12.0 / 44.0);
    const double doc0 = wet ? wet_doc : drained_doc;
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

/// One year over every cell of `s` (values the same as organic_soil_flux's). Cells come in runs of one
/// category (a process list is in cell order, and neighbouring cells share their land use), so the
/// per-category factors are constants of a run and the loop over a run reads only contiguous arrays.
inline void organic_soil_years(const OrganicSoilParams& p, const OrganicSpan& s) {
  for (std::size_t a = 0; a < s.n;) {
    const std::uint8_t cat = s.category[a];
    std::size_t b = a + 1;
    while (b < s.n && s.category[b] == cat) ++b;
    const auto k = detail::organic_constants(p, cat < model::k_land_categories ? cat : 0);
    const auto loop = k.tier1 ? detail::organic_loop<true> : detail::organic_loop<false>;
    loop(b - a, k, s.rewetted + a, s.wtd_base_cm + a, s.gw_anomaly_cm + a, s.temperature_factor + a,
         s.ditch_fraction + a, s.peat_c + a, s.raise_cm + a, s.onsite_c + a, s.doc_c + a, s.ch4_kg + a, s.n2o_kg + a,
         s.subsidence_cm + a, s.wtd_cm + a);
    a = b;
  }
}

}  // namespace polder::kernels
