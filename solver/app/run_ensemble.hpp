#pragma once
// polder run with an ensemble (issue 9, docs/uncertainty.md): members = scenario entries x draws, run one
// after another from the kept input on MPI groups, written with their statistics into one inventory.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/config/ensemble_config.hpp"
#include "solver/app/member_range.hpp"
#include "solver/engine/simulation.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::app {

struct EnsembleRequest {
  std::vector<std::string> configs;  ///< the run's config files, in layering order
  std::vector<std::string> sets;     ///< the --set overrides (run and ensemble keys)
  io::EnsembleConfig ensemble;
  std::optional<std::int64_t> member;  ///< --member K: run member K alone
  bool resume = false;                 ///< --resume: read back the members a killed run finished
  /// --members A-B: run those members and keep their records only (no inventory); a later --resume
  /// run gathers them.
  std::optional<MemberRange> range;
};

/// Runs the ensemble (or its one member) and writes the inventory; with a range, runs its members and
/// writes their records only. Returns the exit code; throws
/// ConfigError/InputError (exit 2, nothing written) for what the ensemble cannot run.
int run_ensemble(const parallel::Comm& world, const engine::SimulationOptions& options, const EnsembleRequest& request);

}  // namespace polder::app
