#pragma once
// The statistics an ensemble reports per output (a CRT category, pool or total) and year: mean, median,
// the 2.5 % and 97.5 % percentiles and the IPCC Approach 2 uncertainty, for the level and for the trend
// since the base year. Pure functions of the member values, computed in member order with compensated
// sums: the same bits for any rank or thread count.
//
// Definitions (docs/uncertainty.md):
//   percentile   type 7 of Hyndman & Fan 1996 (the default of R and NumPy): for n sorted values
//                x_0..x_{n-1}, h = (n - 1) p, P = x_floor(h) + (h - floor(h)) (x_floor(h)+1 - x_floor(h)).
//   uncertainty  IPCC 2006 Vol. 1 Ch. 3 Approach 2: half the 95 % range as a percentage of the mean,
//                100 (P97.5 - P2.5) / 2 / |mean|; with the lower and upper halves separately for an
//                asymmetric interval. NaN where the mean is 0.
//   trend        per member, value(year) - value(base year); then the same statistics.

#include <cstddef>
#include <span>
#include <vector>

namespace polder::ensemble {

struct Summary {
  std::size_t n = 0;
  double mean = 0.0;
  double median = 0.0;
  double p2_5 = 0.0;
  double p97_5 = 0.0;
  double uncertainty_percent = 0.0;  ///< 100 (p97_5 - p2_5) / 2 / |mean|
  double lower_percent = 0.0;        ///< 100 (mean - p2_5) / |mean|
  double upper_percent = 0.0;        ///< 100 (p97_5 - mean) / |mean|
};

/// Percentile p (0..1) of values sorted ascending, Hyndman & Fan type 7. Needs at least one value.
double percentile_sorted(std::span<const double> sorted, double p);

/// Sum in the given order with Neumaier's compensation (no dependence on how the caller splits work).
double compensated_sum(std::span<const double> values);

/// The statistics of one output over the members. Throws InternalError for an empty or non-finite set.
Summary summarize(std::span<const double> values);

/// Level and trend statistics of a table of member results laid out row-major [member][year][output].
struct UncertaintyTable {
  std::size_t years = 0;
  std::size_t outputs = 0;
  std::size_t base_year = 0;   ///< index of the trend's base year (1990 in an inventory from 1990)
  std::vector<Summary> level;  ///< [year][output]
  std::vector<Summary> trend;  ///< [year][output]: of value(year) - value(base_year), per member
  const Summary& level_at(std::size_t year, std::size_t output) const { return level[year * outputs + output]; }
  const Summary& trend_at(std::size_t year, std::size_t output) const { return trend[year * outputs + output]; }
};

UncertaintyTable summarize_members(std::span<const double> values, std::size_t members, std::size_t years,
                                   std::size_t outputs, std::size_t base_year);

}  // namespace polder::ensemble
