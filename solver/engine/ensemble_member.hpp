#pragma once
// One member of an ensemble made concrete (issue 9): the config and parameter set of its scenario entry,
// read once on every rank, and the member's own parameters, drawn from the sampling plan.
//
// A member (entry e, draw d) runs with the config of entry e (the run's config files, then the entry's
// measure files, then the --set overrides, with run.scenario = the entry's climate scenario) and:
//   d = 0 (or no draws): the entry's parameter set as it is, so the member is exactly the plain run of
//         that entry (`polder run` with the same files);
//   d >= 1: the entry's parameter set with every sampled quantity at its value in draw d of the plan
//         (parameters_for_draw), the same values in every entry (common random numbers).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "io/config/ensemble_config.hpp"
#include "io/config/parameter_set.hpp"
#include "io/config/run_config.hpp"
#include "solver/engine/simulation.hpp"
#include "solver/ensemble/sampling_plan.hpp"

namespace polder::engine {

struct EnsembleEntry {
  std::string name;
  io::RunConfig config;
  io::ParameterSet parameters;
};

/// The setup of draw `draw` of `entry`; `draw_values` = plan->values(draw) when plan != nullptr and
/// draw >= 1 (ignored otherwise). Throws ConfigError if the drawn values break a parameter rule.
MemberSetup member_setup(const EnsembleEntry& entry, const ensemble::SamplingPlan* plan,
                         std::span<const double> draw_values, std::int64_t draw);

/// The values the member uses of the plan's sampled quantities, in plan order: the drawn values for
/// draw >= 1, the entry's own values for draw 0 (the plan's central value where the entry has none).
std::vector<double> member_parameter_values(const EnsembleEntry& entry, const ensemble::SamplingPlan& plan,
                                            std::span<const double> draw_values, std::int64_t draw);

}  // namespace polder::engine
