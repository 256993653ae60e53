#pragma once
// One uncertain quantity of an ensemble: a science parameter or an activity-data factor, with the
// distribution its file entry describes and the correlation group whose uniform it takes.

#include <string>

#include "solver/ensemble/distribution.hpp"

namespace polder::ensemble {

struct SampledParameter {
  std::string name;           ///< the parameter file name, e.g. "organic_soil.co2_slope"
  Distribution distribution;  ///< kind, low, value (the central estimate), high
  /// `correlate = GROUP` of the entry: every parameter of a group takes the same uniform in a draw
  /// (perfect rank correlation). Empty: the parameter is a group of its own.
  std::string group;
};

}  // namespace polder::ensemble
