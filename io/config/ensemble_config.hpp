#pragma once
// The ensemble of a run (issue 9): which scenario entries, how many Monte Carlo draws, how they are
// sampled, and how the world communicator is split. Read from an `[ensemble]` section of a run config
// or from a separate file given with `--ensemble FILE`:
//
//   [ensemble]
//   scenarios = Ld Hd            # plain entries: KNMI'23 climate scenarios, named after themselves
//   draws = 1000                 # Monte Carlo draws per entry (leave out: scenarios only, no sampling)
//   sampling = lhs               # lhs | random
//   seed = 20261128              # default: run.seed
//   groups = 4                   # MPI groups the world communicator is split into
//   tolerance = 1.5              # convergence tolerance, % (FullCAM's rule)
//   convergence_window = 100     # draws over which the statistics must stay within the tolerance
//   activity_data = configs/parameters/activity_data.ini   # keep fractions of mapped changes, organic soils
//
//   [ensemble.scenario]          # named entries: NAME = CLIMATE [measure files...]
//   rewetting = Hd measures/peat_rewetting.ini
//
// Members are the product scenario entries x draws 0..N, numbered entry by entry:
// member k = entry * (N + 1) + draw. Draw 0 is each entry's central estimate (no sampling), draws
// 1..N are sampled, and draw d takes the same parameter values in every entry (common random numbers,
// so scenario differences are not blurred by sampling noise). Keys are in docs/configuration.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/config/run_config.hpp"
#include "solver/ensemble/sampling_method.hpp"

namespace polder::io {

/// One scenario entry: a KNMI'23 climate scenario and the measure files layered on the run config.
struct ScenarioEntry {
  std::string name;                        ///< a KNMI'23 name for plain entries, NAME for named ones
  std::string climate;                     ///< Ld Ln Md Mn Hd Hn
  std::vector<std::string> measure_files;  ///< in the order given; each is checked to exist
};

struct EnsembleMember {
  std::int64_t index = 0;    ///< k, 0 .. member_count() - 1
  std::size_t scenario = 0;  ///< index into EnsembleConfig::scenarios
  std::int64_t draw = 0;     ///< 0: the central estimate; 1..draws: Monte Carlo draws
};

struct EnsembleConfig {
  std::vector<ScenarioEntry> scenarios;
  std::int64_t draws = 0;  ///< sampled draws per entry; 0 when the key is left out (scenarios only)
  ensemble::SamplingMethod sampling = ensemble::SamplingMethod::lhs;
  std::uint64_t seed = 0;                 ///< default: run.seed
  std::int32_t groups = 1;                ///< MPI groups (checked against the ranks by check_groups)
  double tolerance_percent = 1.5;         ///< FullCAM's cnvgPercentChng
  std::int64_t convergence_window = 100;  ///< FullCAM's cnvgCheckNSteps
  std::string activity_data;              ///< parameter file with the activity.* keep fractions, or ""
  std::vector<std::string> source_files;  ///< the files the [ensemble] keys came from
  std::string effective_text;             ///< the effective [ensemble] keys with their origins

  std::int64_t members_per_scenario() const { return draws + 1; }
  std::int64_t member_count() const { return static_cast<std::int64_t>(scenarios.size()) * (draws + 1); }
  /// Member k, for `--member K`; throws ConfigError naming --member if k is out of range.
  EnsembleMember member(std::int64_t k) const;
  /// All members in index order.
  std::vector<EnsembleMember> members() const;
};

/// Every accepted ensemble key, "ensemble.key"; "ensemble.scenario.*" stands for the named entries.
const std::vector<std::string>& ensemble_config_keys();
/// True for a key an ensemble config accepts (including ensemble.scenario.NAME).
bool is_ensemble_key(std::string_view key);

/// Reads the ensemble: the `[ensemble]` keys of the run config files (their other sections are the
/// run's), then the `ensemble_files` (which may hold only [ensemble] keys), then the `--set ensemble.*`
/// overrides (other --set keys are skipped: they are the run's); later sources win. Returns nullopt if
/// none of them has an ensemble key. Defaults: seed = run.seed; no scenarios given = one entry,
/// run.scenario. Throws ConfigError naming the file and key (unknown key with a suggestion, draws = 0,
/// draws above 100,000, an unknown KNMI'23 scenario, groups < 1, ...) and InputError for a measure or
/// activity-data file that does not exist.
std::optional<EnsembleConfig> load_ensemble_config(const std::vector<std::string>& run_files,
                                                   const std::vector<std::string>& ensemble_files,
                                                   const std::vector<std::string>& overrides, const RunConfig& run);

/// Run-time check: ensemble.groups must not exceed the ranks of the world communicator, nor the
/// members (a group without a member would idle). Throws ConfigError naming ensemble.groups.
void check_groups(const EnsembleConfig& config, std::int64_t world_ranks);

/// Above this many cell-years (members x active cells x years) an ensemble is refused as a typo: about
/// 1,500 core-hours at the measured 4.5e7 cell-years per core-second (docs/performance.md), room for
/// six KNMI'23 scenarios x 10,000 draws of the national grid over 1990-2050.
inline constexpr double k_max_ensemble_cell_years = 2.5e14;

/// Run-time check once the grid is known: throws ConfigError naming ensemble.draws when the ensemble
/// exceeds k_max_ensemble_cell_years.
void check_ensemble_size(const EnsembleConfig& config, std::int64_t active_cells, std::int32_t years);

}  // namespace polder::io
