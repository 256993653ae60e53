#pragma once
// The sampling plan of a Monte Carlo ensemble: which quantities are sampled, their correlation groups,
// and, for every draw, one uniform per group and one value per quantity.
//
// Draw 0 is the central estimate (every quantity at its value): the deterministic inventory, run in
// the same job, so the ensemble can be read against it and `--member` of draw 0 reproduces a plain run.
// Draws 1..N are sampled. Every uniform is a pure function of (seed, N, draw, group name):
//   random  u = Philox(seed, ensemble_parameter, draw, group)
//   lhs     u = (stratum + jitter) / N, jitter = Philox(seed, ensemble_parameter, draw, group); the
//           stratum of a draw is its rank among the N sort keys Philox(seed, ensemble_lhs_order, group,
//           1..N), so each group's N strata are a permutation fixed by (seed, group) alone.
// So any draw can be computed alone on any rank (`values(d)`, O(N) per group for LHS), and gives the
// same bits as the row of the whole table (`table()`, one sort per group).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "solver/ensemble/sampled_parameter.hpp"
#include "solver/ensemble/sampling_method.hpp"

namespace polder::ensemble {

class SamplingPlan {
 public:
  /// The largest N: ten times the 10,000 iterations the most demanding standard asks for (ART-TREES
  /// 2.0; FullCAM stops at 1,000), and below 2^24 so the draw fits its Philox counter word.
  static constexpr std::int64_t k_max_draws = 100000;

  /// Throws ConfigError if `draws` is outside 1 .. k_max_draws; InternalError for a repeated name.
  SamplingPlan(std::vector<SampledParameter> parameters, std::int64_t draws, SamplingMethod method, std::uint64_t seed);

  std::int64_t draws() const { return m_draws; }  ///< N; draws 1..N are sampled, draw 0 is central
  SamplingMethod method() const { return m_method; }
  std::uint64_t seed() const { return m_seed; }
  const std::vector<SampledParameter>& parameters() const { return m_parameters; }
  /// Index of a parameter by name, or -1.
  std::int64_t find(const std::string& name) const;

  /// Correlation groups, sorted by name; a parameter without `correlate` is a group of its own.
  std::size_t group_count() const { return m_group_names.size(); }
  const std::string& group_name(std::size_t g) const { return m_group_names[g]; }
  std::size_t group_of(std::size_t parameter) const { return m_group_of[parameter]; }

  /// The uniform of group `g` in draw `draw` (1..N), in (0, 1).
  double uniform(std::int64_t draw, std::size_t g) const;
  /// The stratum 0..N-1 of that uniform: floor(u N). With LHS each stratum is hit once per group.
  std::int64_t stratum(std::int64_t draw, std::size_t g) const;

  /// The value of every parameter in draw `draw` (0..N; 0 gives the central values), in the order of
  /// parameters(). Computed alone: what a `--member` run calls. Costs O(N) Philox calls per group for
  /// LHS (measured: 0.03 s for N = 10,000 and 178 parameters); a rank that runs more than a handful of
  /// members of one plan should call table() once instead (0.27 s, 14 MB for the same plan).
  std::vector<double> values(std::int64_t draw) const;
  /// Values of all draws 0..N, row-major [draw][parameter]; bit-identical to values(d) row by row.
  std::vector<double> table() const;
  /// Uniforms of draws 1..N, row-major [draw - 1][group].
  std::vector<double> uniform_table() const;

 private:
  double lhs_key(std::int64_t draw, std::size_t g) const;
  double jitter(std::int64_t draw, std::size_t g) const;
  double from_stratum(std::int64_t stratum, double jitter) const;
  void check_draw(std::int64_t draw, std::int64_t first) const;

  std::vector<SampledParameter> m_parameters;
  std::int64_t m_draws;
  SamplingMethod m_method;
  std::uint64_t m_seed;
  std::vector<std::string> m_group_names;
  std::vector<std::uint64_t> m_group_keys;
  std::vector<std::size_t> m_group_of;
  std::map<std::string, std::size_t> m_index;
};

}  // namespace polder::ensemble
