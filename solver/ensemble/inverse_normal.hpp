#pragma once
// The standard normal quantile function, Phi^-1(p), written out so that every build computes the same
// bits (the <random> distributions are implementation-defined, std::erf has no inverse).

namespace polder::ensemble {

/// Phi^-1(p) for p in (0, 1): Wichura's algorithm AS 241 (PPND16), M. J. Wichura 1988, "The
/// percentage points of the normal distribution", Applied Statistics 37(3):477-484. Rational
/// approximations in three ranges of p, relative accuracy about 1e-16. Returns -inf / +inf at 0 / 1
/// and NaN outside [0, 1].
double inverse_normal(double p);

/// Phi(x), the standard normal distribution function, from std::erfc (for tests and moments).
double normal_cdf(double x);

}  // namespace polder::ensemble
