#pragma once
// The bridge between the parameter files and a Monte Carlo ensemble (issue 9). A member's parameters
// are the central parameter set with the sampled values of its draw put in by name:
//
//   const auto plan = engine::sampling_plan(ensemble_config, model_set, &activity_set);
//   const auto values = plan.values(member.draw);                        // alone, on any rank
//   const ModelParameters p = read_model_parameters(engine::parameters_for_draw(model_set, plan, values));
//   const auto keep = ensemble::activity_keep(plan, values);            // map-accuracy keep fractions
//
// so draws reach the kernels through the same names, units and checks as the central run, and no
// kernel knows about members.

#include <cstdint>
#include <span>
#include <vector>

#include "io/config/ensemble_config.hpp"
#include "io/config/parameter_set.hpp"
#include "solver/core/error.hpp"
#include "solver/ensemble/sampling_plan.hpp"

namespace polder::engine {

/// The sampled quantities of a parameter set, sorted by name: every parameter with a range that is
/// not `fixed`, with its distribution (triangular where the entry names none) and correlation group.
inline std::vector<ensemble::SampledParameter> sampled_parameters(const io::ParameterSet& set) {
  std::vector<ensemble::SampledParameter> out;
  for (const auto& [name, p] : set.all()) {
    if (!p.sampled()) continue;
    auto kind = ensemble::k_default_distribution;
    if (!p.distribution.empty()) {
      const auto parsed = ensemble::parse_distribution(p.distribution);
      POLDER_VERIFY(parsed.has_value(), p.file, ": [", name, "] distribution '", p.distribution, "' passed the reader");
      kind = *parsed;
    }
    out.push_back({name, {kind, p.low, p.value, p.high}, p.correlate});
  }
  return out;
}

/// The plan of an ensemble with draws (config.draws >= 1): the sampled parameters of `model` and of
/// `activity` (the ensemble.activity_data file, or nullptr), with the ensemble's draws, method, seed.
inline ensemble::SamplingPlan sampling_plan(const io::EnsembleConfig& config, const io::ParameterSet& model,
                                            const io::ParameterSet* activity) {
  auto parameters = sampled_parameters(model);
  if (activity != nullptr) {
    for (auto& a : sampled_parameters(*activity)) {
      if (model.has(a.name))
        throw ConfigError(cat(activity->parameter(a.name).file, ": [", a.name,
                              "] is also a model parameter; activity-data entries are named activity.*"));
      parameters.push_back(std::move(a));
    }
  }
  return ensemble::SamplingPlan(std::move(parameters), config.draws, config.sampling, config.seed);
}

/// A copy of `base` in which every parameter the plan samples takes its value in `draw_values`
/// (= plan.values(draw), in plan order). Plan entries that `base` lacks (activity.*) are skipped.
inline io::ParameterSet parameters_for_draw(const io::ParameterSet& base, const ensemble::SamplingPlan& plan,
                                            std::span<const double> draw_values) {
  POLDER_VERIFY(draw_values.size() == plan.parameters().size(), "draw values do not match the plan");
  std::vector<io::Parameter> params;
  params.reserve(base.all().size());
  for (const auto& [name, p] : base.all()) {
    params.push_back(p);
    if (const auto i = plan.find(name); i >= 0) params.back().value = draw_values[static_cast<std::size_t>(i)];
  }
  return io::ParameterSet::from(std::move(params));
}

/// The same, for draw `draw` computed alone.
inline io::ParameterSet parameters_for_draw(const io::ParameterSet& base, const ensemble::SamplingPlan& plan,
                                            std::int64_t draw) {
  const auto values = plan.values(draw);
  return parameters_for_draw(base, plan, values);
}

}  // namespace polder::engine
