#pragma once
// How the uniforms of a Monte Carlo ensemble are drawn: Latin hypercube (each of the N equal-probability
// strata of every correlation group hit exactly once in N draws) or plain independent random draws.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace polder::ensemble {

enum class SamplingMethod : std::uint8_t { lhs, random };

inline constexpr std::array<std::string_view, 2> k_sampling_names = {"lhs", "random"};

inline std::string_view sampling_name(SamplingMethod m) { return k_sampling_names[static_cast<std::size_t>(m)]; }

inline std::optional<SamplingMethod> parse_sampling(std::string_view name) {
  for (std::size_t i = 0; i < k_sampling_names.size(); ++i)
    if (k_sampling_names[i] == name) return static_cast<SamplingMethod>(i);
  return std::nullopt;
}

}  // namespace polder::ensemble
