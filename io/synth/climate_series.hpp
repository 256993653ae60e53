#pragma once
// The synthetic KNMI'23-style climate forcing: national annual series for 1990–2100 and six scenarios
// (observed years shared by all scenarios up to the last observed year), and a fixed spatial pattern on
// a coarse RD grid. Every number's source or assumption is in docs/input-format.md ("Climate forcing:
// sources and assumptions") and docs/synthetic-netherlands.md.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace polder::io::synth {

inline constexpr int k_climate_first_year = 1990;
inline constexpr int k_climate_last_year = 2100;
inline constexpr int k_last_observed_year = 2024;
inline constexpr std::array<std::string_view, 6> k_climate_scenarios = {"Ld", "Ln", "Md", "Mn", "Hd", "Hn"};

/// The coarse climate grid: 12 km cells (like the KNMI'23 model output), 24 x 29, covering the
/// national extent from x = 0 and y = 640 km.
struct ClimateGrid {
  static constexpr double cell_m = 12000.0;
  static constexpr int n_cols = 24;  ///< x 0 - 288 km
  static constexpr int n_rows = 29;  ///< y 640 - 292 km
  static constexpr double x_center(int col) { return (col + 0.5) * cell_m; }
  static constexpr double y_center(int row) { return 640000.0 - (row + 0.5) * cell_m; }
};

/// National annual values of one scenario and year.
struct NationalClimate {
  double tas_anomaly_c = 0;  ///< vs 1991–2020
  double pr_factor = 1;      ///< annual precipitation / 1991–2020
  double pet_factor = 1;     ///< Makkink reference evaporation / 1991–2020
  double deficit_mm = 0;     ///< national max. potential precipitation deficit, Apr–Sep
  double sea_level_cm = 0;   ///< vs 1995–2014, Dutch coast
};

NationalClimate national_climate(int scenario, int year, std::uint64_t seed);

/// Mean of the observed national deficit series over 1991–2020 (mm), the baseline of the scenario
/// deficits and of the groundwater anomaly.
double reference_deficit_mm();

/// 1991–2020 climatology of a climate cell (spatial pattern), and the groundwater sensitivity.
struct CellClimatology {
  double tas_c = 0;
  double pr_mm = 0;
  double pet_mm = 0;
  double deficit_factor = 1;  ///< relative to the national deficit
  double gw_sensitivity = 1;  ///< relative GLG response to the deficit
};
CellClimatology cell_climatology(double x_m, double y_m);

/// Gridded values of a scenario for all years, [year][row][col] flattened (float, CF file order).
struct ClimateFields {
  std::vector<float> tas, pr, pet, precip_deficit, gw_anomaly;  ///< (year, y, x)
  std::vector<float> sea_level;                                 ///< (year)
};
ClimateFields climate_fields(int scenario, std::uint64_t seed);

/// GLG response to the precipitation deficit: cm deeper per mm of deficit above the 1991–2020 mean
/// (assumption A20), and the year-to-year persistence of the anomaly.
inline constexpr double k_gw_cm_per_mm = 0.25;
inline constexpr double k_gw_persistence = 0.3;

}  // namespace polder::io::synth
