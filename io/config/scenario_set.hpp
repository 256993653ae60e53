#pragma once
// A scenario set (configs/scenarios/*.ini): named runs that differ in KNMI'23 climate scenario and in
// the measure files layered on one base config, compared against one of them. Run as separate runs by
// jobs/run_scenario_set.sh (or a Slurm array, jobs/slurm/submit_scenario_set.sh) and compared with
// `polder compare`; the ensemble reads the same file (its members as ScenarioEntry). Format:
//
//   [set]
//   name = cabinet_2026                      # letters, digits, '_', '-': names the output folder
//   description = ...                        # optional
//   base_config = configs/national.ini       # run config(s) every member starts from, layered first
//   years = 1990-2050                        # optional: run.start_year and run.end_year of every member
//   base = Hd_none                           # optional: the member the others are compared with (first)
//
//   [member.Hd_none]                         # one section per member, in the order they run
//   scenario = Hd                            # KNMI'23: Ld Ln Md Mn Hd Hn
//   measures = none                          # measure configs layered after the base, or none
//   description = ...                        # optional
//
// Paths are relative to the folder polder is started from, as in run configs. Keys are in
// docs/configuration.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/config/ensemble_config.hpp"

namespace polder::io {

struct ScenarioSet {
  std::string name;
  std::string description;
  std::vector<std::string> base_configs;  ///< layered in this order before each member's measure files
  std::optional<std::int32_t> start_year;
  std::optional<std::int32_t> end_year;
  /// The members in file order: name, KNMI'23 climate scenario, measure files (empty: no measures).
  std::vector<ScenarioEntry> members;
  std::vector<std::string> descriptions;  ///< per member, "" if none given
  std::size_t base = 0;                   ///< index of the base member in `members`
  std::string source;                     ///< the set file

  /// The config files of member `i`: the base configs, then its measure files.
  std::vector<std::string> config_files(std::size_t i) const;
  /// The --set overrides of member `i`: run.scenario, run.name ("<set>: <member>"), and the years if given.
  std::vector<std::string> overrides(std::size_t i) const;
};

/// Every key of a scenario set, "set.key" and "member.*.key", for validation and the docs.
const std::vector<std::string>& scenario_set_keys();

/// Reads and checks a scenario set. ConfigError naming the file and key for an unknown section or key
/// (with a suggestion), a missing required key, a malformed name or year range, an unknown KNMI'23
/// scenario, `none` beside measure files, a measure file given twice, two members with the same scenario
/// and measures, fewer than two members, or a base that is no member; InputError naming the key for a
/// base config or measure file that does not exist (or the set file itself).
ScenarioSet load_scenario_set(const std::string& path);

}  // namespace polder::io
