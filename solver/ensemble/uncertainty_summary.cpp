#include "solver/ensemble/uncertainty_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/core/error.hpp"

namespace polder::ensemble {

double percentile_sorted(std::span<const double> sorted, double p) {
  POLDER_VERIFY(!sorted.empty() && p >= 0.0 && p <= 1.0, "percentile ", p, " of ", sorted.size(), " values");
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted[sorted.size() - 1];
  const double frac = h - static_cast<double>(lo);
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

double compensated_sum(std::span<const double> values) {
  double sum = 0.0, c = 0.0;
  for (const double v : values) {
    const double t = sum + v;
    c += std::abs(sum) >= std::abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  return sum + c;
}

Summary summarize(std::span<const double> values) {
  POLDER_VERIFY(!values.empty(), "uncertainty statistics of no members");
  for (const double v : values) POLDER_VERIFY(std::isfinite(v), "a member result is not finite: ", v);
  Summary s;
  s.n = values.size();
  s.mean = compensated_sum(values) / static_cast<double>(values.size());
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  s.median = percentile_sorted(sorted, 0.5);
  s.p2_5 = percentile_sorted(sorted, 0.025);
  s.p97_5 = percentile_sorted(sorted, 0.975);
  if (s.mean == 0.0) {
    s.uncertainty_percent = s.lower_percent = s.upper_percent = std::numeric_limits<double>::quiet_NaN();
  } else {
    const double m = std::abs(s.mean);
    s.uncertainty_percent = 100.0 * 0.5 * (s.p97_5 - s.p2_5) / m;
    s.lower_percent = 100.0 * (s.mean - s.p2_5) / m;
    s.upper_percent = 100.0 * (s.p97_5 - s.mean) / m;
  }
  return s;
}

UncertaintyTable summarize_members(std::span<const double> values, std::size_t members, std::size_t years,
                                   std::size_t outputs, std::size_t base_year) {
  POLDER_VERIFY(values.size() == members * years * outputs, "member table of ", values.size(), " values is not ",
                members, " x ", years, " x ", outputs);
  POLDER_VERIFY(base_year < years, "trend base year index ", base_year, " outside ", years, " years");
  UncertaintyTable t;
  t.years = years;
  t.outputs = outputs;
  t.base_year = base_year;
  t.level.reserve(years * outputs);
  t.trend.reserve(years * outputs);
  std::vector<double> level(members), trend(members);
  for (std::size_t y = 0; y < years; ++y) {
    for (std::size_t k = 0; k < outputs; ++k) {
      for (std::size_t m = 0; m < members; ++m) {
        const double v = values[(m * years + y) * outputs + k];
        level[m] = v;
        trend[m] = v - values[(m * years + base_year) * outputs + k];
      }
      t.level.push_back(summarize(level));
      t.trend.push_back(summarize(trend));
    }
  }
  return t;
}

}  // namespace polder::ensemble
