#pragma once
// Writes the HDF5 inventory (schema: docs/output-format.md). Rank 0 writes the whole file alone (the
// tables are small); it goes to a temporary name in the same folder and is renamed only when complete,
// so a crash never leaves a file that looks like a finished inventory.

#include <cstdint>
#include <string>
#include <vector>

#include "io/config/parameter_set.hpp"
#include "solver/model/year_totals.hpp"

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
  std::int64_t peak_rss_bytes = 0;        ///< sum over ranks of each rank's peak resident memory
  std::int64_t state_bytes_per_cell = 0;  ///< bytes of per-cell state the engine holds
  std::string restarted_from;             ///< checkpoint path, empty for an uninterrupted run
  std::vector<InputRecord> inputs;
  std::vector<Parameter> parameters;
};

/// Writes `years` (from the first inventory year on) and the provenance to `path` atomically.
void write_inventory(const std::string& path, const std::vector<model::YearTotals>& years, const Provenance& prov);

}  // namespace polder::io
