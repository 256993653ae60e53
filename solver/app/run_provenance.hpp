#pragma once
// What `polder run` records of a run besides its results: the provenance of the inventory (who, when,
// where, from which inputs and parameters, how long) and the summary of its measures and projection.
// Shared by single runs and ensembles.

#include "io/config/parameter_set.hpp"
#include "io/hdf5/inventory_writer.hpp"
#include "solver/engine/simulation.hpp"
#include "solver/parallel/comm.hpp"
#include "solver/reporting/measure_report.hpp"

namespace polder::app {

/// What the inventory records of the simulation's current member's measures and land-use projection.
reporting::ScenarioSummary scenario_summary(const engine::Simulation& sim);

/// The provenance of a run of `sim` with `config` and `parameters`, taking `wall_s` in all;
/// `timings` those of the member the inventory's main tables come from. Collective on `world` (memory
/// figures are reduced over its ranks).
io::Provenance run_provenance(const parallel::Comm& world, engine::Simulation& sim, const io::RunConfig& config,
                              const io::ParameterSet& parameters, const engine::RunTimings& timings,
                              const std::string& restarted_from, double wall_s);

}  // namespace polder::app
