#include "solver/engine/ensemble_member.hpp"

#include "io/config/eu_parameter_reader.hpp"
#include "io/util/file_digest.hpp"
#include "solver/engine/ensemble_parameters.hpp"
#include "solver/engine/model_parameters.hpp"

namespace polder::engine {

MemberSetup member_setup(const EnsembleEntry& entry, const ensemble::SamplingPlan* plan,
                         std::span<const double> draw_values, std::int64_t draw) {
  MemberSetup m;
  m.config = entry.config;
  m.draw = draw;
  const bool sampled = plan != nullptr && draw > 0;
  const io::ParameterSet set = sampled ? parameters_for_draw(entry.parameters, *plan, draw_values) : entry.parameters;
  // The EU figures are read as the plain run reads them, so that the check for parameters nobody asked
  // for sees them used.
  (void)io::read_eu_parameters(set);
  m.parameters = read_model_parameters(set);
  m.parameters_digest = io::sha256_hex(set.values_text());
  return m;
}

std::vector<double> member_parameter_values(const EnsembleEntry& entry, const ensemble::SamplingPlan& plan,
                                            std::span<const double> draw_values, std::int64_t draw) {
  if (draw > 0) return {draw_values.begin(), draw_values.end()};
  std::vector<double> out;
  const auto central = plan.values(0);
  for (std::size_t i = 0; i < plan.parameters().size(); ++i) {
    const auto& name = plan.parameters()[i].name;
    out.push_back(entry.parameters.has(name) ? entry.parameters.all().at(name).value : central[i]);
  }
  return out;
}

}  // namespace polder::engine
