#pragma once
// A whole run: load and check the inputs once (kept for the run's life), set up the starting state
// (or restore a checkpoint), then for every year update land use, burn fires, run the processes per
// tile over OpenMP threads, reduce the ledger exactly onto rank 0, update the national HWP pools,
// report progress and write checkpoints. The same kept input can start the run again (`rerun`), which
// is what every further member of an ensemble costs.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/config/parameter_set.hpp"
#include "io/config/run_config.hpp"
#include "solver/engine/area_book.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/climate_forcing.hpp"
#include "solver/engine/climate_tables.hpp"
#include "solver/engine/fire_process.hpp"
#include "solver/engine/input_loader.hpp"
#include "solver/engine/land_use_pass.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/engine/process_pass.hpp"
#include "solver/engine/tile_ledger.hpp"
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
  LoadTimings load;
  double initialise_s = 0.0;
  double years_s = 0.0;
  double checkpoint_s = 0.0;
  double total_s = 0.0;
  // Parts of the yearly loop (this rank's wall time in each).
  double land_use_s = 0.0;
  double fire_s = 0.0;
  double processes_s = 0.0;
  double reduce_s = 0.0;   ///< including waiting for the slowest rank
  ProcessTimes processes;  ///< thread time per process, summed over this rank's threads
};

class Simulation {
 public:
  Simulation(const parallel::Comm& comm, SimulationOptions options, const io::ParameterSet& parameters);

  /// Runs the remaining years. Results are complete on rank 0 only.
  void run();
  /// Sets the member up again from the kept input (no reading) and runs it from the start year. The
  /// results replace the previous ones and must be the same bits.
  void rerun();

  const std::vector<model::YearTotals>& years() const { return m_years; }
  const RunIdentity& identity() const { return m_identity; }
  const RunTimings& timings() const;
  std::int64_t total_active_cells() const { return m_input.layout->total_active(); }
  std::int64_t local_cells() const { return static_cast<std::int64_t>(m_input.n_cells()); }
  /// Bytes per active cell the run holds on this rank: the state and the kept input.
  double state_bytes_per_cell();
  const io::StackInfo& input_info() const { return m_input.info; }
  std::int32_t first_year() const { return m_first_year; }
  int threads() const;

 private:
  void start_member();
  void run_year(std::int32_t year);
  void write_checkpoint(std::int32_t year);
  void restore(const std::string& path);

  const parallel::Comm& m_comm;
  SimulationOptions m_options;
  ModelParameters m_parameters;
  RunIdentity m_identity;
  KeptInput m_input;
  std::unique_ptr<ClimateForcing> m_climate;
  std::unique_ptr<ClimateFactors> m_factors;
  ClimateTables m_tables;
  CellState m_state;
  std::unique_ptr<FireProcess> m_fire;
  std::vector<AreaBook> m_areas;            ///< counts per local tile
  std::vector<std::size_t> m_event_cursor;  ///< per local tile: next land-use event
  std::vector<model::YearTotals> m_years;
  std::array<double, 3> m_hwp_stock{};  ///< national HWP pools (rank 0)
  // Work buffers kept between years: per thread, and the fires of the year per tile.
  std::vector<LandUseScratch> m_land_use_scratch;
  std::vector<ProcessScratch> m_process_scratch;
  std::vector<TileLedger> m_tile_ledgers;
  std::vector<std::vector<std::int64_t>> m_thread_ledgers;
  std::vector<std::vector<std::int64_t>> m_thread_transitions;
  std::vector<std::vector<std::uint32_t>> m_burnt;
  bool m_hwp_started = false;
  std::int32_t m_first_year = 0;  ///< first year this invocation computes
  mutable RunTimings m_timings;
};

}  // namespace polder::engine
