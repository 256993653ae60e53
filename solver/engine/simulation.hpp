#pragma once
// A whole run: load inputs, set up the starting state (or restore a checkpoint), then for every year
// update land use, burn fires, run the processes per tile over OpenMP threads, reduce the ledger
// exactly onto rank 0, update the national HWP pools, report progress and write checkpoints.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/config/parameter_set.hpp"
#include "io/config/run_config.hpp"
#include "solver/engine/area_book.hpp"
#include "solver/engine/climate_forcing.hpp"
#include "solver/engine/fire_process.hpp"
#include "solver/engine/input_loader.hpp"
#include "solver/engine/land_use_events.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/model/year_totals.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::engine {

struct SimulationOptions {
  io::RunConfig config;
  std::optional<std::string> restart_path;  ///< checkpoint to continue from
  bool progress = true;                     ///< print per-year progress on rank 0
  /// Testing hook (environment POLDER_FAULT_AFTER_CHECKPOINT): kill the process with SIGKILL right
  /// after the checkpoint of this year has been committed, to test restart after a crash.
  std::optional<std::int32_t> kill_after_checkpoint;
};

/// Digests and identities that tie outputs and checkpoints to their inputs.
struct RunIdentity {
  std::string input_digest;
  std::string climate_digest;
  std::string parameters_digest;  ///< of the parameter values actually used
};

struct RunTimings {
  double load_s = 0.0;
  double initialise_s = 0.0;
  double years_s = 0.0;
  double checkpoint_s = 0.0;
  double total_s = 0.0;
};

class Simulation {
 public:
  Simulation(const parallel::Comm& comm, SimulationOptions options, const io::ParameterSet& parameters);

  /// Runs the remaining years. Results are complete on rank 0 only.
  void run();

  const std::vector<model::YearTotals>& years() const { return m_years; }
  const RunIdentity& identity() const { return m_identity; }
  const RunTimings& timings() const { return m_timings; }
  std::int64_t total_active_cells() const { return m_input.layout->total_active(); }
  std::int64_t local_cells() const { return static_cast<std::int64_t>(m_input.state.n_cells()); }
  std::size_t state_bytes_per_cell() const { return m_input.state.bytes_per_cell(); }
  const io::StackInfo& input_info() const { return m_input.info; }
  std::int32_t first_year() const { return m_first_year; }
  int threads() const;

 private:
  void run_year(std::int32_t year);
  void write_checkpoint(std::int32_t year);
  void restore(const std::string& path);

  const parallel::Comm& m_comm;
  SimulationOptions m_options;
  ModelParameters m_parameters;
  RunIdentity m_identity;
  LoadedInput m_input;
  std::unique_ptr<ClimateForcing> m_climate;
  std::unique_ptr<FireProcess> m_fire;
  std::unique_ptr<LandUseEvents> m_events;  ///< land-use changes to visit, per tile and year
  std::vector<AreaBook> m_areas;            ///< reported areas per local tile
  std::vector<model::YearTotals> m_years;
  std::array<double, 3> m_hwp_stock{};  ///< national HWP pools (rank 0)
  // Per-year work buffers, kept between years to avoid reallocating them.
  std::vector<std::uint8_t> m_burnt;
  std::vector<std::vector<std::int64_t>> m_thread_ledgers;
  std::vector<std::vector<std::int64_t>> m_thread_transitions;
  bool m_hwp_started = false;
  std::int32_t m_first_year = 0;  ///< first year this invocation computes
  RunTimings m_timings;
};

}  // namespace polder::engine
