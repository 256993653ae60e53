#pragma once
// The convergence record of one output over the draws of an ensemble: the running mean and the running
// 2.5 % and 97.5 % percentiles after 1, 2, ..., N draws, and whether they have settled.
//
// Rule (FullCAM's, `cnvgPercentChng="1.5" cnvgCheckNSteps="100"` in its SensPkg settings): after n
// draws the output has converged when, over the last `window` draws (n - window .. n), each of the
// three statistics stayed within `tolerance_percent` of its value at n:
//   max_j |s(j) - s(n)| <= tolerance / 100 * |s(n)|   for s in {mean, P2.5, P97.5}.
// A relative rule cannot settle a statistic that sits at zero (a net flux changing sign), so such an
// output is reported as not converged rather than hidden.

#include <cstddef>
#include <span>
#include <vector>

namespace polder::ensemble {

struct ConvergenceRecord {
  double tolerance_percent = 1.5;
  std::size_t window = 100;
  std::vector<double> mean;   ///< [n - 1]: after n draws
  std::vector<double> p2_5;   ///< [n - 1], percentile type 7 of the first n draws
  std::vector<double> p97_5;  ///< [n - 1]
  bool converged = false;     ///< the rule holds after all N draws
  /// The first n at which the rule held: where a convergence stop would have ended the run (0: never).
  std::size_t converged_at = 0;
  /// Largest relative change (%) of the three statistics over the last window before N (inf if a
  /// statistic ends at 0 after changing; NaN if N <= window).
  double last_change_percent = 0.0;
};

/// The record of `series`, the output of draws 1..N in draw order. Needs window >= 1.
ConvergenceRecord convergence(std::span<const double> series, double tolerance_percent, std::size_t window);

}  // namespace polder::ensemble
