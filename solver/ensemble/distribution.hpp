#pragma once
// The probability distribution of a sampled parameter, built from the three numbers every parameter
// file entry carries: its value and its range (low, high). How the range is read depends on the kind:
//
//   uniform     low and high are hard bounds; the value only has to lie between them.
//   triangular  low and high are hard bounds, the value is the mode (the default kind: a draw never
//               leaves the documented range, and the central value stays the most likely one).
//   normal      low and high are the 2.5 % and 97.5 % points, the value is the median. A value off
//               the centre of the range gives two half-normals, each holding half the probability,
//               sigma_low = (value - low) / z and sigma_high = (high - value) / z, z = Phi^-1(0.975);
//               a range symmetric about the value is exactly the normal distribution N(value, sigma).
//   lognormal   the same on the log scale: ln(low) and ln(high) are the 2.5 % and 97.5 % points of
//               ln X and ln(value) its median (the geometric centre sqrt(low * high) gives exactly the
//               lognormal distribution). Needs 0 < low.
//
// So for normal and lognormal the value, low and high of the file are reproduced exactly as the
// median and the 2.5/97.5 % points; the mean moves off the value when the range is asymmetric
// (mean() says by how much). Kinds and names live here once: io/config reads them to check entries.

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "solver/core/error.hpp"

namespace polder::ensemble {

enum class DistributionKind : std::uint8_t { uniform, triangular, normal, lognormal };

inline constexpr std::array<std::string_view, 4> k_distribution_names = {"uniform", "triangular", "normal",
                                                                         "lognormal"};

/// The kind used where a parameter file entry with a range gives no `distribution`.
inline constexpr DistributionKind k_default_distribution = DistributionKind::triangular;

/// Phi^-1(0.975): the half-width of a 95 % interval in standard deviations.
inline constexpr double k_z975 = 1.959963984540054;

inline std::string_view distribution_name(DistributionKind kind) {
  return k_distribution_names[static_cast<std::size_t>(kind)];
}

inline std::optional<DistributionKind> parse_distribution(std::string_view name) {
  for (std::size_t i = 0; i < k_distribution_names.size(); ++i)
    if (k_distribution_names[i] == name) return static_cast<DistributionKind>(i);
  return std::nullopt;
}

/// Why (low, value, high) cannot carry a distribution of `kind`, or "" if it can.
inline std::string support_problem(DistributionKind kind, double low, double value, double high) {
  if (!(std::isfinite(low) && std::isfinite(value) && std::isfinite(high))) return "the range is not finite";
  if (!(low <= value && value <= high)) return cat("the value ", value, " is outside its range ", low, " .. ", high);
  if (!(low < high))
    return cat(distribution_name(kind), " needs a range with low < high (got ", low, " .. ", high, ")");
  switch (kind) {
    case DistributionKind::uniform:
    case DistributionKind::triangular:
      return "";
    case DistributionKind::normal:
      if (!(low < value && value < high))
        return cat("normal reads the range as a 95 % interval around the value, so the value ", value,
                   " must lie strictly inside ", low, " .. ", high, " (use triangular for a value at a bound)");
      return "";
    case DistributionKind::lognormal:
      if (!(low > 0.0))
        return cat("lognormal needs a range above zero, the low end is ", low, " (use normal or triangular)");
      if (!(value < high && low < value))
        return cat("lognormal reads the range as a 95 % interval around the value, so the value ", value,
                   " must lie strictly inside ", low, " .. ", high, " (use triangular for a value at a bound)");
      return "";
  }
  return "unknown distribution";
}

struct Distribution {
  DistributionKind kind = k_default_distribution;
  double low = 0.0;
  double value = 0.0;
  double high = 0.0;

  /// The value x with P(X <= x) = u, for u in (0, 1): the inverse distribution function. Monotone
  /// non-decreasing in u, so parameters that share a u are perfectly rank-correlated.
  double quantile(double u) const;
  /// Analytic mean and variance (tests and docs compare sampled moments with them).
  double mean() const;
  double variance() const;
};

}  // namespace polder::ensemble
