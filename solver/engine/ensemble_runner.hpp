#pragma once
// Runs members of an ensemble (issue 9) one after another on one Simulation, from its kept input and
// initial state, and gathers what each member reports (its sampled parameters, its net emissions per
// category and year, its total, its EU tests) into one table in member order.
//
// With MPI groups every group runs its own members on its own communicator; each group's root holds
// the rows of its members, and gather_tables joins them on world rank 0, the writer. A row is computed
// by one group alone, from the member's setup alone, so the table is the same bits for any number of
// groups, ranks and threads.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "io/config/ensemble_config.hpp"
#include "solver/engine/ensemble_member.hpp"
#include "solver/engine/simulation.hpp"
#include "solver/ensemble/sampling_plan.hpp"
#include "solver/parallel/comm.hpp"
#include "solver/reporting/eu_parameters.hpp"

namespace polder::engine {

/// Per-member results, rows in ascending member order.
struct EnsembleTables {
  std::size_t years = 0;
  std::size_t parameters = 0;            ///< sampled quantities (0 without draws)
  std::vector<std::int64_t> members;     ///< member index of each row
  std::vector<double> parameter_values;  ///< [row][parameter]: the values the member used
  std::vector<double> net_kt_co2e;       ///< [row][year][category]
  std::vector<double> total_kt_co2e;     ///< [row][year]
  /// [row][test], tests in the order of reporting::k_compliance_tests: 1 met, 0 not, NaN if the run
  /// does not cover the test's years.
  std::vector<double> eu_compliance;
};

/// What every rank knows of the ensemble.
struct EnsembleSpec {
  const io::EnsembleConfig* config = nullptr;
  const std::vector<EnsembleEntry>* entries = nullptr;  ///< one per config->scenarios entry
  const ensemble::SamplingPlan* plan = nullptr;         ///< nullptr: no draws (scenarios only)
  reporting::EuParameters eu;                           ///< the run's EU figures (for the inventory tables)
  /// Folder of the member records (member_record.hpp) the group roots write after each member; empty:
  /// none.
  std::string record_checkpoint_dir;
  /// Testing hook (environment POLDER_FAULT_AFTER_MEMBER): SIGKILL right after this member's record.
  std::optional<std::int64_t> kill_after_member;
};

/// Runs `members` on `sim` in the order given. After each one, `after(member, sim)` is called on every
/// rank of the simulation's communicator (the member's results are complete on its root). Returns the
/// members' rows on the simulation's root (empty tables elsewhere). Collective on the simulation's
/// communicator.
EnsembleTables run_members(Simulation& sim, const EnsembleSpec& spec, std::span<const std::int64_t> members,
                           const std::function<void(std::int64_t, const Simulation&)>& after);

/// Joins the rows that the ranks with `contributes` hold (each group's root) on rank 0 of `world`,
/// sorted by member (other ranks get the shape and no rows). Collective on world.
EnsembleTables gather_tables(const parallel::Comm& world, const EnsembleTables& mine, bool contributes);

}  // namespace polder::engine
