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
#include "solver/engine/land_use_projection.hpp"
#include "solver/engine/map_output.hpp"
#include "solver/engine/measure_plan.hpp"
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
  /// The Monte Carlo draw of the member (0: the central estimate, and every plain run). It keys every
  /// per-cell random draw: kernels::draw_seed(config.seed, draw).
  std::int64_t draw = 0;
  /// Checkpoint of another run's shared historical years to branch from (--branch-from): its scenario,
  /// measures and parameter values may differ from this run's (checkpoint.cpp, docs/scenarios.md).
  std::optional<std::string> branch_path;
  /// Testing hook (environment POLDER_FAULT_AFTER_CHECKPOINT): kill the process with SIGKILL right
  /// after the checkpoint of this year has been committed, to test restart after a crash.
  std::optional<std::int32_t> kill_after_checkpoint;
  /// Testing hook (POLDER_STALL_AFTER_CHECKPOINT): sleep two minutes after the checkpoint of this year,
  /// so the job tests can cancel or requeue a job at a known point of its run.
  std::optional<std::int32_t> stall_after_checkpoint;
};

/// Digests and identities that tie outputs and checkpoints to their inputs.
struct RunIdentity {
  std::string input_digest;
  std::string climate_digest;
  std::string parameters_digest;  ///< of the parameter values actually used
  std::string scenario_digest;    ///< of the measures and projection settings (measure_plan.hpp)
};

/// What a branch started from (--branch-from), recorded in the inventory's provenance.
struct BranchOrigin {
  std::string path;
  std::string digest;         ///< of the checkpoint file
  std::int32_t year = 0;      ///< the last year of the parent run the branch took over
  std::string scenario;       ///< the parent's climate scenario
  std::string measure_files;  ///< the parent's measure files, newline-separated (empty without)
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

/// What makes one member of an ensemble: the config of its scenario entry (the run's config with the
/// entry's climate scenario and measure files layered on), its parameters and its Monte Carlo draw.
/// Everything else (input stack, grid, years, seed) is the run's.
struct MemberSetup {
  io::RunConfig config;
  ModelParameters parameters;
  std::string parameters_digest;  ///< of the member's parameter values
  std::int64_t draw = 0;
};

class Simulation {
 public:
  Simulation(const parallel::Comm& comm, SimulationOptions options, const io::ParameterSet& parameters);

  /// Runs the remaining years. Results are complete on rank 0 only.
  void run();
  /// Sets the member up again from the kept input (no reading) and runs it from the start year. The
  /// results replace the previous ones and must be the same bits.
  void rerun();
  /// Makes `member` the simulation's member (its parameters, draw, climate scenario and measures),
  /// sets it up from the kept input and runs it from the start year: the same bits as a Simulation
  /// built for that member alone. Collective. Throws InternalError if the member's config differs from
  /// the run's in what the kept input was loaded for (input, climate file, years, grid, seed).
  void run_member(const MemberSetup& member);

  const std::vector<model::YearTotals>& years() const { return m_years; }
  const MeasurePlan& measures() const { return m_measures; }
  const ProjectionRates& projection() const { return m_projection; }
  const RunIdentity& identity() const { return m_identity; }
  /// Set when the run branched from another run's checkpoint.
  const std::optional<BranchOrigin>& branch_origin() const { return m_branch; }
  const RunTimings& timings() const;
  std::int64_t total_active_cells() const { return m_input.layout->total_active(); }
  std::size_t active_tiles() const { return m_input.layout->active_tiles().size(); }
  std::int64_t local_cells() const { return static_cast<std::int64_t>(m_input.n_cells()); }
  /// Bytes per active cell the run holds on this rank: the state and the kept input.
  double state_bytes_per_cell();
  const io::StackInfo& input_info() const { return m_input.info; }
  const parallel::Comm& comm() const { return m_comm; }
  std::int64_t draw() const { return m_options.draw; }
  const io::RunConfig& config() const { return m_options.config; }
  std::int32_t first_year() const { return m_first_year; }
  int threads() const;

 private:
  /// The key of the member's counter-based draws.
  std::uint64_t seed() const;
  void start_member();
  void run_year(std::int32_t year);
  void open_maps();
  void write_checkpoint(std::int32_t year);
  /// Restores a checkpoint of this run (restart) or, with `branch`, of another run's shared years.
  void restore(const std::string& path, bool branch);
  /// A branch adds measures to years not yet computed only: refuses one that starts by `branch_year`.
  void check_branch_measures(std::int32_t branch_year) const;

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
  std::vector<AreaBook> m_areas;              ///< counts per local tile
  std::vector<std::size_t> m_event_cursor;    ///< per local tile: next land-use event
  std::vector<std::size_t> m_measure_cursor;  ///< per local tile: next measure activation
  ProjectionRates m_projection;               ///< land-use change after the last map
  MeasurePlan m_measures;                     ///< the member's measures as cells
  std::vector<model::YearTotals> m_years;
  std::unique_ptr<MapOutput> m_maps;    ///< open while run() runs, when [output] maps names fields
  double* m_map_gases = nullptr;        ///< per-cell CH4 and N2O while a net_co2e map year runs
  std::array<double, 3> m_hwp_stock{};  ///< national HWP pools (rank 0)
  // Work buffers kept between years: per thread, and the fires of the year per tile.
  std::vector<LandUseScratch> m_land_use_scratch;
  std::vector<ProcessScratch> m_process_scratch;
  std::vector<TileLedger> m_tile_ledgers;
  std::vector<std::vector<std::int64_t>> m_thread_ledgers;
  std::vector<std::vector<std::int64_t>> m_thread_transitions;
  std::vector<std::vector<std::int64_t>> m_thread_measures;
  std::vector<std::vector<std::int64_t>> m_thread_wetland;
  std::vector<std::vector<std::uint32_t>> m_burnt;
  bool m_hwp_started = false;
  std::int32_t m_first_year = 0;  ///< first year this invocation computes
  std::optional<BranchOrigin> m_branch;
  mutable RunTimings m_timings;
};

}  // namespace polder::engine
