#pragma once
// EU LULUCF accounting of one CRT series (Regulation (EU) 2018/841 as amended by 2023/839):
//   2021-2025  accounted categories (Art. 6-9), the 3.5 % cap on managed forest land credits and its
//              exemptions (Art. 8(2)), HWP by origin (Art. 9), the no-debit test (Art. 4(1));
//   2026-2029  the budget on the trajectory from the 2021-2023 mean to the 2030 target, the summed
//              differences against it and the Art. 13c addition for an overshoot (Art. 4(4), 13c);
//   2030       the target test against Annex IIa (Art. 4(3)).
// Every term is kept with the years and parameters it needed; a term whose years the series does not
// cover or whose parameter is not given is NaN and says what it lacks. Flexibilities (Art. 10-13b) and
// technical corrections are not applied. Each term's legal source and formula are in the output schema
// (/eu_accounting/..., output_schema.cpp). Signs: emissions +, removals -, kt CO2-eq.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "solver/reporting/crt_series.hpp"
#include "solver/reporting/eu_categories.hpp"
#include "solver/reporting/eu_parameters.hpp"

namespace polder::reporting {

struct EuTerm {
  std::vector<double> values;                      ///< one value, or one per budget year
  std::vector<std::int32_t> missing_years;         ///< years the series lacks, sorted
  std::vector<std::string> missing_parameters;     ///< parameters not given
  std::vector<std::string> unverified_parameters;  ///< parameters given, but marked unverified in their source
  bool complete() const { return missing_years.empty() && missing_parameters.empty(); }
  double value() const { return values.at(0); }
};

struct EuAccounting {
  std::vector<std::int32_t> years;
  std::vector<std::array<double, k_accounting_categories>> net_kt_co2e;  ///< [year][accounting category]
  std::vector<std::array<double, k_hwp_origins>> hwp_by_origin_kt_co2;   ///< [year][origin]
  std::vector<double> managed_forest_exempt_kt_co2e;                     ///< [year]
  std::vector<double> total_kt_co2e;                                     ///< [year], all reporting categories
  /// Keyed by the path under /eu_accounting/, e.g. "period_2021_2025/no_debit_met".
  std::map<std::string, EuTerm> terms;

  /// InternalError for a key that is not computed.
  const EuTerm& term(const std::string& key) const;
  double value(const std::string& key) const { return term(key).value(); }
};

EuAccounting evaluate_eu_accounting(const CrtSeries& series, const EuParameters& parameters);

/// What the accounting of a run over `region` means: the Member-State figures (FRL, Annex III base year,
/// Annex IIa) are national, so for a region the terms are an illustration, not a compliance result.
std::string eu_scope(const std::string& region);

/// Names of the three compliance tests, as keys of EuAccounting::terms (1 met, 0 missed, NaN unknown).
inline constexpr std::array<const char*, 3> k_compliance_tests = {
    "period_2021_2025/no_debit_met", "budget_2026_2029/within_budget", "target_2030/target_met"};

}  // namespace polder::reporting
