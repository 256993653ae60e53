#include "solver/ensemble/activity_draws.hpp"

#include <string>

#include "solver/ensemble/draw_uniform.hpp"

namespace polder::ensemble {
namespace {

bool keep(std::uint64_t seed, kernels::RandomStream stream, std::int64_t draw, std::int64_t patch, std::uint32_t step,
          double keep_fraction) {
  if (draw == 0 || keep_fraction >= 1.0) return true;
  return open_uniform(seed, stream, draw, static_cast<std::uint64_t>(patch), step) < keep_fraction;
}

}  // namespace

ActivityKeep activity_keep(const SamplingPlan& plan, std::span<const double> draw_values) {
  ActivityKeep k;
  if (const auto i = plan.find(std::string(k_land_use_change_keep)); i >= 0)
    k.land_use_change = draw_values[static_cast<std::size_t>(i)];
  if (const auto i = plan.find(std::string(k_organic_soil_keep)); i >= 0)
    k.organic_soil = draw_values[static_cast<std::size_t>(i)];
  return k;
}

bool keep_mapped_change(std::uint64_t seed, std::int64_t draw, std::int64_t patch, std::int32_t interval,
                        double keep_fraction) {
  return keep(seed, kernels::RandomStream::activity_land_use, draw, patch, static_cast<std::uint32_t>(interval),
              keep_fraction);
}

std::int32_t thin_land_use_sequence(std::span<std::uint8_t> codes, std::uint64_t seed, std::int64_t draw,
                                    std::int64_t patch, double keep_fraction) {
  std::int32_t rejected = 0;
  for (std::size_t k = 0; k + 1 < codes.size(); ++k) {
    if (codes[k + 1] == codes[k]) continue;
    if (!keep_mapped_change(seed, draw, patch, static_cast<std::int32_t>(k), keep_fraction)) {
      codes[k + 1] = codes[k];
      ++rejected;
    }
  }
  return rejected;
}

bool keep_organic_soil(std::uint64_t seed, std::int64_t draw, std::int64_t patch, double keep_fraction) {
  return keep(seed, kernels::RandomStream::activity_organic_soil, draw, patch, 0, keep_fraction);
}

}  // namespace polder::ensemble
