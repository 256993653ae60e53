#include "io/synth/climate_series.hpp"

#include <algorithm>
#include <cmath>

#include "io/synth/noise.hpp"

namespace polder::io::synth {
namespace {

constexpr int k_years = k_climate_last_year - k_climate_first_year + 1;

// ---- observed years, De Bilt / NL (verified.md section 2 unless marked) ---------------------------
// Annual mean temperature, De Bilt (degC). 1990, 1995: CLO nl000411; 2000–2021: KNMI etmgeg_260 (TG);
// 2010–2014 also CBS 80182ned. Marked U: not verified, from memory of KNMI yearly summaries.
constexpr double k_obs_tas[35] = {10.9,                       // 1990
                                  9.6,   10.4,  9.7,   10.8,  // 1991–1994 (U)
                                  10.4,                       // 1995
                                  8.6,   10.3,  10.3,  11.0,  // 1996–1999 (U)
                                  10.90, 10.40, 10.76, 10.38, 10.35, 10.68, 11.24, 11.23, 10.61, 10.53,  // 2000–2009
                                  9.16,  10.93, 10.37, 9.85,  11.71, 10.90, 10.70, 10.97, 11.40, 11.19,  // 2010–2019
                                  11.69, 10.48,                                                          // 2020–2021
                                  11.6,  11.8,  11.7};  // 2022 (U), 2023 (NL 11.8, deconsult/KNMI), 2024 (U)
// Annual precipitation (mm). 1990, 1995, 2000, 2008–2014: CLO/CBS climatological series; other years
// 2001–2021: etmgeg_260 RH x 1.07 (the automatic gauge reads 5–10 % below the climatological series);
// 2020: NL 695 mm (press, KNMI); marked U: not verified.
constexpr double k_obs_pr[35] = {764,                                                   // 1990
                                 700, 930,  880,  1000,                                 // 1991–1994 (U)
                                 798,                                                   // 1995
                                 650, 820,  1240, 950,                                  // 1996–1999 (U)
                                 975, 1112, 989,  656,  919, 934, 863, 1018, 943, 833,  // 2000–2009
                                 901, 962,  973,  934,  952, 913, 897, 1014, 623, 999,  // 2010–2019
                                 695, 921,                                              // 2020–2021
                                 760, 1050, 1100};                                      // 2022–2024 (U)
// Maximum precipitation deficit Apr–Sep (mm). 2000–2021: De Bilt "Def" (etmgeg_260), replaced by the
// national KNMI figures where known: 2018 308, 2019 200, 2020 244, 2022 318. Marked U: assumptions.
constexpr double k_obs_deficit[35] = {190,                                               // 1990 (U)
                                      170, 140, 110, 150,                                // 1991–1994 (U)
                                      210,                                               // 1995 (U)
                                      220, 130, 80,  150,                                // 1996–1999 (U)
                                      77,  142, 75,  284, 129, 118, 217, 109, 181, 187,  // 2000–2009
                                      214, 157, 56,  202, 98,  213, 102, 143, 308, 200,  // 2010–2019
                                      244, 120,                                          // 2020–2021
                                      318, 180, 90};                                     // 2022; 2023–2024 (U)

/// Mean of an observed series over 1991–2020 (the KNMI'23 reference period).
double reference_mean(const double* series) {
  double s = 0;
  for (int y = 1991; y <= 2020; ++y) s += series[y - k_climate_first_year];
  return s / 30.0;
}

// ---- scenarios (verified.md section 1; M and unlisted combinations are assumptions A17–A19) --------
struct ScenarioTargets {
  double tas_2050, tas_2100;          ///< degC vs 1991–2020
  double pr_2050, pr_2100;            ///< annual precipitation change, fraction
  double pet_2050, pet_2100;          ///< annual Makkink evaporation change, fraction
  double deficit_2050, deficit_2100;  ///< mean annual max. deficit change, fraction (ref 194 mm)
  double sea_2050, sea_2100;          ///< cm vs 1995–2014 (KNMI'23 medians)
};
// Order Ld, Ln, Md, Mn, Hd, Hn.
//  tas: L +0.8 both horizons (klimaatdashboard; CAS Ln +0.84), H +1.6 / +4.3 (klimaatdashboard; CAS Hd
//       +1.56 / +4.27); M +1.1 / +2.0 assumed (A17) from the global warming of SSP2-4.5 between L and H.
//  pr:  Ld 0 % (CAS, 2100), Hn +8 % (CAS, 2100), Hd -2.8 % (CAS column "Hd", 2100); Ln +3 %, Md/Mn,
//       2050 values assumed (A18).
//  pet: Ln +6 %, Hd +17 % (2100, CAS); Hn +5.6 %, Hd +8.5 % (2050, CAS derived); others assumed (A18).
//  deficit: Ln +15 %, Hd +31 % / +73 % (CAS derived, ref 194 mm); others assumed (A19).
//  sea level: L 24 / 44, M 25 / 59, H 27 / 82 cm (KNMI23_SeaLevelScenarios medians).
constexpr ScenarioTargets k_targets[6] = {
    {0.8, 0.8, 0.00, 0.00, 0.04, 0.06, 0.20, 0.20, 24, 44},      // Ld
    {0.8, 0.8, 0.03, 0.03, 0.04, 0.06, 0.15, 0.15, 24, 44},      // Ln
    {1.1, 2.0, -0.005, -0.015, 0.06, 0.10, 0.22, 0.40, 25, 59},  // Md
    {1.1, 2.0, 0.025, 0.05, 0.05, 0.09, 0.17, 0.28, 25, 59},     // Mn
    {1.6, 4.3, -0.01, -0.028, 0.085, 0.17, 0.31, 0.73, 27, 82},  // Hd
    {1.6, 4.3, 0.03, 0.08, 0.056, 0.12, 0.20, 0.35, 27, 82},     // Hn
};

/// Piecewise-linear path through (2005, 0) [the middle of 1991–2020], (2050, v50), (2100, v100).
double path(int year, double v50, double v100) {
  if (year <= 2050) return v50 * (year - 2005) / 45.0;
  return v50 + (v100 - v50) * (year - 2050) / 50.0;
}

/// Standard normal draw for (seed, stream, year) by Box–Muller.
double normal(std::uint64_t seed, std::uint64_t stream, int year) {
  const double u1 = std::max(1.0e-12, static_cast<double>(uniform(seed, stream, year, 1)));
  const double u2 = static_cast<double>(uniform(seed, stream, year, 2));
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
}

enum Stream : std::uint64_t { s_tas = 700, s_pr = 710, s_deficit = 720 };

/// Observed sea level at the Dutch coast vs 1995–2014: 0 in 2004.5, rising 2.0 mm/yr (assumption A21).
double observed_sea_level_cm(int year) { return 0.2 * (year - 2004.5); }

}  // namespace

double reference_deficit_mm() {
  static const double mean = reference_mean(k_obs_deficit);
  return mean;
}

NationalClimate national_climate(int scenario, int year, std::uint64_t seed) {
  NationalClimate c;
  static const double tas_ref = reference_mean(k_obs_tas);
  static const double pr_ref = reference_mean(k_obs_pr);
  const double def_ref = reference_deficit_mm();
  if (year <= k_last_observed_year) {
    const int i = year - k_climate_first_year;
    c.tas_anomaly_c = k_obs_tas[i] - tas_ref;
    c.pr_factor = k_obs_pr[i] / pr_ref;
    c.deficit_mm = k_obs_deficit[i];
    // Evaporation follows temperature and sunshine; ~3 %/degC anomaly (assumption A22).
    c.pet_factor = 1.0 + 0.03 * c.tas_anomaly_c;
    c.sea_level_cm = observed_sea_level_cm(year);
    return c;
  }
  const auto& t = k_targets[scenario];
  // Interannual variability, the same draws in every scenario: SD 0.55 degC and 11 % (De Bilt 2000–2021,
  // derived from verified.md section 2); the deficit is drier in dry, warm years.
  const double zt = normal(seed, s_tas, year), zp = normal(seed, s_pr, year), z3 = normal(seed, s_deficit, year);
  c.tas_anomaly_c = path(year, t.tas_2050, t.tas_2100) + 0.55 * zt;
  c.pr_factor = (1.0 + path(year, t.pr_2050, t.pr_2100)) * std::max(0.5, 1.0 + 0.11 * zp);
  c.pet_factor = 1.0 + path(year, t.pet_2050, t.pet_2100) + 0.02 * zt;
  const double zd = -0.6 * zp + 0.3 * zt + 0.74 * z3;
  // Relative changes (CAS, vs its 194 mm model reference) applied to the observed 1991–2020 mean.
  c.deficit_mm = def_ref * (1.0 + path(year, t.deficit_2050, t.deficit_2100)) * std::exp(0.38 * zd - 0.5 * 0.38 * 0.38);
  const double start = observed_sea_level_cm(k_last_observed_year);
  c.sea_level_cm = year <= 2050
                       ? start + (t.sea_2050 - start) * (year - k_last_observed_year) / (2050.0 - k_last_observed_year)
                       : t.sea_2050 + (t.sea_2100 - t.sea_2050) * (year - 2050) / 50.0;
  return c;
}

CellClimatology cell_climatology(double x_m, double y_m) {
  // 1991–2020 normals at stations (assumption A23: rounded values from memory of KNMI normals; only De
  // Bilt 10.5 degC is verified), interpolated by inverse squared distance, then scaled so that the
  // national mean equals the verified means: 10.5 degC, 844 mm precipitation, 623 mm Makkink evaporation.
  struct Station {
    double x, y, tas, pr, pet, deficit;
  };
  constexpr Station k_stations[] = {
      {140600, 456900, 10.5, 880, 620, 1.00},  // De Bilt
      {235000, 570000, 10.0, 820, 600, 0.88},  // Eelde
      {30500, 385500, 11.2, 820, 650, 1.18},   // Vlissingen
      {181000, 318000, 10.9, 780, 640, 1.05},  // Maastricht
      {114000, 549000, 10.6, 760, 640, 1.15},  // De Kooy
      {258000, 476000, 10.2, 810, 605, 0.92},  // Twenthe
      {114000, 480000, 10.8, 860, 630, 1.08},  // Schiphol
      {180000, 579000, 10.0, 810, 605, 0.95},  // Leeuwarden
      {187000, 450000, 10.3, 930, 615, 0.90},  // Deelen (Veluwe)
      {152000, 383000, 10.8, 790, 635, 1.02},  // Eindhoven
  };
  double w_sum = 0, tas = 0, pr = 0, pet = 0, def = 0;
  for (const auto& s : k_stations) {
    const double d2 = (x_m - s.x) * (x_m - s.x) + (y_m - s.y) * (y_m - s.y) + 1.0e6;
    const double w = 1.0 / d2;
    w_sum += w;
    tas += w * s.tas;
    pr += w * s.pr;
    pet += w * s.pet;
    def += w * s.deficit;
  }
  CellClimatology c;
  // Station means: 10.53 degC, 826 mm, 624 mm, 1.013 -> scaled to the verified national means.
  c.tas_c = tas / w_sum - 10.53 + 10.5;
  c.pr_mm = pr / w_sum * 844.0 / 826.0;
  c.pet_mm = pet / w_sum * 623.0 / 624.0;
  c.deficit_factor = def / w_sum / 1.013;
  // Groundwater responds more on the eastern and southern sands than in the managed western polders
  // (assumption A20): 0.6 in the west rising to 1.4 in the east.
  c.gw_sensitivity = std::clamp(0.6 + 0.8 * (x_m - 50000.0) / 210000.0, 0.6, 1.4);
  return c;
}

ClimateFields climate_fields(int scenario, std::uint64_t seed) {
  ClimateFields f;
  const std::size_t cells = static_cast<std::size_t>(ClimateGrid::n_rows) * ClimateGrid::n_cols;
  for (auto* v : {&f.tas, &f.pr, &f.pet, &f.precip_deficit, &f.gw_anomaly}) v->assign(cells * k_years, 0.0F);
  f.sea_level.assign(k_years, 0.0F);
  std::vector<CellClimatology> clim(cells);
  for (int r = 0; r < ClimateGrid::n_rows; ++r)
    for (int c = 0; c < ClimateGrid::n_cols; ++c)
      clim[static_cast<std::size_t>(r * ClimateGrid::n_cols + c)] =
          cell_climatology(ClimateGrid::x_center(c), ClimateGrid::y_center(r));
  const double deficit_ref = reference_deficit_mm();
  std::vector<double> gw(cells, 0.0);
  for (int y = k_climate_first_year; y <= k_climate_last_year; ++y) {
    const NationalClimate n = national_climate(scenario, y, seed);
    const auto yi = static_cast<std::size_t>(y - k_climate_first_year);
    f.sea_level[yi] = static_cast<float>(n.sea_level_cm);
    for (std::size_t k = 0; k < cells; ++k) {
      const auto& c = clim[k];
      const std::size_t i = yi * cells + k;
      const double deficit = std::max(0.0, n.deficit_mm * c.deficit_factor);
      gw[k] = k_gw_persistence * gw[k] + c.gw_sensitivity * k_gw_cm_per_mm * (deficit - deficit_ref * c.deficit_factor);
      f.tas[i] = static_cast<float>(c.tas_c + n.tas_anomaly_c);
      f.pr[i] = static_cast<float>(c.pr_mm * n.pr_factor);
      f.pet[i] = static_cast<float>(c.pet_mm * n.pet_factor);
      f.precip_deficit[i] = static_cast<float>(deficit);
      f.gw_anomaly[i] = static_cast<float>(std::clamp(gw[k], -300.0, 300.0));
    }
  }
  return f;
}

}  // namespace polder::io::synth
