#include "solver/ensemble/distribution.hpp"

#include <numbers>

#include "solver/ensemble/inverse_normal.hpp"

namespace polder::ensemble {
namespace {

/// The two half-widths (in standard deviations of the standard normal) of a normal or lognormal
/// entry, on the linear or the log scale.
struct Halves {
  double centre;  ///< median on the sampled scale (value, or ln value)
  double low;     ///< sigma below the median
  double high;    ///< sigma above the median
};

Halves halves(const Distribution& d) {
  if (d.kind == DistributionKind::lognormal) {
    const double c = std::log(d.value);
    return {c, (c - std::log(d.low)) / k_z975, (std::log(d.high) - c) / k_z975};
  }
  return {d.value, (d.value - d.low) / k_z975, (d.high - d.value) / k_z975};
}

}  // namespace

double Distribution::quantile(double u) const {
  switch (kind) {
    case DistributionKind::uniform:
      return low + u * (high - low);
    case DistributionKind::triangular: {
      // Inverse of the triangular distribution function with mode c = value on [a, b].
      const double a = low, b = high, c = value;
      const double fc = (c - a) / (b - a);
      if (u < fc) return a + std::sqrt(u * (b - a) * (c - a));
      return b - std::sqrt((1.0 - u) * (b - a) * (b - c));
    }
    case DistributionKind::normal:
    case DistributionKind::lognormal: {
      const Halves h = halves(*this);
      const double z = inverse_normal(u);
      const double y = h.centre + z * (z < 0.0 ? h.low : h.high);
      return kind == DistributionKind::normal ? y : std::exp(y);
    }
  }
  return value;
}

double Distribution::mean() const {
  switch (kind) {
    case DistributionKind::uniform:
      return 0.5 * (low + high);
    case DistributionKind::triangular:
      return (low + value + high) / 3.0;
    case DistributionKind::normal: {
      // Half of each half-normal: E = m + (sigma_high - sigma_low) / sqrt(2 pi).
      const Halves h = halves(*this);
      return h.centre + (h.high - h.low) / std::sqrt(2.0 * std::numbers::pi);
    }
    case DistributionKind::lognormal: {
      // E[exp(s Z); Z < 0] = exp(s^2/2) Phi(-s), E[exp(s Z); Z >= 0] = exp(s^2/2) Phi(s).
      const Halves h = halves(*this);
      return value * (std::exp(0.5 * h.low * h.low) * normal_cdf(-h.low) +
                      std::exp(0.5 * h.high * h.high) * normal_cdf(h.high));
    }
  }
  return value;
}

double Distribution::variance() const {
  switch (kind) {
    case DistributionKind::uniform:
      return (high - low) * (high - low) / 12.0;
    case DistributionKind::triangular: {
      const double a = low, b = high, c = value;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
    }
    case DistributionKind::normal: {
      const Halves h = halves(*this);
      const double shift = mean() - h.centre;
      return 0.5 * (h.low * h.low + h.high * h.high) - shift * shift;
    }
    case DistributionKind::lognormal: {
      const Halves h = halves(*this);
      const double second = value * value *
                            (std::exp(2.0 * h.low * h.low) * normal_cdf(-2.0 * h.low) +
                             std::exp(2.0 * h.high * h.high) * normal_cdf(2.0 * h.high));
      const double m = mean();
      return second - m * m;
    }
  }
  return 0.0;
}

}  // namespace polder::ensemble
