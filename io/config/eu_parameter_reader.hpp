#pragma once
// Reads the Member-State figures of the EU LULUCF accounting (names eu.*, configs/parameters/
// eu_lulucf_nl.ini) and the HWP half-lives from a parameter set. Reading marks them used, so call it
// before the engine checks the set for unknown parameters. A figure no file gives is returned as not
// given (its terms are then reported as missing); a figure in the wrong unit or out of its domain is a
// ConfigError naming the file and the parameter.

#include "io/config/parameter_set.hpp"
#include "solver/reporting/eu_parameters.hpp"

namespace polder::io {

reporting::EuParameters read_eu_parameters(const ParameterSet& parameters);

}  // namespace polder::io
