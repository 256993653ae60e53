#pragma once
// EU accounting over the members of an ensemble: the accounting of each member's CRT series and, per
// compliance test, the share of members that comply. Members whose series lack the years of a test
// (or whose parameters are missing) are counted as undetermined, not as compliant or not.

#include <array>
#include <cstddef>
#include <vector>

#include "solver/reporting/eu_accounting.hpp"

namespace polder::reporting {

struct ComplianceShare {
  std::size_t members = 0;     ///< all members
  std::size_t determined = 0;  ///< members for which the test could be evaluated
  std::size_t complying = 0;   ///< of those, members that meet it
  double share() const;        ///< complying / determined; NaN if none was determined
};

struct EnsembleCompliance {
  std::vector<EuAccounting> members;
  /// In the order of k_compliance_tests: no debit 2021-2025, budget 2026-2029, target 2030.
  std::array<ComplianceShare, 3> tests;
};

EnsembleCompliance evaluate_members(const std::vector<CrtSeries>& members, const EuParameters& parameters);

}  // namespace polder::reporting
