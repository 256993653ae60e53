#pragma once
// The fixed rules of Regulation (EU) 2018/841 as amended by Regulation (EU) 2023/839 (OJ L 107,
// 21.4.2023), each with the article it comes from. Figures that differ per Member State or whose text
// was not read in full (the forest reference level, the Annex III base year emissions, the Annex IIa
// values) are parameters in configs/parameters/eu_lulucf_nl.ini, not constants here.
// Reference notes: ../shared/reference/eu_accounting.md (A.2, A.3), domain.md section 3.

#include <cstdint>

namespace polder::reporting::eu {

/// First compliance period, "no debit" (Art. 4(1)); accounted per Art. 6-9.
inline constexpr std::int32_t k_first_period_begin = 2021;
inline constexpr std::int32_t k_first_period_end = 2025;
/// Managed cropland, grassland (and wetland) are accounted against five times the mean of the base
/// period 2005-2009 (Art. 7(1)).
inline constexpr std::int32_t k_base_period_begin = 2005;
inline constexpr std::int32_t k_base_period_end = 2009;
/// "multiplied by five": the number of years of the first period (Art. 7(1), Art. 8(1), Art. 8(2)).
inline constexpr double k_first_period_years = 5.0;
/// Managed forest land credits are capped at 3.5 % of the base year emissions (Annex III) x 5 (Art. 8(2)).
inline constexpr double k_forest_credit_cap_share = 0.035;
/// The 2030 target and the 2026-2029 budget are differences from the mean of 2016-2018 (Art. 4(3), 4(4)).
inline constexpr std::int32_t k_target_base_begin = 2016;
inline constexpr std::int32_t k_target_base_end = 2018;
/// The budget covers 2026-2029 (Art. 4(4)).
inline constexpr std::int32_t k_budget_begin = 2026;
inline constexpr std::int32_t k_budget_end = 2029;
inline constexpr int k_budget_years = k_budget_end - k_budget_begin + 1;
/// The budget trajectory is linear from the mean of 2021-2023, placed at 2022, to the Annex IIa column C
/// value in 2030 (Art. 4(4); recital 6 of the Commission proposal COM(2021) 554 gives the placement).
inline constexpr std::int32_t k_trajectory_start_begin = 2021;
inline constexpr std::int32_t k_trajectory_start_end = 2023;
inline constexpr std::int32_t k_trajectory_start_year = 2022;
inline constexpr std::int32_t k_target_year = 2030;
/// Art. 13c: an excess of the 2026-2029 sum over the budget, multiplied by 1.08, is added to the 2030
/// figure. The factor is quoted by secondary sources (domain.md section 3); the article text was not read.
inline constexpr double k_budget_overshoot_factor = 1.08;

}  // namespace polder::reporting::eu
