#pragma once
// Writes the HDF5 inventory: exactly the datasets of the output schema (solver/reporting/output_schema.hpp,
// documented in docs/output-format.md), whose values the pure reporting layer computes
// (solver/reporting/inventory_builder.hpp). Rank 0 writes the whole file alone (the tables are small);
// it goes to a temporary name in the same folder and is renamed only when complete, so a crash never
// leaves a file that looks like a finished inventory.

#include <cstdint>
#include <string>
#include <vector>

#include "io/config/parameter_set.hpp"
#include "solver/model/year_totals.hpp"
#include "solver/reporting/eu_parameters.hpp"
#include "solver/reporting/inventory_data.hpp"
#include "solver/reporting/measure_report.hpp"

namespace polder::io {

struct InputRecord {
  std::string role;  ///< "input stack", "climate", "parameters"
  std::string path;
  std::string digest;  ///< sha256-tree-64MiB hex
};

struct Provenance {
  std::string run_name;
  std::string version;
  std::string git_revision;
  std::string created_utc;
  std::string hostname;
  std::string config_text;  ///< effective configuration
  std::string scenario;
  std::uint64_t seed = 0;
  std::int32_t start_year = 0;
  std::int32_t end_year = 0;
  std::int32_t tile_size = 0;
  std::int64_t active_cells = 0;
  double territory_kha = 0.0;
  std::string region;
  int ranks = 1;
  int threads = 1;
  double wall_time_s = 0.0;
  double years_time_s = 0.0;
  double load_time_s = 0.0;          ///< reading and checking the inputs, checksums included
  double initialise_time_s = 0.0;    ///< setting up the starting state (or restoring a checkpoint)
  std::vector<double> loop_parts_s;  ///< rank 0's time in land use, fire, processes, reduction
  std::vector<double> load_parts_s;  ///< rank 0's time reading, checking, distributing the input
  double repeat_member_s = 0.0;      ///< a further member from the kept input (--repeat), 0 if none
  double repeat_member_loop_s = 0.0;
  double repeat_member_initialise_s = 0.0;
  std::int64_t peak_rss_bytes = 0;         ///< sum over ranks of each rank's peak resident memory
  std::int64_t state_bytes_per_cell = 0;   ///< bytes of per-cell state the engine holds
  std::string restarted_from;              ///< checkpoint path, empty for an uninterrupted run
  std::string branched_from;               ///< checkpoint a branch (--branch-from) started from, or empty
  std::string branch_digest;               ///< of that checkpoint file (branches only)
  std::int32_t branch_year = 0;            ///< the parent's last year the branch took over (branches only)
  std::string parent_scenario;             ///< the parent run's climate scenario (branches only)
  std::string parent_measure_files;        ///< the parent run's measure files, newline-separated (branches only)
  std::vector<std::string> measure_files;  ///< the config files that define the run's measures
  std::string maps_output;                 ///< absolute path of the run's maps file, empty without maps
  std::vector<InputRecord> inputs;
  std::vector<Parameter> parameters;
};

/// Writes `years` (from the first inventory year on), their EU accounting with the Member-State figures
/// `eu`, and the provenance to `path` atomically; with `ensemble`, also its datasets (/ensemble and
/// /uncertainty, built by the engine: solver/engine/ensemble_output.hpp).
void write_inventory(const std::string& path, const std::vector<model::YearTotals>& years, const Provenance& prov,
                     const reporting::EuParameters& eu, const reporting::ScenarioSummary& scenario = {},
                     const reporting::InventoryData* ensemble = nullptr);

}  // namespace polder::io
