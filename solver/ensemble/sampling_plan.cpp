#include "solver/ensemble/sampling_plan.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include "solver/core/error.hpp"
#include "solver/ensemble/draw_uniform.hpp"

namespace polder::ensemble {
namespace {

using kernels::RandomStream;

/// Groups named by `correlate` and groups of one parameter live in different name spaces, so a group
/// called like a parameter does not capture that parameter's draws.
std::string group_key_text(const SampledParameter& p) {
  return p.group.empty() ? "parameter:" + p.name : "group:" + p.group;
}

constexpr double k_u_min = 0x1.0p-53;
constexpr double k_u_max = 1.0 - 0x1.0p-53;

}  // namespace

SamplingPlan::SamplingPlan(std::vector<SampledParameter> parameters, std::int64_t draws, SamplingMethod method,
                           std::uint64_t seed)
    : m_parameters(std::move(parameters)), m_draws(draws), m_method(method), m_seed(seed) {
  if (draws < 1 || draws > k_max_draws)
    throw ConfigError(cat("ensemble.draws = ", draws, " must be 1 .. ", k_max_draws));
  std::set<std::string> keys;
  for (std::size_t i = 0; i < m_parameters.size(); ++i) {
    const auto& p = m_parameters[i];
    if (!m_index.emplace(p.name, i).second) throw InternalError(cat("sampled parameter ", p.name, " given twice"));
    keys.insert(group_key_text(p));
  }
  m_group_names.assign(keys.begin(), keys.end());
  std::map<std::uint64_t, std::string> seen;
  for (const auto& k : m_group_names) {
    const std::uint64_t h = name_key(k);
    if (const auto [it, fresh] = seen.emplace(h, k); !fresh)
      throw InternalError(cat("correlation groups '", it->second, "' and '", k, "' have the same 64-bit key"));
    m_group_keys.push_back(h);
  }
  for (const auto& p : m_parameters) {
    const auto it = std::lower_bound(m_group_names.begin(), m_group_names.end(), group_key_text(p));
    m_group_of.push_back(static_cast<std::size_t>(it - m_group_names.begin()));
  }
}

std::int64_t SamplingPlan::find(const std::string& name) const {
  const auto it = m_index.find(name);
  return it == m_index.end() ? -1 : static_cast<std::int64_t>(it->second);
}

void SamplingPlan::check_draw(std::int64_t draw, std::int64_t first) const {
  POLDER_VERIFY(draw >= first && draw <= m_draws, "draw ", draw, " outside ", first, " .. ", m_draws);
}

double SamplingPlan::lhs_key(std::int64_t draw, std::size_t g) const {
  return open_uniform(m_seed, RandomStream::ensemble_lhs_order, 0, m_group_keys[g], static_cast<std::uint32_t>(draw));
}

double SamplingPlan::jitter(std::int64_t draw, std::size_t g) const {
  return open_uniform(m_seed, RandomStream::ensemble_parameter, draw, m_group_keys[g]);
}

double SamplingPlan::from_stratum(std::int64_t stratum, double jitter_u) const {
  const double u = (static_cast<double>(stratum) + jitter_u) / static_cast<double>(m_draws);
  return std::clamp(u, k_u_min, k_u_max);
}

std::int64_t SamplingPlan::stratum(std::int64_t draw, std::size_t g) const {
  check_draw(draw, 1);
  if (m_method == SamplingMethod::random)
    return std::min(static_cast<std::int64_t>(uniform(draw, g) * static_cast<double>(m_draws)), m_draws - 1);
  // Rank of this draw's key among the N keys of the group (ties, practically absent, by draw number).
  const double own = lhs_key(draw, g);
  std::int64_t rank = 0;
  for (std::int64_t i = 1; i <= m_draws; ++i) {
    const double k = lhs_key(i, g);
    if (k < own || (k == own && i < draw)) ++rank;
  }
  return rank;
}

double SamplingPlan::uniform(std::int64_t draw, std::size_t g) const {
  check_draw(draw, 1);
  if (m_method == SamplingMethod::random) return jitter(draw, g);
  return from_stratum(stratum(draw, g), jitter(draw, g));
}

std::vector<double> SamplingPlan::values(std::int64_t draw) const {
  check_draw(draw, 0);
  std::vector<double> out(m_parameters.size());
  if (draw == 0) {
    for (std::size_t p = 0; p < out.size(); ++p) out[p] = m_parameters[p].distribution.value;
    return out;
  }
  std::vector<double> u(group_count());
  for (std::size_t g = 0; g < u.size(); ++g) u[g] = uniform(draw, g);
  for (std::size_t p = 0; p < out.size(); ++p) out[p] = m_parameters[p].distribution.quantile(u[m_group_of[p]]);
  return out;
}

std::vector<double> SamplingPlan::uniform_table() const {
  const auto n = static_cast<std::size_t>(m_draws), groups = group_count();
  std::vector<double> u(n * groups);
  std::vector<std::int64_t> order(n);
  std::vector<double> keys(n);
  for (std::size_t g = 0; g < groups; ++g) {
    if (m_method == SamplingMethod::random) {
      for (std::size_t d = 0; d < n; ++d) u[d * groups + g] = jitter(static_cast<std::int64_t>(d) + 1, g);
      continue;
    }
    for (std::size_t d = 0; d < n; ++d) keys[d] = lhs_key(static_cast<std::int64_t>(d) + 1, g);
    std::iota(order.begin(), order.end(), std::int64_t{0});
    std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
      const auto ka = keys[static_cast<std::size_t>(a)], kb = keys[static_cast<std::size_t>(b)];
      return ka < kb || (ka == kb && a < b);
    });
    for (std::size_t s = 0; s < n; ++s) {
      const auto d = static_cast<std::size_t>(order[s]);  // draw d + 1 falls in stratum s
      u[d * groups + g] = from_stratum(static_cast<std::int64_t>(s), jitter(static_cast<std::int64_t>(d) + 1, g));
    }
  }
  return u;
}

std::vector<double> SamplingPlan::table() const {
  const std::size_t np = m_parameters.size(), groups = group_count();
  std::vector<double> out((static_cast<std::size_t>(m_draws) + 1) * np);
  for (std::size_t p = 0; p < np; ++p) out[p] = m_parameters[p].distribution.value;
  const auto u = uniform_table();
  for (std::size_t d = 1; d <= static_cast<std::size_t>(m_draws); ++d)
    for (std::size_t p = 0; p < np; ++p)
      out[d * np + p] = m_parameters[p].distribution.quantile(u[(d - 1) * groups + m_group_of[p]]);
  return out;
}

}  // namespace polder::ensemble
