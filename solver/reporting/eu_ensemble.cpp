#include "solver/reporting/eu_ensemble.hpp"

#include <cmath>
#include <limits>

namespace polder::reporting {

double ComplianceShare::share() const {
  return determined == 0 ? std::numeric_limits<double>::quiet_NaN()
                         : static_cast<double>(complying) / static_cast<double>(determined);
}

EnsembleCompliance evaluate_members(const std::vector<CrtSeries>& members, const EuParameters& parameters) {
  EnsembleCompliance out;
  for (const auto& m : members) {
    out.members.push_back(evaluate_eu_accounting(m, parameters));
    for (std::size_t k = 0; k < k_compliance_tests.size(); ++k) {
      const double v = out.members.back().value(k_compliance_tests[k]);
      auto& s = out.tests[k];
      ++s.members;
      if (std::isnan(v)) continue;
      ++s.determined;
      if (v == 1.0) ++s.complying;
    }
  }
  return out;
}

}  // namespace polder::reporting
